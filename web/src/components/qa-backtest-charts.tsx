import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaBacktestResult } from '../../../src/api/contract.js';
import { type ChartOption, EChart } from './echart.js';

/** Calls per 10-point score bucket, live (baseline) beside the draft (candidate). */
export function QaBacktestHistogram({ result }: { result: QaBacktestResult }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const buckets = result.scores.histogram;
    const baseline = t('qa.backtest.baselineV', { version: result.baseline.version });
    const candidate = t('qa.backtest.candidateV', { version: result.candidate.version });
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [baseline, candidate] },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: buckets.map((b) => `${b.from}–${b.to}`) },
      yAxis: { type: 'value', name: t('qa.backtest.calls') },
      series: [
        { name: baseline, type: 'bar', itemStyle: { color: '#bfbfbf' }, data: buckets.map((b) => b.baseline) },
        { name: candidate, type: 'bar', itemStyle: { color: '#00706b' }, data: buckets.map((b) => b.candidate) },
      ],
    } as ChartOption;
  }, [result, t]);
  return <EChart option={option} testId="qa-backtest-histogram" style={{ height: 260 }} />;
}

/** Hit-count change per rule (draft minus live), the rules that changed most. */
export function QaBacktestRuleChanges({ result }: { result: QaBacktestResult }) {
  const { t } = useTranslation();
  const changed = useMemo(
    () =>
      result.rules
        .filter((rule) => rule.change !== 0)
        .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
        .slice(0, 15)
        .reverse(),
    [result],
  );
  const option = useMemo<ChartOption>(
    () =>
      ({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 180, right: 32, top: 8, bottom: 24 },
        xAxis: { type: 'value', name: t('qa.backtest.hitChange') },
        yAxis: {
          type: 'category',
          data: changed.map((rule) => rule.ruleName),
          axisLabel: { width: 170, overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            barMaxWidth: 14,
            data: changed.map((rule) => ({
              value: rule.change,
              itemStyle: { color: rule.change > 0 ? '#cf1322' : '#389e0d' },
            })),
          },
        ],
      }) as ChartOption,
    [changed, t],
  );
  if (changed.length === 0)
    return <Typography.Paragraph type="secondary">{t('qa.backtest.noChange')}</Typography.Paragraph>;
  return (
    <EChart option={option} testId="qa-backtest-rules" style={{ height: Math.max(120, changed.length * 24 + 40) }} />
  );
}
