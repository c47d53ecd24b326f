/**
 * The rule language of the consumption definition: conditions over a profile's figures and
 * over the patterns already found. One condition is both compiled to SQL for the batch
 * rebuild (compile-sql.ts) and evaluated here for "why" in the API and for the tests, so a
 * rule is written once.
 */

export interface Names {
  zh: string;
  en: string;
}

/** Figures a condition may name: columns of consumption_profile. */
export const FIGURE_CODES = [
  'segment',
  'months',
  'avg_daily_kwh',
  'level_vs_peers',
  'level_band',
  'peak_share',
  'valley_share',
  'trend_slope_pct',
  'seasonality',
  'summer_ratio',
  'winter_ratio',
  'zero_run_max_days',
  'recent_vs_own',
  'recent_vs_peers',
  'sustained_vs_peers',
  'recent_zero_days',
  'baseline_days',
  'drop_days',
  'power_factor_avg',
  'max_load_kw',
  'days_behind_peers',
] as const;
export type FigureCode = (typeof FIGURE_CODES)[number];

/** Figure values of one profile; null where the readings could not say (too few days, no peers). */
export type Figures = Record<FigureCode, number | string | null>;

export type Comparison = '>=' | '>' | '<=' | '<' | '==' | '!=' | 'in';

export interface FigureCondition {
  figure: FigureCode;
  op: Comparison;
  value: number | string | readonly string[];
}
/** True when an earlier pattern holds (advice rules build on patterns). */
export interface PatternCondition {
  pattern: string;
}
export type Condition =
  | FigureCondition
  | PatternCondition
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

/** One leaf of a condition with the profile's actual value and whether it held. */
export interface Check {
  figure?: FigureCode;
  pattern?: string;
  op?: Comparison;
  threshold?: number | string | readonly string[];
  actual: number | string | boolean | null;
  /** null = unknown (the figure is null), which counts as not holding, as in SQL. */
  passed: boolean | null;
}

/**
 * SQL's three-valued logic, so the API's "why" and the batch's verdict never disagree: a
 * comparison with a null figure is unknown, `not unknown` is unknown, and only true holds.
 */
export function evaluate(condition: Condition, figures: Figures, patterns: readonly string[]): boolean | null {
  if ('all' in condition) {
    let result: boolean | null = true;
    for (const c of condition.all) {
      const r = evaluate(c, figures, patterns);
      if (r === false) return false;
      if (r === null) result = null;
    }
    return result;
  }
  if ('any' in condition) {
    let result: boolean | null = false;
    for (const c of condition.any) {
      const r = evaluate(c, figures, patterns);
      if (r === true) return true;
      if (r === null) result = null;
    }
    return result;
  }
  if ('not' in condition) {
    const r = evaluate(condition.not, figures, patterns);
    return r === null ? null : !r;
  }
  if ('pattern' in condition) return patterns.includes(condition.pattern);
  return compare(figures[condition.figure], condition.op, condition.value);
}

export function holds(condition: Condition, figures: Figures, patterns: readonly string[]): boolean {
  return evaluate(condition, figures, patterns) === true;
}

function compare(actual: number | string | null, op: Comparison, value: FigureCondition['value']): boolean | null {
  if (actual === null) return null;
  if (op === 'in') return Array.isArray(value) && value.includes(String(actual));
  if (op === '==') return actual === value;
  if (op === '!=') return actual !== value;
  if (typeof actual !== 'number' || typeof value !== 'number') return null;
  if (op === '>=') return actual >= value;
  if (op === '>') return actual > value;
  if (op === '<=') return actual <= value;
  return actual < value;
}

/** Every leaf of the condition with its actual value: the "thresholds behind" a verdict. */
export function checks(condition: Condition, figures: Figures, patterns: readonly string[]): Check[] {
  if ('all' in condition) return condition.all.flatMap((c) => checks(c, figures, patterns));
  if ('any' in condition) return condition.any.flatMap((c) => checks(c, figures, patterns));
  if ('not' in condition)
    return checks(condition.not, figures, patterns).map((c) => ({
      ...c,
      passed: c.passed === null ? null : !c.passed,
    }));
  if ('pattern' in condition) {
    const found = patterns.includes(condition.pattern);
    return [{ pattern: condition.pattern, actual: found, passed: found }];
  }
  return [
    {
      figure: condition.figure,
      op: condition.op,
      threshold: condition.value,
      actual: figures[condition.figure],
      passed: compare(figures[condition.figure], condition.op, condition.value),
    },
  ];
}
