import { Steps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatusStep } from '../api-client/types.js';

/** A work order's status history (受理 → 派单 → 到达 → 处理 → 回访 → 归档) as finished steps. */
export function StatusHistory({ steps }: { steps: WorkOrderStatusStep[] }) {
  const { t } = useTranslation();
  return (
    <Steps
      size="small"
      direction="vertical"
      current={steps.length - 1}
      data-testid="status-history"
      items={steps.map((step) => ({
        title: t(`workOrders.statuses.${step.status}`, { defaultValue: step.status }),
        status: 'finish' as const,
        description: [dayjs(step.at).format('YYYY-MM-DD HH:mm'), step.employee?.name, step.note]
          .filter(Boolean)
          .join(' · '),
      }))}
    />
  );
}
