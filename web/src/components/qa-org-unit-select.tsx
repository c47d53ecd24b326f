import { useTranslation } from 'react-i18next';
import { OrgUnitTreeSelect } from './org-unit-tree-select.js';

/** Picks a team or any unit above it (the API takes the unit and everything below it). */
export function QaOrgUnitSelect({
  value,
  onChange,
  testId,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <OrgUnitTreeSelect
      value={value}
      onChange={onChange}
      testId={testId}
      placeholder={t('qa.filters.orgUnit')}
      expandAll={false}
      style={{ minWidth: 200 }}
    />
  );
}
