import { createHash } from 'node:crypto';
import { notIncremental } from './feature-state.js';
import type { SourceDef } from './source-types.js';
import type { FeatureDef } from './types.js';

/**
 * One SELECT per source computing every feature of that source in one pass:
 * `agg(...) FILTER (WHERE <window> AND <where>)` per feature, grouped by subject.
 * Parameters: $1 = as-of (timestamptz), $2 = subject keys (array).
 */
export interface CompiledSource {
  source: SourceDef;
  features: FeatureDef[];
  sql: string;
  /** The prepared statement's name, for a source with a generic plan (unique per text). */
  statementName?: string;
  /**
   * An incremental source's extra columns per feature, in the order stateFromRow reads them
   * (feature-state.ts); empty for a feature whose value is its state.
   */
  stateColumns?: string[][];
}

const DAY_SECONDS = 86_400;

export function compileSource(source: SourceDef, features: readonly FeatureDef[]): CompiledSource {
  if (features.length === 0) throw new Error(`source ${source.code} has no features`);
  const from = source.from.replaceAll('$asOf', '$1::timestamptz');
  const maxWindow = Math.max(0, ...features.map((f) => f.windowDays ?? 0));
  const columns = features.map((f, i) => `${aggregateSql(source, f, maxWindow)} AS f${i}`);
  let stateColumns: string[][] | undefined;
  // A source whose features cannot all be kept incrementally is read in full every time; the
  // shipped catalog's trace source is held to it by a test (subject-definitions.test.ts).
  if (source.incremental && notIncremental(source, features) === null) {
    stateColumns = features.map((f, i) =>
      stateSql(source, f, maxWindow).map((sql, j) => {
        columns.push(`${sql} AS s${i}_${j}`);
        return `s${i}_${j}`;
      }),
    );
  }
  const where = [`${source.key} = ANY($2::${source.keyType}[])`];
  if (source.time) {
    where.push(`${source.time} < $1::timestamptz`);
    if (maxWindow > 0) where.push(`${source.time} >= $1::timestamptz - interval '${maxWindow} days'`);
  } else {
    // Every statement binds the same two parameters; this gives $1 its type when unused.
    where.push('$1::timestamptz IS NOT NULL');
  }
  // Rows no feature counts (e.g. SMS and bill notices for trace features) are dropped before
  // the aggregates evaluate their FILTERs; a feature over every row disables this.
  const rowFilters = features.flatMap((f) =>
    f.aggregate === 'share' && !f.shareOf ? [null] : [f.where ?? null, ...(f.shareOf ? [f.shareOf] : [])],
  );
  if (rowFilters.length > 0 && rowFilters.every((w) => w !== null)) {
    const rowFilter = `(${[...new Set(rowFilters)].map((w) => `(${w})`).join(' OR ')})`;
    where.push(joinsTables(source.from) ? afterTheJoin(source, rowFilter) : rowFilter);
  }
  const sql = `SELECT ${source.key} AS subject_key, ${columns.join(',\n  ')}
FROM ${from}
WHERE ${where.join(' AND ')}
GROUP BY ${source.key}`;
  const statementName =
    source.plan === 'generic'
      ? `features_${source.code}_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`
      : undefined;
  return {
    source,
    features: [...features],
    sql,
    ...(statementName ? { statementName } : {}),
    ...(stateColumns ? { stateColumns } : {}),
  };
}

/** The columns beside a feature's value that make up its running state (feature-state.ts). */
function stateSql(source: SourceDef, f: FeatureDef, maxWindow: number): string[] {
  const condition = featureFilter(source, f, maxWindow);
  const filter = `FILTER (WHERE ${condition})`;
  switch (f.aggregate) {
    case 'avg':
      return [`coalesce(sum((${f.value})) ${filter}, 0)::float8`, `count((${f.value})) ${filter}`];
    case 'share':
      return [`count(*) ${filter}`, `count(*) FILTER (WHERE ${featureFilter(source, shareDenominator(f), maxWindow)})`];
    case 'distinct':
      return [`array_agg((${f.value})::text) FILTER (WHERE ${condition} AND (${f.value}) IS NOT NULL)`];
    case 'days_since':
      return [`extract(epoch FROM max(${source.time}) ${filter})::float8`];
    default:
      return [];
  }
}

/** Whether `from` joins tables itself (a JOIN outside parentheses, i.e. not in a subquery). */
function joinsTables(from: string): boolean {
  let outer = from;
  for (let inner = outer.replace(/\([^()]*\)/g, ''); inner !== outer; inner = outer.replace(/\([^()]*\)/g, ''))
    outer = inner;
  return /\bJOIN\b/i.test(outer);
}

