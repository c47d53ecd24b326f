/**
 * Writes service traces idempotently on (source, source_id) through trace_key: the same
 * content (by hash) changes nothing; different content updates the trace in place, bumps its
 * revision and keeps what was there before in trace_revision.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import type { CollectionPoints } from '../traces/collection-points.js';
import { type Channel, type Direction, TRACE_TYPES, type TraceType } from '../traces/vocabulary.js';
import { applyCollectionPoints } from './collection-filter.js';
import { toText } from './sql.js';

export interface TraceDraft {
  source_id: string;
  occurred_at: string;
  trace_type: TraceType;
  channel: Channel;
  direction?: Direction | undefined;
  customer_id: number | null;
  employee_id: number | null;
  /** How the source named the customer / employee: hashed instead of internal ids, so the
   * same source record hashes the same in every database. */
  customer_ref?: string | undefined;
  employee_ref?: string | undefined;
  case_id?: string | undefined;
  topic?: string | undefined;
  attributes: Record<string, unknown>;
}

/** not_collected: a collection point (src/traces/collection-points.ts) left the trace out. */
export type TraceWriteStatus = 'inserted' | 'updated' | 'unchanged' | 'not_collected';

export interface TraceWriteResult {
  status: Map<string, TraceWriteStatus>;
  traceIds: Map<string, number>;
}

