import { Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { HotZones, HotZoneTreeNode } from '../api-client/portrait-endpoints.js';
import { type ChartOption, EChart } from './echart.js';
import { usePickName } from './portrait-format.js';

// The hot-zone levels are named by warning colour (red, orange, yellow, green); other level
// codes take a colour by rank, highest first.
const NAMED_COLOR: Record<string, string> = { red: '#cf1322', orange: '#fa8c16', yellow: '#fadb14', green: '#73d13d' };
const RANK_PALETTE = ['#cf1322', '#fa8c16', '#fadb14', '#73d13d'];
const UNKNOWN_COLOR = '#d9d9d9';

/** Colour of a hot-zone level: its own colour name, else its rank among the levels. */
export function levelColor(levels: HotZones['levels'], level: string | null): string {
  if (level === null) return UNKNOWN_COLOR;
  const named = NAMED_COLOR[level];
  if (named) return named;
  const rank = levels.findIndex((l) => l.grade === level);
  if (rank < 0) return UNKNOWN_COLOR;
  // The lowest level is calm whatever the number of levels.
  return rank === levels.length - 1 ? '#73d13d' : (RANK_PALETTE[rank] ?? '#fadb14');
}

/**
 * Where the tree starts to branch: a scope of one city, county and station would otherwise
 * spend the treemap's levels on single tiles. Returns that node and the names above it.
 */
export function branchingRoot(tree: HotZoneTreeNode): { root: HotZoneTreeNode; path: string[] } {
  const path: string[] = [];
  let root = tree;
  while (root.children?.length === 1 && root.children[0]) {
    path.push(root.name);
    root = root.children[0];
  }
  return { root, path };
}

/** The level a score falls in (bands are highest first), for org units that carry only a score. */
function levelOf(levels: HotZones['levels'], score: number | null): string | null {
  if (score === null) return null;
  return levels.find((l) => score >= l.min)?.grade ?? null;
}

interface TreemapNode {
  name: string;
  /** Set on transformer-area tiles: a click opens the area's portrait. */
  areaId?: string;
  value: number;
  riskScore: number | null;
  levelName: string;
  itemStyle: { color: string };
  children?: TreemapNode[];
}

/**
 * Where the service risk is: the org tree (company → … → grid → transformer area) as a
 * treemap, tiles sized by the API's value and coloured by hot-zone level; a click on an org
 * unit drills in, a click on a transformer area opens its portrait.
 */
export function HotZoneTreemap({ hotZones }: { hotZones: HotZones }) {
  const pick = usePickName();
  const navigate = useNavigate();
  // An org unit's tile drills in (ECharts' own zoom); a transformer area's opens its portrait.
  const openArea = useCallback(
    (data: unknown) => {
      const areaId = (data as Partial<TreemapNode> | undefined)?.areaId;
      if (areaId) navigate(`/areas/transformer_area/${encodeURIComponent(areaId)}`);
    },
    [navigate],
  );
  const option = useMemo<ChartOption>(() => {
    const { levels, tree } = hotZones;
    const toNode = (node: HotZoneTreeNode): TreemapNode => {
      const level = node.riskLevel ?? levelOf(levels, node.riskScore);
      const levelName = levels.find((l) => l.grade === level)?.name;
      return {
        name: node.name,
        ...(node.level === 'transformer_area' ? { areaId: node.id } : {}),
        value: node.value,
        riskScore: node.riskScore,
        levelName: levelName ? pick(levelName) : '',
        itemStyle: { color: levelColor(levels, level) },
        ...(node.children && node.children.length > 0 ? { children: node.children.map(toNode) } : {}),
      };
    };
    // The branching node is the breadcrumb root; its children are the first tiles.
    const root = tree ? branchingRoot(tree).root : null;
    const data = root ? (root.children?.length ? root.children.map(toNode) : [toNode(root)]) : [];
    return {
      animation: false,
      tooltip: {
        formatter: (p: unknown) => {
          const d = (p as { data?: TreemapNode }).data;
          if (!d) return '';
          return `${d.name}<br/>${d.riskScore ?? '—'} · ${d.levelName}`;
        },
      },
      series: [
        {
          type: 'treemap',
          name: root?.name ?? '',
          data,
          roam: false,
          leafDepth: 2,
          top: 8,
          left: 4,
          right: 4,
          bottom: 32,
          breadcrumb: { show: true, bottom: 4 },
          label: { show: true, formatter: '{b}', fontSize: 12 },
          upperLabel: { show: true, height: 22, color: '#fff' },
          itemStyle: { borderColor: '#fff', borderWidth: 1, gapWidth: 1 },
          levels: [
            { itemStyle: { borderColor: '#8c8c8c', borderWidth: 2, gapWidth: 2 } },
            { itemStyle: { borderColor: '#bfbfbf', borderWidth: 1, gapWidth: 1 } },
          ],
        },
      ],
    } as ChartOption;
  }, [hotZones, pick]);
  const path = hotZones.tree ? branchingRoot(hotZones.tree) : null;
  return (
    <>
      {path && path.path.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[...path.path, path.root.name].join(' / ')}
        </Typography.Text>
      )}
      <EChart option={option} style={{ height: 420 }} testId="hot-zone-treemap" onItemClick={openArea} />
    </>
  );
}
