import { Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WorkOrderSummary } from '../api-client/types.js';
import { useVocabulary } from '../session/vocabulary-context.js';

const TYPE_COLOR: Record<string, string> = {
  complaint: 'red',
  report: 'volcano',
  opinion: 'orange',
  repair: 'blue',
  praise: 'green',
};
const at = (iso: string | null) => (iso ? dayjs(iso).format('YY-MM-DD HH:mm') : '');

// Past its deadline: still open after it, or closed after it.
function isOverdue(order: WorkOrderSummary): boolean {
  if (!order.slaDeadline) return false;
  const end = order.closedAt ? dayjs(order.closedAt) : dayjs();
  return end.isAfter(dayjs(order.slaDeadline));
}

export function WorkOrderTable({ orders, pageSize = 10 }: { orders: WorkOrderSummary[]; pageSize?: number }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const columns: TableColumnsType<WorkOrderSummary> = [
    {
      title: t('workOrders.type'),
      dataIndex: 'orderType',
      width: 84,
      render: (type: string) => <Tag color={TYPE_COLOR[type] ?? 'default'}>{label('workOrderTypes', type)}</Tag>,
    },
    {
      title: t('workOrders.topic'),
      dataIndex: 'topic',
      width: 96,
      // The customer's own words sit behind the topic, one hover away.
      render: (topic: string, order) => (
        <Tooltip title={order.summary ?? undefined}>
          <span>{label('topics', topic)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('workOrders.status'),
      dataIndex: 'status',
      width: 72,
      render: (status: string) => t(`workOrders.statuses.${status}`, { defaultValue: status }),
    },
    { title: t('workOrders.createdAt'), dataIndex: 'createdAt', width: 118, render: at },
    {
      title: t('workOrders.slaDeadline'),
      dataIndex: 'slaDeadline',
      width: 118,
      render: (deadline: string | null, order) => (
        <span>
          {at(deadline)}
          {isOverdue(order) && (
            <Tag color="error" style={{ marginInlineStart: 0 }}>
              {t('workOrders.overdue')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('workOrders.satisfaction'),
      dataIndex: 'satisfaction',
      width: 64,
      render: (score: number | null) =>
        score === null ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Typography.Text {...(score <= 2 ? { type: 'danger' as const } : {})}>{`${score} / 5`}</Typography.Text>
        ),
    },
    {
      title: t('workOrders.caseChain'),
      dataIndex: 'caseId',
      width: 170,
      render: (caseId: string) => (
        <Link to={`/cases/${encodeURIComponent(caseId)}`} data-testid="work-order-case-link">
          {caseId}
        </Link>
      ),
    },
  ];
  return (
    <div data-testid="work-order-table">
      <Table<WorkOrderSummary>
        rowKey="orderNo"
        size="small"
        columns={columns}
        dataSource={orders}
        scroll={{ x: 722 }}
        pagination={orders.length > pageSize ? { pageSize, size: 'small' } : false}
      />
    </div>
  );
}
