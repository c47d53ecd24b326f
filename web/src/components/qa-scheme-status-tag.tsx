import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QaSchemeStatus } from '../../../src/api/contract.js';

const COLOR: Record<QaSchemeStatus, string> = { draft: 'blue', live: 'green', retired: 'default' };

export function QaSchemeStatusTag({ status }: { status: QaSchemeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="qa-scheme-status" data-status={status}>
      {t(`qa.schemes.statuses.${status}`)}
    </Tag>
  );
}
