/**
 * The portrait definition language. Definitions are data kept in the repo
 * (src/portraits/definitions); one definition feeds the batch rebuild (compiled to
 * set-based SQL), the incremental refresh and the evidence ("why" / "why not").
 */

export interface Names {
  zh: string;
  en: string;
}

/** What a portrait describes. Areas are transformer areas, feeders, grids and stations. */
export type SubjectKind = 'customer' | 'employee' | 'transformer_area' | 'feeder' | 'grid' | 'station';

export type Aggregate =
  /** rows matching `where` */
  | 'count'
  | 'sum'
  | 'avg'
  | 'max'
  | 'min'
  /** the newest row's `value` */
  | 'last'
  /** days from the newest matching row to the portrait's as-of time (null when none) */
  | 'days_since'
  | 'distinct'
  /** least-squares slope of the monthly count (or monthly sum of `value`) over the window, per month */
  | 'slope'
  /** rows matching `where` ÷ rows matching `shareOf` (0 when none match `shareOf`) */
  | 'share'
  /** a column of a one-row-per-subject source (no window) */
  | 'value'
  /** numerator ÷ denominator of two other features (source 'derived'; 0 when the denominator is 0) */
  | 'ratio';

export interface FeatureDef {
  code: string;
  subject: SubjectKind;
  name: Names;
  description?: Names;
  /** A source of src/portraits/engine/sources.ts (e.g. 'trace', 'work_order', 'payment'). */
  source: string;
  aggregate: Aggregate;
  /** SQL expression over the source's alias for sum/avg/max/min/last/distinct/slope/value. */
  value?: string;
  /** SQL condition over the source's alias; trusted repo text, never user input. */
  where?: string;
  /** Denominator condition for `share` (absent = every row of the window). */
  shareOf?: string;
  /** For 'ratio': the two feature codes. */
  ratioOf?: { numerator: string; denominator: string };
  /**
   * For a condition that reads another table (a bill, a work order): the kinds of change
   * (portrait_dirty.changes) after which rows already counted may count differently, so the
   * incremental refresh reads the subject's window again instead of applying the new rows.
   */
  revisitOn?: readonly string[];
  /** Look-back window in days before the portrait's as-of time (absent for `value`). */
  windowDays?: number;
  unit?: Names;
  /** The group a feature is shown in (an employee's aspect, an area's dimension); absent for customers. */
  aspect?: TagDimension;
  version: number;
}

export type Comparison = '>=' | '>' | '<=' | '<' | '==' | '!=';

export interface LeafCondition {
  feature: string;
  op: Comparison;
  value: number;
}
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export type TagDimension =
  | 'sensitivity'
  | 'credibility'
  | 'expectation'
  | 'friendliness'
  | 'social_influence'
  | 'value'
  | 'behaviour'
  | 'consumption'
  // Employees: the five aspects of seed 000 (个人信息, 业务能力, 服务能力, 投诉记录, 实时状态).
  | 'personal'
  | 'business'
  | 'service'
  | 'complaint'
  | 'realtime'
  // Areas and equipment (台区, 线路, 网格, 供电所).
  | 'equipment'
  | 'outage'
  | 'demand'
  | 'customer_mix'
  | 'staff';

export interface StrategyDef {
  /** 1 = act first. */
  priority: number;
  zh: string;
  en: string;
}

export interface TagDef {
  code: string;
  subject: SubjectKind;
  name: Names;
  description: Names;
  dimension: TagDimension;
  /** 'warning' tags are shown red/orange, 'positive' green, 'info' blue. */
  tone: 'warning' | 'positive' | 'info';
  when: Condition;
  strategy?: StrategyDef;
  version: number;
}

export interface PointsRule {
  when: Condition;
  points: number;
  reason: Names;
}

/**
 * One feature's term of a weighted score. x is the value, or log(1 + value) with transform
 * 'log1p' (counts: the tenth complaint says less than the first); center and scale are in x's units.
 */
export interface FeatureWeight {
  weight: number;
  center: number;
  scale: number;
  transform?: 'log1p';
}

export type ScoreDef = {
  code: string;
  subject: SubjectKind;
  name: Names;
  description: Names;
  min: number;
  max: number;
  version: number;
} & (
  | { kind: 'points'; base: number; rules: PointsRule[] }
  /** The score is a feature's value (e.g. the credit ledger's month-end score). */
  | { kind: 'feature'; feature: string }
  /** Σ weight × feature; with link 'logistic' the result is a probability × max. */
  | {
      kind: 'weighted';
      intercept: number;
      /** Per feature: weight × (x − center) ÷ scale; a missing value counts as the center. */
      weights: Record<string, FeatureWeight>;
      link: 'linear' | 'logistic';
    }
);

export interface GradeBand {
  grade: string;
  /** Lowest score (inclusive) of the band; bands are checked highest first. */
  min: number;
  name: Names;
}

export interface GradeDef {
  code: string;
  subject: SubjectKind;
  name: Names;
  description: Names;
  score: string;
  bands: GradeBand[];
  version: number;
}

export interface DefinitionCatalog {
  features: FeatureDef[];
  tags: TagDef[];
  scores: ScoreDef[];
  grades: GradeDef[];
}

/** A subject's computed features: code → number (null when the source had nothing to say). */
export type FeatureValues = Record<string, number | null>;
