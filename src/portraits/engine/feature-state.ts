import type { SourceDef } from './source-types.js';
import type { FeatureDef } from './types.js';

/**
 * What an incremental source keeps per subject so a new row can be applied without reading
 * the subject's window again (see feature-delta.ts): per feature, the running figure its
 * value comes from.
 *
 * - count, sum: the figure itself;
 * - max, min: the figure (a row leaving the window sends the subject back to a full read);
 * - avg: [sum, count]; share: [numerator, denominator];
 * - distinct: how many rows carry each value, so a row leaving the window takes its value
 *   away only when it was the last;
 * - days_since: the newest row's time (epoch seconds): rows leave a window oldest first, so
 *   once the newest has left, every older one has too.
 */
export type FeatureState = number | null | [number, number] | Record<string, number>;

/** A subject's state for one source, as stored in portrait_source_state.state. */
export type SourceState = Record<string, FeatureState>;

const INCREMENTAL: ReadonlySet<FeatureDef['aggregate']> = new Set([
  'count',
  'sum',
  'avg',
  'max',
  'min',
  'share',
  'distinct',
  'days_since',
]);

/**
 * Why a source cannot be kept incrementally, or null when it can: every feature's aggregate
 * has a state above, none reads the as-of time in its value or condition (only the window
 * does, which the delta handles), and a condition that reads another table says after which
 * changes its rows must be read again (`revisitOn`).
 */
export function notIncremental(source: SourceDef, features: readonly FeatureDef[]): string | null {
  if (!source.time) return `source ${source.code} has no time column`;
  for (const f of features) {
    if (!INCREMENTAL.has(f.aggregate)) return `feature ${f.code}: aggregate ${f.aggregate} has no running state`;
    if (f.windowDays === undefined) return `feature ${f.code} has no window`;
    if ([f.value, f.where, f.shareOf].some((sql) => sql !== undefined && /\$1\b/.test(sql)))
      return `feature ${f.code} reads the as-of time outside its window`;
    if (/\bSELECT\b/i.test(`${f.where ?? ''} ${f.shareOf ?? ''}`) && !f.revisitOn)
      return `feature ${f.code} reads another table but has no revisitOn`;
  }
  return null;
}

/** The state of one feature from the columns of a full computation (see stateColumns). */
export function stateFromRow(f: FeatureDef, value: number | null, extra: readonly unknown[]): FeatureState {
  switch (f.aggregate) {
    case 'avg':
    case 'share':
      return [Number(extra[0] ?? 0), Number(extra[1] ?? 0)];
    case 'distinct':
      return countValues((extra[0] as string[] | null) ?? [], {});
    case 'days_since':
      return extra[0] === null || extra[0] === undefined ? null : Number(extra[0]);
    default:
      return value;
  }
}

/** The feature's value from its state as of `asOf`. */
export function valueFromState(f: FeatureDef, state: FeatureState, asOf: Date): number | null {
  switch (f.aggregate) {
    case 'avg': {
      const [sum, n] = state as [number, number];
      return n === 0 ? null : sum / n;
    }
    case 'share': {
      const [numerator, denominator] = state as [number, number];
      return denominator === 0 ? 0 : numerator / denominator;
    }
    case 'distinct':
      return Object.keys(state as Record<string, number>).length;
    case 'days_since':
      return state === null ? null : (asOf.getTime() / 1000 - (state as number)) / 86_400;
    default:
      return state as number | null;
  }
}

/** Adds (sign 1) or takes away (sign −1) rows carrying these values. */
export function countValues(
  values: readonly string[],
  counts: Record<string, number>,
  sign = 1,
): Record<string, number> {
  const next = { ...counts };
  for (const v of values) {
    const n = (next[v] ?? 0) + sign;
    if (n > 0) next[v] = n;
    else delete next[v];
  }
  return next;
}
