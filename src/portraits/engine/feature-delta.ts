import { shareDenominator } from './compile-features.js';
import { countValues, type FeatureState, type SourceState } from './feature-state.js';
import type { SourceDef } from './source-types.js';
import type { FeatureDef } from './types.js';

/**
 * The incremental refresh of an incremental source (SourceDef.incremental): instead of reading
 * a subject's whole window (a year of traces: ~70 rows over 13 monthly partitions) it reads
 *
 * - the rows the marking trigger listed as not yet applied (portrait_dirty.trace_ids): each
 *   counts if its time is inside the window now, whatever its time (a late import of last
 *   month's call counts like a call made now); they are read from the partitions at or after
 *   the earliest listed time (portrait_dirty.trace_from);
 * - the rows that entered a window since the state's as-of time (its time in [as-of, now)) or
 *   left one (its time in [as-of − window, now − window)), apart from the listed ones;
 *
 * and applies their difference to the stored state (feature-state.ts). Every row of the subject
 * is either in the state (if inside a window at the state's as-of) or in the mark's list
 * (migration 0030), so the result is what a full read gives. A subject is read in full instead
 * when it has no state for this catalog, its list overflowed or a trace was rewritten (the
 * list is NULL), its state is a whole window old (the bands would overlap), a feature that
 * reads another table was told to look again (`revisitOn`), or a max or min lost a row.
 *
 * Parameters: $1 as-of, $2 subject keys (text), $3 catalog version, $4 subject kind, $5 source.
 */
export interface CompiledDelta {
  source: SourceDef;
  features: FeatureDef[];
  sql: string;
  /** Per feature, the delta columns applyDelta reads, in order. */
  columns: string[][];
  /** The changes after which a subject is read in full (the features' `revisitOn`). */
  revisitOn: ReadonlySet<string>;
}

export function compileDelta(source: SourceDef, features: readonly FeatureDef[]): CompiledDelta {
  const match = /^(\w+)\s+(\w+)$/.exec(source.from.trim());
  if (!source.incremental || !source.time || !match) {
    throw new Error(`source ${source.code}: a delta needs an incremental source over one table with an alias`);
  }
  const [, table, alias] = match;
  const time = source.time;
  const rowId = source.incremental.rowId;
  const windows = [...new Set(features.map((f) => f.windowDays as number))].sort((a, b) => a - b);
  const minWindow = windows[0] ?? 0;
  const asOf = '$1::timestamptz';
  const ofSubject = `${source.key} = st.k`;
  const notListed = `NOT ${rowId} = ANY(st.waiting)`;
  const bands = [
    // By id alone (the primary key), not with the subject's key: the subject's index would read
    // every row of the subject to find the listed ones. A listed row moved to another subject
    // since has made the list "not known" (NULL), so the ids are the subject's own.
    // The earliest listed time bounds the probe to the partitions from that month on
    // (portrait_dirty.trace_from, migration 0034); without it every month's key was descended.
    `SELECT ${alias}.*, true AS fresh FROM ${table} ${alias} WHERE ${rowId} = ANY(st.waiting) AND ${time} >= st.waiting_from`,
    `SELECT ${alias}.*, false FROM ${table} ${alias} WHERE ${ofSubject} AND ${time} >= st.as_of AND ${time} < ${asOf} AND ${notListed}`,
    ...windows.map(
      (w) =>
        `SELECT ${alias}.*, false FROM ${table} ${alias} WHERE ${ofSubject} AND ${time} >= st.as_of - interval '${w} days' AND ${time} < ${asOf} - interval '${w} days' AND ${notListed}`,
    ),
  ];
  const columns: string[][] = [];
  const select: string[] = [];
  // Per window, once per row: +1 for a row that counts now and did not at the state's as-of,
  // −1 for one that did and no longer does, 0 otherwise. Every feature of that window reads it.
  const difference = windows.map((w) => {
    const inNow = `(${time} >= ${asOf} - interval '${w} days' AND ${time} < ${asOf})`;
    const inBefore = `(NOT ${alias}.fresh AND ${time} >= st.as_of - interval '${w} days' AND ${time} < st.as_of)`;
    return `${inNow}::int - ${inBefore}::int AS d_${w}`;
  });
  features.forEach((f, i) => {
    const d = `${alias}.d_${f.windowDays as number}`;
    const where = f.where ? `(${f.where})` : 'true';
    const value = f.value ? `(${f.value})` : '';
    const sqls = deltaSql(f, { d, where, value, time, shareOf: shareDenominator(f).where });
    columns.push(
      sqls.map((sql, j) => {
        select.push(`${sql} AS d${i}_${j}`);
        return `d${i}_${j}`;
      }),
    );
  });
  // Each subject's state and mark by key (OFFSET 0 keeps them probes: a table the planner
  // knows nothing of yet was otherwise scanned whole for a part's keys). A mark listed before
  // migration 0034 has no earliest time: '-infinity' reads its listed rows from every month.
  const sql = `WITH st AS (
  SELECT s.subject_key, s.subject_key::${source.keyType} AS k, s.as_of, s.state,
    CASE WHEN d.subject_key IS NULL THEN '{}'::bigint[] ELSE d.trace_ids END AS waiting,
    coalesce(d.trace_from, '-infinity') AS waiting_from
  FROM unnest($2::text[]) AS q(key)
  CROSS JOIN LATERAL (SELECT * FROM portrait_source_state s
    WHERE s.subject_kind = $4 AND s.subject_key = q.key AND s.source = $5 OFFSET 0) s
  LEFT JOIN LATERAL (SELECT * FROM portrait_dirty d
    WHERE d.subject_kind = $4 AND d.subject_key = q.key OFFSET 0) d ON true
  WHERE s.catalog_version = $3 AND s.as_of <= ${asOf} AND s.as_of > ${asOf} - interval '${minWindow} days'
)
SELECT st.subject_key, st.state, st.waiting::text[] AS waiting,
  ${select.join(',\n  ')}
FROM st LEFT JOIN LATERAL (
  SELECT ${alias}.*, ${difference.join(', ')} FROM (
  ${bands.join('\n  UNION ALL\n  ')}
  ) ${alias}
) ${alias} ON true
WHERE st.waiting IS NOT NULL
GROUP BY st.subject_key, st.state, st.waiting`;
  const revisitOn = new Set(features.flatMap((f) => f.revisitOn ?? []));
  return { source, features: [...features], sql, columns, revisitOn };
}

