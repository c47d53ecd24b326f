import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TagCoverage } from '../api-client/segment-endpoints.js';
import { type ChartOption, EChart } from './echart.js';

type TagRow = TagCoverage['tags'][number];

/**
 * One tag over the child org units: the share of each unit's customers who hold it (bars) and
 * how many they are (labels), so a unit with few customers and a high share stands out.
 */
export function TagCoverageChart({ tag, units }: { tag: TagRow; units: TagCoverage['orgUnits'] }) {
  const { t } = useTranslation();
  if (units.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const rows = units.map((unit) => {
    const spread = tag.byOrgUnit.find((b) => b.id === unit.id);
    return { unit, count: spread?.count ?? 0, share: spread?.share ?? 0 };
  });
  const option: ChartOption = {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 56 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: unknown) => {
        const first = (Array.isArray(items) ? items[0] : items) as { dataIndex: number } | undefined;
        const row = first ? rows[first.dataIndex] : undefined;
        if (!row) return '';
        return `${row.unit.name}<br/>${row.count} / ${t('segments.catalog.unitCustomers', { count: row.unit.customers })}<br/>${(row.share * 100).toFixed(1)}%`;
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.unit.name),
      axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        data: rows.map((r) => Math.round(r.share * 1000) / 10),
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number }) => String(rows[p.dataIndex]?.count ?? ''),
        },
      },
    ],
  };
  return <EChart testId={`tag-coverage-chart-${tag.code}`} option={option} style={{ height: 240 }} />;
}
