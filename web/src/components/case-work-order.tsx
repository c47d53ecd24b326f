import { Card, Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseChain } from '../api-client/types.js';
import { useVocabulary } from '../session/vocabulary-context.js';
import { StatusHistory } from './status-history.js';

type CaseWorkOrderData = CaseChain['workOrders'][number];
const at = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export function CaseWorkOrder({ order }: { order: CaseWorkOrderData }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  return (
    <Card
      size="small"
      title={`${t('case.workOrder')} ${order.orderNo}`}
      extra={<Tag color="blue">{label('workOrderTypes', order.orderType)}</Tag>}
      data-testid="case-work-order"
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'topic', label: t('workOrders.topic'), children: label('topics', order.topic) },
          { key: 'channel', label: t('workOrders.channel'), children: label('channels', order.channel) },
          {
            key: 'urgency',
            label: t('workOrders.urgency'),
            children: t(`workOrders.urgencies.${order.urgency}`, { defaultValue: order.urgency }),
          },
          {
            key: 'status',
            label: t('workOrders.status'),
            children: t(`workOrders.statuses.${order.status}`, { defaultValue: order.status }),
          },
          { key: 'created', label: t('workOrders.createdAt'), children: at(order.createdAt) },
          { key: 'sla', label: t('workOrders.slaDeadline'), children: at(order.slaDeadline) },
          { key: 'handler', label: t('workOrders.handler'), children: order.responsibleEmployee?.name ?? '—' },
          { key: 'satisfaction', label: t('workOrders.satisfaction'), children: order.satisfaction ?? '—' },
          { key: 'summary', label: t('workOrders.summary'), span: 2, children: order.summary ?? '—' },
        ]}
      />
      <div style={{ marginTop: 12, fontWeight: 600 }}>{t('case.statusHistory')}</div>
      <div style={{ marginTop: 8 }}>
        <StatusHistory steps={order.statusHistory} />
      </div>
    </Card>
  );
}
