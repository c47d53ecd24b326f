import { useMemo } from 'react';
import type { PortraitGroup } from '../api-client/portrait-endpoints.js';
import { type ChartOption, EChart } from './echart.js';
import { usePickName } from './portrait-format.js';

/**
 * A portrait's five groups as a radar, each 0–100: an employee's aspects (higher is better,
 * blue) or an area's risk dimensions (higher is riskier, red).
 */
export function PortraitGroupRadar({
  groups,
  name,
  meaning,
  testId,
}: {
  groups: PortraitGroup[];
  name: string;
  meaning: 'strength' | 'risk';
  testId: string;
}) {
  const pick = usePickName();
  const color = meaning === 'risk' ? '#f5222d' : '#1677ff';
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'item' },
      radar: {
        indicator: groups.map((group) => ({ name: pick(group.name), max: 100 })),
        radius: '66%',
        axisName: { color: '#595959' },
        splitArea: { areaStyle: { color: ['#fafafa', '#fff'] } },
      },
      series: [
        {
          type: 'radar',
          name,
          symbolSize: 5,
          areaStyle: { opacity: 0.2 },
          itemStyle: { color },
          label: { show: true, color, formatter: (p: { value?: unknown }) => String(p.value ?? '') },
          data: [{ name, value: groups.map((group) => Math.round(group.score ?? 0)) }],
        },
      ],
    }),
    [groups, pick, name, color],
  );
  return <EChart option={option} style={{ height: 280 }} testId={testId} />;
}
