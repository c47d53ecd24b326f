import type { WorkOrderSummary } from '../../customers/work-orders.js';
import type { Explanation } from '../engine/evidence.js';
import type { Names, TagDef } from '../engine/types.js';

/**
 * Reply shapes of the employee and area portraits and the hot-zone ranking (E1, E3, E4, E5).
 * The web client imports them through src/api/contract.ts.
 */

/** The five aspects of an employee portrait (seed 000): 个人信息, 业务能力, 服务能力, 投诉记录, 实时状态. */
export type EmployeeAspect = 'personal' | 'business' | 'service' | 'complaint' | 'realtime';
/** Area dimensions: 设备质量, 停电情况, 诉求投诉, 客户构成, 人员风险. */
export type AreaDimension = 'equipment' | 'outage' | 'demand' | 'customer_mix' | 'staff';
export type AreaKind = 'transformer_area' | 'feeder' | 'grid' | 'station';

export interface PortraitFeatureView {
  code: string;
  name: Names;
  value: number | null;
  unit: Names | null;
  source: string;
  windowDays: number | null;
}

export interface PortraitTagView {
  code: string;
  name: Names;
  description: Names;
  tone: TagDef['tone'];
  strategy: { priority: number; zh: string; en: string } | null;
}

export interface PortraitScoreView {
  code: string;
  name: Names;
  description: Names;
  value: number | null;
  min: number;
  max: number;
}

export interface PortraitGradeView {
  code: string;
  name: Names;
  grade: string | null;
  gradeName: Names | null;
  score: string;
}

export interface PortraitStrategyView {
  priority: number;
  zh: string;
  en: string;
  tag: string;
  tagName: Names;
}

/** One fired row of a points table: the reason and its signed points. */
export interface PointsReason {
  reason: Names;
  points: number;
}

/** One group of a portrait (an employee aspect or an area dimension) with its radar value. */
export interface PortraitGroupView<Code extends string> {
  code: Code;
  name: Names;
  /** 0–100, the group's points score (higher = better for employees, riskier for areas); null when not scored. */
  score: number | null;
  features: PortraitFeatureView[];
  tags: PortraitTagView[];
}

interface PortraitValidity {
  /** The time the portrait was computed for; `asOf` answers show the row valid then. */
  validFrom: string;
  validTo: string | null;
  computedAt: string;
  catalogVersion: string;
}

/** GET /api/v1/employees/:no/portrait */
export interface EmployeePortraitReply extends PortraitValidity {
  employee: {
    employeeNo: string;
    name: string;
    post: string;
    orgUnit: { id: string; name: string };
    /** 95598 agents get the call and quality-inspection points besides the common frame. */
    agent: boolean;
  };
  /** Star rating (星级, E3): 1–5 from the star points table, with the rows that fired. */
  stars: { stars: number | null; score: number | null; gradeName: Names | null; reasons: PointsReason[] };
  /** The five aspects in seed order, each with its radar value (0–100), statistic points and tags. */
  aspects: Array<PortraitGroupView<EmployeeAspect>>;
  scores: PortraitScoreView[];
  grades: PortraitGradeView[];
  strategies: PortraitStrategyView[];
  /** Read live, not from the stored portrait: the last operation in a source system. */
  realtime: { lastOperation: { operation: string; system: string | null; at: string } | null };
  /** Complaints against the employee: 12 monthly counts (oldest first) and the latest ten. */
  complaintHistory: {
    months: Array<{ month: string; complaints: number; substantiated: number }>;
    recent: WorkOrderSummary[];
  };
}

/** GET /api/v1/areas/:kind/:id/portrait */
export interface AreaPortraitReply extends PortraitValidity {
  area: {
    kind: AreaKind;
    id: string;
    name: string;
    /** The org unit the area belongs to (its grid, its station, or itself for grids and stations). */
    orgUnit: { id: string; name: string };
    path: string;
  };
  /** Service-risk score (0–100) and hot-zone level with the rows of the points table that fired. */
  risk: { score: number | null; level: string | null; levelName: Names | null; reasons: PointsReason[] };
  dimensions: Array<PortraitGroupView<AreaDimension>>;
  scores: PortraitScoreView[];
  grades: PortraitGradeView[];
  strategies: PortraitStrategyView[];
}

/** GET …/portrait/why for employees and areas: the same explanation as customers. */
export type SubjectPortraitWhyReply = Explanation & { validFrom: string };

export interface HotZone {
  kind: AreaKind;
  id: string;
  name: string;
  orgUnit: { id: string; name: string };
  riskScore: number;
  riskLevel: string | null;
  levelName: Names | null;
  customers: number | null;
  /** The largest fired rows of the points table, most points first (up to three). */
  reasons: PointsReason[];
  tags: Array<{ code: string; name: Names; tone: TagDef['tone'] }>;
}

/**
 * A node of the org tree for an ECharts treemap: org unit → … → grid → transformer area.
 * `value` sizes the tile (the risk score, at least 1, summed up the tree); `riskLevel` colours it.
 */
export interface HotZoneTreeNode {
  id: string;
  name: string;
  level: 'company' | 'city' | 'county' | 'station' | 'grid' | 'transformer_area';
  value: number;
  riskScore: number | null;
  riskLevel: string | null;
  children?: HotZoneTreeNode[];
}

/** GET /api/v1/hot-zones */
export interface HotZonesReply {
  kind: AreaKind;
  orgUnit: { id: string; name: string } | null;
  /** When the newest portrait in the ranking was computed (null when none has been). */
  computedAt: string | null;
  total: number;
  items: HotZone[];
  /** The hot-zone levels, highest first, for a legend. */
  levels: Array<{ grade: string; min: number; name: Names }>;
  tree: HotZoneTreeNode | null;
  /** True when the tree stops at grids because the scope holds too many transformer areas. */
  treeTruncated: boolean;
}