function deltaSql(
  f: FeatureDef,
  e: { d: string; where: string; value: string; time: string; shareOf: string | undefined },
): string[] {
  const { d, where, value } = e;
  const entering = `FILTER (WHERE ${where} AND ${d} = 1)`;
  switch (f.aggregate) {
    case 'count':
      return [`coalesce(sum(${d}) FILTER (WHERE ${where}), 0)`];
    case 'sum':
      return [`coalesce(sum(${d} * ${value}) FILTER (WHERE ${where}), 0)::float8`];
    case 'avg':
      return [
        `coalesce(sum(${d} * ${value}) FILTER (WHERE ${where} AND ${value} IS NOT NULL), 0)::float8`,
        `coalesce(sum(${d}) FILTER (WHERE ${where} AND ${value} IS NOT NULL), 0)`,
      ];
    case 'share':
      return [
        `coalesce(sum(${d}) FILTER (WHERE ${where}), 0)`,
        `coalesce(sum(${d}) FILTER (WHERE ${e.shareOf ? `(${e.shareOf})` : 'true'}), 0)`,
      ];
    case 'distinct':
      return [
        `array_agg(${value}::text) FILTER (WHERE ${where} AND ${value} IS NOT NULL AND ${d} = 1)`,
        `array_agg(${value}::text) FILTER (WHERE ${where} AND ${value} IS NOT NULL AND ${d} = -1)`,
      ];
    case 'max':
    case 'min':
      return [`${f.aggregate}(${value}) ${entering}::float8`, `count(*) FILTER (WHERE ${where} AND ${d} = -1)`];
    case 'days_since':
      return [`extract(epoch FROM max(${e.time}) ${entering})::float8`];
    default:
      throw new Error(`feature ${f.code}: aggregate ${f.aggregate} has no delta`);
  }
}

/**
 * A feature's state after the delta columns of one subject, or 'reread' when the delta cannot
 * say (a max or min lost a row).
 */
export function applyDelta(
  f: FeatureDef,
  state: FeatureState | undefined,
  delta: readonly unknown[],
  asOf: Date,
): FeatureState | 'reread' {
  switch (f.aggregate) {
    case 'count':
    case 'sum':
      return n(state) + n(delta[0]);
    case 'avg':
    case 'share': {
      const [a, b] = (state as [number, number] | undefined) ?? [0, 0];
      return [a + n(delta[0]), b + n(delta[1])];
    }
    case 'distinct': {
      const added = countValues((delta[0] as string[] | null) ?? [], (state as Record<string, number>) ?? {});
      return countValues((delta[1] as string[] | null) ?? [], added, -1);
    }
    case 'max':
    case 'min': {
      if (n(delta[1]) > 0) return 'reread';
      const kept = (state as number | null | undefined) ?? null;
      const entered = delta[0] === null || delta[0] === undefined ? null : Number(delta[0]);
      if (kept === null || entered === null) return kept ?? entered;
      return f.aggregate === 'max' ? Math.max(kept, entered) : Math.min(kept, entered);
    }
    case 'days_since': {
      const windowStart = asOf.getTime() / 1000 - (f.windowDays as number) * 86_400;
      const stored = (state as number | null | undefined) ?? null;
      const kept = stored !== null && stored >= windowStart ? stored : null;
      const entered = delta[0] === null || delta[0] === undefined ? null : Number(delta[0]);
      if (kept === null || entered === null) return kept ?? entered;
      return Math.max(kept, entered);
    }
    default:
      throw new Error(`feature ${f.code}: aggregate ${f.aggregate} has no delta`);
  }
}

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A subject's state after a delta row, or 'reread'. */
export function applyDeltaRow(
  compiled: CompiledDelta,
  row: Record<string, unknown>,
  asOf: Date,
): SourceState | 'reread' {
  const before = row.state as SourceState;
  const after: SourceState = {};
  for (const [i, f] of compiled.features.entries()) {
    const next = applyDelta(
      f,
      before[f.code],
      (compiled.columns[i] ?? []).map((c) => row[c]),
      asOf,
    );
    if (next === 'reread') return 'reread';
    after[f.code] = next;
  }
  return after;
}
