import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaAgentPortrait } from '../../../src/api/contract.js';
import { type ChartOption, EChart } from './echart.js';
import { PASS_LINE } from './qa-score-tag.js';

/** The agent's mean score by month beside the team's, with the pass line; calls per month as bars. */
export function QaScoreTrendChart({ portrait }: { portrait: QaAgentPortrait }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const months = portrait.trend.map((m) => m.month);
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: {
        top: 0,
        data: [
          t('qa.portrait.agentScore'),
          t('qa.portrait.teamScore'),
          t('qa.portrait.passLine'),
          t('qa.portrait.calls'),
        ],
      },
      grid: { left: 44, right: 44, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100 },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        {
          name: t('qa.portrait.calls'),
          type: 'bar',
          yAxisIndex: 1,
          barMaxWidth: 18,
          itemStyle: { color: '#d9d9d9' },
          data: portrait.trend.map((m) => m.calls),
        },
        {
          name: t('qa.portrait.agentScore'),
          type: 'line',
          itemStyle: { color: '#00706b' },
          data: portrait.trend.map((m) => m.meanScore),
        },
        {
          // A flat series rather than a markLine, which would add a component to the ECharts chunk.
          name: t('qa.portrait.passLine'),
          type: 'line',
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#d46b08', type: 'dotted', width: 1 },
          itemStyle: { color: '#d46b08' },
          data: portrait.trend.map(() => PASS_LINE),
        },
        {
          name: t('qa.portrait.teamScore'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#8c8c8c' },
          data: portrait.trend.map((m) => m.teamMeanScore),
        },
      ],
    } as ChartOption;
  }, [portrait, t]);
  return <EChart option={option} testId="qa-trend-chart" />;
}

/**
 * Points lost per call in each category, the agent against the team: the smaller the shape,
 * the better; a category where the agent's point lies outside the team's is a weakness.
 */
export function QaCategoryRadar({ portrait }: { portrait: QaAgentPortrait }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const top = Math.max(0.5, ...portrait.categories.flatMap((c) => [c.deductionPerCall, c.teamDeductionPerCall]));
    const max = Math.ceil(top * 12) / 10;
    return {
      animation: false,
      tooltip: {},
      legend: { top: 0, data: [t('qa.portrait.agent'), t('qa.portrait.team')] },
      radar: {
        center: ['50%', '56%'],
        radius: '64%',
        indicator: portrait.categories.map((c) => ({ name: c.name, max })),
      },
      series: [
        {
          type: 'radar',
          data: [
            {
              name: t('qa.portrait.agent'),
              value: portrait.categories.map((c) => Number(c.deductionPerCall.toFixed(2))),
              itemStyle: { color: '#cf1322' },
              areaStyle: { opacity: 0.15 },
            },
            {
              name: t('qa.portrait.team'),
              value: portrait.categories.map((c) => Number(c.teamDeductionPerCall.toFixed(2))),
              itemStyle: { color: '#8c8c8c' },
              lineStyle: { type: 'dashed' },
            },
          ],
        },
      ],
    } as ChartOption;
  }, [portrait, t]);
  return <EChart option={option} testId="qa-category-radar" />;
}
