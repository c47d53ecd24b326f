import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditReport } from '../api-client/types.js';

type ThirdPartyRecord = CreditReport['thirdParty'][number];

/**
 * The outside registries' records behind the ledger's 第三方失信/守信记录 lines: who reported
 * what and when, so an agent can name the source when the customer asks why the grade fell.
 */
export function CreditThirdPartyTable({ records }: { records: readonly ThirdPartyRecord[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ThirdPartyRecord> = [
    { title: t('credit.thirdParty.reportedOn'), dataIndex: 'reportedOn', width: 110 },
    { title: t('credit.thirdParty.agency'), dataIndex: 'agency' },
    {
      title: t('credit.thirdParty.verdict'),
      dataIndex: 'verdict',
      width: 96,
      render: (verdict: ThirdPartyRecord['verdict']) => (
        <Tag color={verdict === 'dishonest' ? 'red' : 'green'}>{t(`credit.thirdParty.${verdict}`)}</Tag>
      ),
    },
    { title: t('credit.thirdParty.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
  ];
  return (
    <Table<ThirdPartyRecord>
      size="small"
      rowKey="reportNo"
      pagination={false}
      data-testid="credit-third-party"
      title={() => <Typography.Text strong>{t('credit.thirdParty.title')}</Typography.Text>}
      columns={columns}
      dataSource={[...records]}
    />
  );
}