/**
 * The row filter of a joined source, kept at the join. Written plainly, the planner pushes the
 * conditions on one table below the join onto that table's scan, and for a table the subjects
 * do not restrict that scan reads every row: the call-turn source ran its regular expressions
 * over every customer's 360,000 call turns for each part of 2,500 customers (175 ms), where
 * after the join they see the part's 41,000 (80 ms). Naming the subject key in the same
 * expression keeps it where the key is; for a subject of the batch the key is never NULL, so
 * the rows kept are the same.
 */
function afterTheJoin(source: SourceDef, rowFilter: string): string {
  return `CASE WHEN ${source.key} IS NULL THEN false ELSE ${rowFilter} END`;
}

/** The row filter of one feature: its window (when narrower than the query's) and its `where`. */
export function featureFilter(source: SourceDef, f: FeatureDef, maxWindow: number): string {
  const parts: string[] = [];
  if (source.time && f.windowDays !== undefined && f.windowDays < maxWindow) {
    parts.push(`${source.time} >= $1::timestamptz - interval '${f.windowDays} days'`);
  }
  if (f.where) parts.push(`(${f.where})`);
  return parts.length ? parts.join(' AND ') : 'true';
}

/** A share's denominator as a feature of its own: the same window, `shareOf` as its condition. */
export function shareDenominator(f: FeatureDef): FeatureDef {
  const { where: _numerator, ...windowOnly } = f;
  return f.shareOf ? { ...windowOnly, where: f.shareOf } : windowOnly;
}

function aggregateSql(source: SourceDef, f: FeatureDef, maxWindow: number): string {
  const filter = `FILTER (WHERE ${featureFilter(source, f, maxWindow)})`;
  const value = () => {
    if (!f.value) throw new Error(`feature ${f.code}: aggregate ${f.aggregate} needs a value expression`);
    return `(${f.value})`;
  };
  switch (f.aggregate) {
    case 'count':
      return `count(*) ${filter}`;
    case 'sum':
      return `coalesce(sum(${value()}) ${filter}, 0)::float8`;
    case 'avg':
      return `avg(${value()}) ${filter}::float8`;
    case 'max':
      return `max(${value()}) ${filter}::float8`;
    case 'min':
      return `min(${value()}) ${filter}::float8`;
    case 'distinct':
      return `count(DISTINCT ${value()}) ${filter}`;
    case 'last': {
      if (!source.time) throw new Error(`feature ${f.code}: 'last' needs a source with a time column`);
      return `((array_agg(${value()} ORDER BY ${source.time} DESC) ${filter})[1])::float8`;
    }
    case 'days_since': {
      if (!source.time) throw new Error(`feature ${f.code}: 'days_since' needs a source with a time column`);
      return `(extract(epoch FROM ($1::timestamptz - max(${source.time}) ${filter})) / ${DAY_SECONDS})::float8`;
    }
    case 'share': {
      const denominator = `FILTER (WHERE ${featureFilter(source, shareDenominator(f), maxWindow)})`;
      return `coalesce(count(*) ${filter}::float8 / NULLIF(count(*) ${denominator}, 0), 0)`;
    }
    case 'slope':
      return slopeSql(source, f, filter);
    case 'value':
      return `max(${value()})::float8`;
    case 'ratio':
      throw new Error(`feature ${f.code}: 'ratio' features are derived after the sources, not compiled`);
  }
}

/**
 * Least-squares slope of the monthly series y_m (m = 0 … n−1, oldest first) without
 * grouping by month: Σ m·y_m equals Σ over rows of the row's month index times its weight,
 * so the slope comes out of the same single pass (months with no rows count as zero).
 */
function slopeSql(source: SourceDef, f: FeatureDef, filter: string): string {
  if (!source.time || !f.windowDays) throw new Error(`feature ${f.code}: 'slope' needs a time column and a window`);
  const n = Math.max(2, Math.round(f.windowDays / 30));
  const monthSeconds = (f.windowDays / n) * DAY_SECONDS;
  const m = `least(${n - 1}, floor(extract(epoch FROM (${source.time} - ($1::timestamptz - interval '${f.windowDays} days'))) / ${monthSeconds}))`;
  const y = f.value ? `(${f.value})` : '1';
  const sumM = (n * (n - 1)) / 2;
  const sumM2 = ((n - 1) * n * (2 * n - 1)) / 6;
  const denominator = n * sumM2 - sumM * sumM;
  return `((${n} * coalesce(sum(${m} * ${y}) ${filter}, 0) - ${sumM} * coalesce(sum(${y}) ${filter}, 0)) / ${denominator})::float8`;
}

/** Default of a feature whose source had no row for the subject. */
export function emptyValue(f: FeatureDef): number | null {
  return ['count', 'sum', 'distinct', 'share', 'slope'].includes(f.aggregate) ? 0 : null;
}
