import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QaCategoryScore } from '../../../src/api/contract.js';
import { QaPoints } from './qa-score-tag.js';

/** Points per category (服务礼仪, 业务准确 …) before and after the category's cap. */
export function QaCategoryScores({ scores }: { scores: QaCategoryScore[] }) {
  const { t } = useTranslation();
  return (
    <Table<QaCategoryScore>
      size="small"
      rowKey="category"
      pagination={false}
      dataSource={scores}
      data-testid="qa-category-scores"
      columns={[
        { title: t('qa.category'), dataIndex: 'name' },
        { title: t('qa.deducted'), dataIndex: 'deducted', align: 'right', render: (n: number) => (n ? -n : 0) },
        { title: t('qa.added'), dataIndex: 'added', align: 'right', render: (n: number) => (n ? `+${n}` : 0) },
        {
          title: t('qa.net'),
          key: 'net',
          align: 'right',
          render: (_, row) => (
            <>
              {row.net === 0 ? 0 : <QaPoints points={row.net} />}
              {row.capped && (
                <Tag style={{ marginInlineStart: 4 }} title={t('qa.cappedHint', { max: row.maxDeduction })}>
                  {t('qa.capped')}
                </Tag>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
