import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsumptionReport } from '../api-client/types.js';
import { type ChartOption, EChart } from './echart.js';

// One colour per time-of-use period, the same in every consumption chart.
const PERIOD_COLOR = { peak: '#f5222d', flat: '#faad14', valley: '#1677ff' } as const;
const PERIODS = ['peak', 'flat', 'valley'] as const;

/** The last 90 days, peak / flat / valley stacked; days without a split show as one bar. */
export function DailyUseChart({ daily }: { daily: ConsumptionReport['daily'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const split = daily.some((d) => d.peak !== null);
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: daily.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', name: 'kWh', splitLine: { lineStyle: { type: 'dashed' } } },
      series: split
        ? PERIODS.map((period) => ({
            name: t(`consumption.${period}`),
            type: 'bar' as const,
            stack: 'day',
            data: daily.map((d) => d[period]),
            itemStyle: { color: PERIOD_COLOR[period] },
          }))
        : [
            {
              name: t('consumption.kwh'),
              type: 'bar' as const,
              data: daily.map((d) => d.kwh),
              itemStyle: { color: '#3ba4a0' },
            },
          ],
    };
  }, [daily, t]);
  if (daily.length === 0) return <Empty description={t('consumption.noReadings')} />;
  return <EChart option={option} style={{ height: 240 }} testId="consumption-daily" />;
}

/** Each month's kWh against what the median peer of the area used over the same days. */
export function MonthlyVsPeersChart({ monthly }: { monthly: ConsumptionReport['monthly'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: monthly.map((m) => m.month) },
      yAxis: { type: 'value', name: 'kWh', splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          name: t('consumption.kwh'),
          type: 'bar',
          data: monthly.map((m) => m.kwh),
          itemStyle: { color: '#3ba4a0' },
          barMaxWidth: 24,
        },
        {
          name: t('consumption.peerMedian'),
          type: 'line',
          data: monthly.map((m) => m.peerMedianKwh),
          itemStyle: { color: '#8c8c8c' },
        },
      ],
    }),
    [monthly, t],
  );
  if (monthly.length === 0) return <Empty description={t('consumption.noReadings')} />;
  return <EChart option={option} style={{ height: 240 }} testId="consumption-monthly" />;
}

/** Peak / flat / valley shares of the window as one 100 % bar. */
export function TouShareChart({ share }: { share: NonNullable<ConsumptionReport['touShare']> }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'item', valueFormatter: (v) => `${Math.round(Number(v) * 100)}%` },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8 },
      xAxis: { type: 'value', max: 1, show: false },
      yAxis: { type: 'category', data: [''], show: false },
      series: PERIODS.map((period) => ({
        name: t(`consumption.${period}`),
        type: 'bar' as const,
        stack: 'share',
        data: [share[period]],
        itemStyle: { color: PERIOD_COLOR[period] },
        label: { show: true, formatter: () => `${Math.round(share[period] * 100)}%`, color: '#fff' },
        barWidth: 28,
      })),
    }),
    [share, t],
  );
  return <EChart option={option} style={{ height: 84 }} testId="consumption-tou" />;
}
