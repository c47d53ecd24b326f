import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { QaChainEvidence } from '../../../src/api/contract.js';

const COLOR: Record<QaChainEvidence['kind'], string> = {
  work_order: 'blue',
  status: 'geekblue',
  trace: 'purple',
  call_turn: 'cyan',
};

/** What a full-chain finding rests on: order rows, status notes, traces and agent turns, in order. */
export function QaChainEvidenceList({ evidence }: { evidence: QaChainEvidence[] }) {
  const { t } = useTranslation();
  return (
    <ul data-testid="qa-chain-evidence" style={{ listStyle: 'none', padding: 0, margin: '6px 0 0' }}>
      {evidence.map((item) => (
        <li
          key={`${item.kind}:${item.ref}`}
          data-kind={item.kind}
          style={{ display: 'flex', gap: 6, alignItems: 'baseline', fontSize: 12, lineHeight: '20px' }}
        >
          <Tag color={COLOR[item.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`qa.chain.evidenceKinds.${item.kind}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {item.at ? dayjs(item.at).format('MM-DD HH:mm') : ''} {item.ref}
          </Typography.Text>
          <span>{item.text}</span>
        </li>
      ))}
    </ul>
  );
}