export function contentHash(draft: TraceDraft): string {
  const content = [
    new Date(draft.occurred_at).toISOString(),
    draft.trace_type,
    draft.channel,
    directionOf(draft),
    draft.customer_ref ?? null,
    draft.employee_ref ?? null,
    draft.case_id ?? null,
    draft.topic ?? null,
    sortKeys(draft.attributes),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

const directionOf = (draft: TraceDraft): Direction => draft.direction ?? TRACE_TYPES[draft.trace_type].direction;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

/** Creates the monthly partitions the drafts fall in (once per month, under a lock on a server). */
export async function ensurePartitions(tx: Queryable, isServer: boolean, times: Iterable<string>): Promise<void> {
  const months = [...new Set([...times].map((t) => `${new Date(t).toISOString().slice(0, 7)}-01`))];
  if (months.length === 0) return;
  const missing = await tx.query<{ m: string }>(
    `SELECT m FROM unnest($1::text[]) AS m
     WHERE to_regclass(format('trace_y%sm%s', to_char(m::date, 'YYYY'), to_char(m::date, 'MM'))) IS NULL`,
    [months],
  );
  if (missing.length === 0) return;
  // Two sessions creating the same partition at once would collide.
  if (isServer) await tx.query('SELECT pg_advisory_xact_lock(7261002)');
  await tx.query('SELECT ensure_trace_partition(m::date) FROM unnest($1::text[]) AS m', [missing.map((r) => r.m)]);
}

const TRACE_COLUMNS = [
  'source_id',
  'occurred_at',
  'trace_type',
  'channel',
  'direction',
  'customer_id',
  'employee_id',
  'case_id',
  'topic',
  'attributes',
  'content_hash',
] as const;

const INPUT = `unnest(${TRACE_COLUMNS.map((_, i) => `$${i + 2}::text[]`).join(', ')}) AS i(${TRACE_COLUMNS.join(', ')})`;

const INSERT_SQL = `
WITH i AS (SELECT * FROM ${INPUT}),
ins AS (
  INSERT INTO trace (occurred_at, trace_type, channel, direction, customer_id, employee_id, case_id, topic, source, source_id, attributes)
  SELECT i.occurred_at::timestamptz, i.trace_type, i.channel, i.direction, i.customer_id::bigint, i.employee_id::bigint,
         i.case_id, i.topic, $1, i.source_id, i.attributes::jsonb FROM i
  RETURNING trace_id, occurred_at, source_id)
INSERT INTO trace_key (source, source_id, trace_id, occurred_at, content_hash)
SELECT $1, ins.source_id, ins.trace_id, ins.occurred_at, i.content_hash FROM ins JOIN i ON i.source_id = ins.source_id
RETURNING source_id, trace_id`;

const UPDATE_SQL = `
WITH i AS (SELECT * FROM ${INPUT}),
rev AS (
  INSERT INTO trace_revision (trace_id, revision, occurred_at, content)
  SELECT t.trace_id, t.revision, t.occurred_at, to_jsonb(t) FROM trace t
  JOIN trace_key k ON k.trace_id = t.trace_id AND k.occurred_at = t.occurred_at
  JOIN i ON k.source = $1 AND k.source_id = i.source_id),
upd AS (
  UPDATE trace t SET occurred_at = k.occurred_at_new, trace_type = k.trace_type, channel = k.channel,
    direction = k.direction, customer_id = k.customer_id_new, employee_id = k.employee_id_new, case_id = k.case_id,
    topic = k.topic, attributes = k.attributes_new, revision = t.revision + 1, recorded_at = now()
  FROM (SELECT k.trace_id AS tid, k.occurred_at AS old_at, i.occurred_at::timestamptz AS occurred_at_new,
          i.trace_type, i.channel, i.direction, i.customer_id::bigint AS customer_id_new,
          i.employee_id::bigint AS employee_id_new, i.case_id, i.topic, i.attributes::jsonb AS attributes_new
        FROM trace_key k JOIN i ON k.source = $1 AND k.source_id = i.source_id) AS k
  WHERE t.trace_id = k.tid AND t.occurred_at = k.old_at
  RETURNING t.trace_id, t.occurred_at)
UPDATE trace_key SET content_hash = i.content_hash, occurred_at = upd.occurred_at
FROM i, upd WHERE trace_key.source = $1 AND trace_key.source_id = i.source_id AND trace_key.trace_id = upd.trace_id
RETURNING trace_key.source_id, trace_key.trace_id`;

/** Writes drafts (source_ids unique within the call) for one source. */
export async function writeTraces(
  tx: Queryable,
  isServer: boolean,
  source: string,
  offered: readonly TraceDraft[],
  collectionPoints?: CollectionPoints,
): Promise<TraceWriteResult> {
  const status = new Map<string, TraceWriteStatus>();
  const traceIds = new Map<string, number>();
  if (offered.length === 0) return { status, traceIds };
  // Serialise writers of one source on a server, so two batches never race on a new key.
  if (isServer) await tx.query('SELECT pg_advisory_xact_lock(7261003, hashtext($1))', [source]);
  const existing = await tx.query<{ source_id: string; trace_id: number; content_hash: string }>(
    `SELECT k.source_id, k.trace_id, k.content_hash FROM trace_key k
     WHERE k.source = $1 AND k.source_id = ANY($2::text[])`,
    [source, offered.map((d) => d.source_id)],
  );
  const known = new Map(existing.map((r) => [r.source_id, r]));
  // Under the lock and knowing which keys are stored: a concurrent batch cannot slip a second
  // trace into a collection point's interval, and stored traces are never thinned.
  const { kept: drafts, notCollected } = await applyCollectionPoints(
    tx,
    offered,
    new Set(known.keys()),
    collectionPoints,
  );
  for (const sourceId of notCollected.keys()) status.set(sourceId, 'not_collected');
  await ensurePartitions(
    tx,
    isServer,
    drafts.map((d) => d.occurred_at),
  );
  const hashes = drafts.map(contentHash);
  const fresh: number[] = [];
  const changed: number[] = [];
  drafts.forEach((draft, i) => {
    const old = known.get(draft.source_id);
    if (!old) fresh.push(i);
    else if (old.content_hash !== hashes[i]) changed.push(i);
    else {
      status.set(draft.source_id, 'unchanged');
      traceIds.set(draft.source_id, old.trace_id);
    }
  });
  const params = (indexes: number[]) => [
    source,
    ...TRACE_COLUMNS.map((column) =>
      indexes.map((i) => {
        const draft = drafts[i] as TraceDraft;
        if (column === 'content_hash') return hashes[i];
        if (column === 'direction') return directionOf(draft);
        return toText(draft[column]);
      }),
    ),
  ];
  for (const [indexes, sql, label] of [
    [fresh, INSERT_SQL, 'inserted'],
    [changed, UPDATE_SQL, 'updated'],
  ] as const) {
    if (indexes.length === 0) continue;
    const rows = await tx.query<{ source_id: string; trace_id: number }>(sql, params(indexes));
    for (const row of rows) {
      status.set(row.source_id, label);
      traceIds.set(row.source_id, row.trace_id);
    }
  }
  return { status, traceIds };
}
