import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlyAccount } from '../api-client/types.js';
import { type ChartOption, EChart } from './echart.js';

/** Monthly consumption as bars, the bill amount as a line, late payments marked in red. */
export function UsageChart({ months: accounts }: { months: MonthlyAccount[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const sorted = [...accounts].sort((a, b) => a.month.localeCompare(b.month));
    const months = sorted.map((b) => b.month);
    return {
      // No animation: the chart is read, not watched, and screenshots must not catch it mid-way.
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('usage.kwh'), t('usage.amount'), t('usage.daysLate')] },
      grid: { left: 56, right: 100, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', name: 'kWh', splitLine: { lineStyle: { type: 'dashed' } } },
        { type: 'value', name: '¥', splitLine: { show: false } },
        { type: 'value', name: t('usage.daysLate'), offset: 48, splitLine: { show: false }, minInterval: 1 },
      ],
      series: [
        {
          name: t('usage.kwh'),
          type: 'bar',
          data: sorted.map((b) => b.kwh ?? b.billedKwh),
          itemStyle: { color: '#3ba4a0' },
          barMaxWidth: 24,
        },
        {
          name: t('usage.amount'),
          type: 'line',
          yAxisIndex: 1,
          data: sorted.map((b) => b.billAmount),
          itemStyle: { color: '#faad14' },
          smooth: true,
        },
        {
          name: t('usage.daysLate'),
          type: 'bar',
          yAxisIndex: 2,
          // Shown as a thin red bar only in months paid late; zero elsewhere keeps the axis honest.
          data: sorted.map((b) => (b.daysLate && b.daysLate > 0 ? b.daysLate : 0)),
          itemStyle: { color: '#f5222d' },
          barMaxWidth: 6,
        },
      ],
    } as ChartOption;
  }, [accounts, t]);

  if (accounts.length === 0) return <Empty description={t('usage.empty')} />;
  return <EChart option={option} testId="usage-chart" />;
}
