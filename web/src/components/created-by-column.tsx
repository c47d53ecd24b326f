import { type TableColumnType, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

interface Created {
  createdBy: { displayName: string } | null;
  createdAt: string;
}

/** Who created a row (plan, topic …) and on which day, in a small grey cell. */
export function createdByColumn<T extends Created>(t: TFunction): TableColumnType<T> {
  return {
    title: t('qa.sampling.createdBy'),
    key: 'created',
    width: 150,
    render: (_, row) => (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {row.createdBy?.displayName ?? ''} {dayjs(row.createdAt).format('YYYY-MM-DD')}
      </Typography.Text>
    ),
  };
}
