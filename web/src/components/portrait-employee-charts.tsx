import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeePortrait } from '../api-client/portrait-endpoints.js';
import { type ChartOption, EChart } from './echart.js';
import { usePickName } from './portrait-format.js';

/** The five aspects (seed 000) as a radar, each 0–100 (higher is better). */
export function EmployeeAspectRadar({ aspects }: { aspects: EmployeePortrait['aspects'] }) {
  const { t } = useTranslation();
  const pick = usePickName();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'item' },
      radar: {
        indicator: aspects.map((aspect) => ({ name: pick(aspect.name), max: 100 })),
        radius: '66%',
        axisName: { color: '#595959' },
        splitArea: { areaStyle: { color: ['#fafafa', '#fff'] } },
      },
      series: [
        {
          type: 'radar',
          name: t('portrait.employee.radar'),
          symbolSize: 5,
          areaStyle: { opacity: 0.2 },
          itemStyle: { color: '#1677ff' },
          label: { show: true, color: '#1677ff', formatter: (p: { value?: unknown }) => String(p.value ?? '') },
          data: [{ name: t('portrait.employee.radar'), value: aspects.map((aspect) => Math.round(aspect.score ?? 0)) }],
        },
      ],
    }),
    [aspects, pick, t],
  );
  return <EChart option={option} style={{ height: 280 }} testId="employee-radar" />;
}

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
