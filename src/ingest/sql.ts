/**
 * Set-based upserts: one `INSERT … SELECT FROM unnest(text[]…) ON CONFLICT DO UPDATE … WHERE
 * (…) IS DISTINCT FROM (…)` per batch, so a re-import of unchanged rows writes nothing and
 * keeps updated_at. Every value travels as text and is cast in SQL, which works the same on
 * PGlite and on node-postgres.
 */
import type { Queryable } from '../db/db.js';

export interface UpsertColumn {
  name: string;
  /** SQL type the text is cast to (text, numeric, date, timestamptz, boolean, jsonb, real[] …). */
  type: string;
  /** SQL default when the value is missing (the column's own default in the schema). */
  fallback?: string;
  /** SQL expression over the text `u.<name>` to use instead of the plain cast. */
  select?: string;
}

export interface UpsertSpec {
  table: string;
  key: readonly string[];
  columns: readonly UpsertColumn[];
  /** Whether the table has an updated_at column to touch on a real change. */
  touch: boolean;
  /** Extra columns to return for inserted/updated rows. */
  returning?: readonly string[];
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  rows: Record<string, unknown>[];
}

export function toText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The column-wise text arrays of rows given as objects. */
export function columnsOf(rows: readonly Record<string, unknown>[], names: readonly string[]): (string | null)[][] {
  return names.map((name) => rows.map((row) => toText(row[name])));
}

const sqlCache = new Map<UpsertSpec, string>();

export function upsertSql(spec: UpsertSpec): string {
  const cached = sqlCache.get(spec);
  if (cached) return cached;
  const names = spec.columns.map((c) => c.name);
  const select = spec.columns.map((c) => {
    const cast = c.select ?? (c.type === 'text' ? `u.${c.name}` : `u.${c.name}::${c.type}`);
    return c.fallback ? `coalesce(${cast}, ${c.fallback})` : cast;
  });
  const params = spec.columns.map((_, i) => `$${i + 1}::text[]`);
  const changing = names.filter((n) => !spec.key.includes(n));
  const sets = changing.map((n) => `${n} = EXCLUDED.${n}`);
  if (spec.touch) sets.push('updated_at = now()');
  const returning = [...spec.key, ...(spec.returning ?? []), '(xmax = 0) AS inserted'].join(', ');
  const onConflict =
    changing.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${sets.join(', ')}
         WHERE (${changing.map((n) => `${spec.table}.${n}`).join(', ')}) IS DISTINCT FROM (${changing
           .map((n) => `EXCLUDED.${n}`)
           .join(', ')})`;
  const sql = `INSERT INTO ${spec.table} (${names.join(', ')})
    SELECT ${select.join(', ')} FROM unnest(${params.join(', ')}) AS u(${names.join(', ')})
    ON CONFLICT (${spec.key.join(', ')}) ${onConflict}
    RETURNING ${returning}`;
  sqlCache.set(spec, sql);
  return sql;
}

/** Upserts rows (objects keyed by column name); rows returned are those inserted or changed. */
export async function upsert(tx: Queryable, spec: UpsertSpec, rows: readonly object[]): Promise<UpsertResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0, rows: [] };
  const names = spec.columns.map((c) => c.name);
  const result = await tx.query<Record<string, unknown> & { inserted: boolean }>(
    upsertSql(spec),
    columnsOf(rows as readonly Record<string, unknown>[], names),
  );
  const inserted = result.filter((r) => r.inserted).length;
  return { inserted, updated: result.length - inserted, rows: result };
}

/** Values (of one column of a referenced table) that do not exist there. */
export async function missingValues(
  tx: Queryable,
  table: string,
  column: string,
  values: Iterable<string | undefined>,
): Promise<Set<string>> {
  const wanted = [...new Set([...values].filter((v): v is string => v !== undefined))];
  if (wanted.length === 0) return new Set();
  const rows = await tx.query<{ v: string }>(
    `SELECT v FROM unnest($1::text[]) AS v WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${column} = v)`,
    [wanted],
  );
  return new Set(rows.map((r) => r.v));
}
