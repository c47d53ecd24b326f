/**
 * Collection points (采集点, T6): per trace type, whether it is collected, how much of its
 * attributes is kept, and the minimum interval between two kept traces of one customer.
 * Ingest applies them before writing; the API lets an administrator change them.
 */
import type { Queryable } from '../db/db.js';
import { AppError } from '../errors.js';
import { isTraceType, type TraceType } from './vocabulary.js';

export interface CollectionPoint {
  traceType: TraceType;
  enabled: boolean;
  detail: 'full' | 'listed';
  /** Attribute keys kept when detail is 'listed'. */
  attributes: string[];
  minIntervalMinutes: number;
  purpose: string | null;
}

/** A trace type with no collection point is collected in full, every time. */
export const COLLECT_ALL: Omit<CollectionPoint, 'traceType'> = {
  enabled: true,
  detail: 'full',
  attributes: [],
  minIntervalMinutes: 0,
  purpose: null,
};

export type CollectionPoints = ReadonlyMap<string, CollectionPoint>;

interface Row {
  trace_type: string;
  enabled: boolean;
  detail: 'full' | 'listed';
  attributes: string[];
  min_interval_minutes: number;
  purpose: string | null;
}

// Ingest reads the points once per batch; a few seconds' cache per database keeps that query
// off the hot path (it cost ~8% of the first-start demo load). A change made through the API
// in this process applies at once (forgetCollectionPoints); other processes see it within
// CACHE_MS.
const CACHE_MS = 5_000;
const cache = new WeakMap<object, { loadedAt: number; points: CollectionPoints }>();

export async function cachedCollectionPoints(db: Queryable): Promise<CollectionPoints> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < CACHE_MS) return hit.points;
  const points = await loadCollectionPoints(db);
  cache.set(db, { loadedAt: Date.now(), points });
  return points;
}

export function forgetCollectionPoints(db: Queryable): void {
  cache.delete(db);
}

export async function loadCollectionPoints(db: Queryable): Promise<CollectionPoints> {
  const rows = await db.query<Row>(
    'SELECT trace_type, enabled, detail, attributes, min_interval_minutes, purpose FROM collection_point',
  );
  return new Map(rows.filter((r) => isTraceType(r.trace_type)).map((r) => [r.trace_type, fromRow(r)]));
}

const fromRow = (r: Row): CollectionPoint => ({
  traceType: r.trace_type as TraceType,
  enabled: r.enabled,
  detail: r.detail,
  attributes: r.attributes,
  minIntervalMinutes: r.min_interval_minutes,
  purpose: r.purpose,
});

export function pointFor(points: CollectionPoints, traceType: string): Omit<CollectionPoint, 'traceType'> {
  return points.get(traceType) ?? COLLECT_ALL;
}

/** The attributes a collection point keeps of a trace. */
export function keptAttributes(
  point: Omit<CollectionPoint, 'traceType'>,
  attributes: Record<string, unknown>,
): Record<string, unknown> {
  if (point.detail === 'full') return attributes;
  const keep = new Set(point.attributes);
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => keep.has(key)));
}

export interface ThinnableTrace {
  trace_type: string;
  customer_id: number | null;
  occurred_at: string;
  /** Already stored under its own (source, source_id): kept as it is, never thinned. */
  stored?: boolean;
}

/** A trace of the same customer and type already in the store, which new ones keep away from. */
export interface StoredTrace {
  trace_type: string;
  customer_id: number;
  occurred_at: Date | string;
}

/**
 * The indexes of traces a minimum interval leaves out: per customer and type, a trace closer
 * than the interval to a stored trace or to one kept earlier (in time order) is not collected.
 */
export function thinTraces(
  points: CollectionPoints,
  traces: readonly ThinnableTrace[],
  stored: readonly StoredTrace[] = [],
): Set<number> {
  const keyOf = (type: string, customer: number | null) => `${type}\u0001${customer}`;
  const anchors = new Map<string, number[]>();
  for (const s of stored) {
    const key = keyOf(s.trace_type, s.customer_id);
    const list = anchors.get(key) ?? [];
    list.push(new Date(s.occurred_at).getTime());
    anchors.set(key, list);
  }
  const dropped = new Set<number>();
  const order = traces
    .map((trace, index) => ({ trace, index, at: Date.parse(trace.occurred_at) }))
    .filter(({ trace }) => trace.customer_id !== null && pointFor(points, trace.trace_type).minIntervalMinutes > 0)
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const lastKept = new Map<string, number>();
  for (const { trace, index, at } of order) {
    const key = keyOf(trace.trace_type, trace.customer_id);
    const interval = pointFor(points, trace.trace_type).minIntervalMinutes * 60_000;
    if (trace.stored) {
      lastKept.set(key, at);
      continue;
    }
    const last = lastKept.get(key);
    const nearStored = (anchors.get(key) ?? []).some((t) => Math.abs(t - at) < interval);
    if (nearStored || (last !== undefined && at - last < interval)) dropped.add(index);
    else lastKept.set(key, at);
  }
  return dropped;
}

export async function listCollectionPoints(db: Queryable): Promise<CollectionPoint[]> {
  return [...(await loadCollectionPoints(db)).values()].sort((a, b) => a.traceType.localeCompare(b.traceType));
}

export async function saveCollectionPoint(
  db: Queryable,
  point: CollectionPoint,
  userId: number | null,
): Promise<CollectionPoint> {
  if (!isTraceType(point.traceType)) {
    throw new AppError('VALIDATION_FAILED', `Unknown trace type '${point.traceType}'`, 400, { field: 'traceType' });
  }
  if (point.detail === 'listed' && point.attributes.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Collection point ${point.traceType}: detail 'listed' needs at least one attribute to keep`,
      400,
      {
        field: 'attributes',
      },
    );
  }
  const rows = await db.query<Row>(
    `INSERT INTO collection_point (trace_type, enabled, detail, attributes, min_interval_minutes, purpose, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (trace_type) DO UPDATE SET enabled = EXCLUDED.enabled, detail = EXCLUDED.detail,
       attributes = EXCLUDED.attributes, min_interval_minutes = EXCLUDED.min_interval_minutes,
       purpose = EXCLUDED.purpose, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING trace_type, enabled, detail, attributes, min_interval_minutes, purpose`,
    [point.traceType, point.enabled, point.detail, point.attributes, point.minIntervalMinutes, point.purpose, userId],
  );
  return fromRow(rows[0] as Row);
}
