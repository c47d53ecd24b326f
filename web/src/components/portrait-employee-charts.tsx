import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeePortrait } from '../api-client/portrait-endpoints.js';
import { type ChartOption, EChart } from './echart.js';

/** Complaints against the employee per month (oldest first), substantiated ones beside them. */
export function EmployeeComplaintChart({ months }: { months: EmployeePortrait['complaintHistory']['months'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 36, right: 12, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          name: t('portrait.employee.complaintCount'),
          type: 'bar',
          barMaxWidth: 16,
          itemStyle: { color: '#fa8c16' },
          data: months.map((m) => m.complaints),
        },
        {
          name: t('portrait.employee.substantiated'),
          type: 'bar',
          barMaxWidth: 16,
          itemStyle: { color: '#f5222d' },
          data: months.map((m) => m.substantiated),
        },
      ],
    }),
    [months, t],
  );
  return <EChart option={option} style={{ height: 220 }} testId="employee-complaint-chart" />;
}
