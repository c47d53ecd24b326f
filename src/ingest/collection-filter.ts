/**
 * Applies the collection points (src/traces/collection-points.ts) to a batch of trace drafts
 * before they are written: disabled types are not collected, 'listed' detail trims attributes,
 * and a minimum interval keeps one trace per customer and interval — against the batch and
 * against what is already stored. A trace already stored under its (source, source_id) is
 * never thinned, so re-importing a file changes nothing.
 */
import type { Queryable } from '../db/db.js';
import {
  type CollectionPoints,
  keptAttributes,
  loadCollectionPoints,
  pointFor,
  type StoredTrace,
  thinTraces,
} from '../traces/collection-points.js';
import type { TraceDraft } from './trace-writer.js';

export interface CollectedDrafts {
  kept: TraceDraft[];
  /** source_ids a collection point left out, with the reason. */
  notCollected: Map<string, string>;
}

export async function applyCollectionPoints(
  tx: Queryable,
  drafts: readonly TraceDraft[],
  /** source_ids of the drafts already stored under this source. */
  storedKeys: ReadonlySet<string>,
  inForce?: CollectionPoints,
): Promise<CollectedDrafts> {
  const notCollected = new Map<string, string>();
  if (drafts.length === 0) return { kept: [], notCollected };
  const points = inForce ?? (await loadCollectionPoints(tx));
  if (points.size === 0) return { kept: [...drafts], notCollected };

  const enabled: TraceDraft[] = [];
  for (const draft of drafts) {
    const point = pointFor(points, draft.trace_type);
    if (!point.enabled) notCollected.set(draft.source_id, `collection point ${draft.trace_type} is switched off`);
    else
      enabled.push(point.detail === 'full' ? draft : { ...draft, attributes: keptAttributes(point, draft.attributes) });
  }

  const thinnable = enabled.filter(
    (d) => d.customer_id !== null && pointFor(points, d.trace_type).minIntervalMinutes > 0,
  );
  if (thinnable.length === 0) return { kept: enabled, notCollected };
  const nearby = await storedNearby(tx, points, thinnable);
  const dropped = thinTraces(
    points,
    enabled.map((d) => ({ ...d, stored: storedKeys.has(d.source_id) })),
    nearby,
  );
  const kept: TraceDraft[] = [];
  enabled.forEach((draft, index) => {
    if (!dropped.has(index)) kept.push(draft);
    else {
      const minutes = pointFor(points, draft.trace_type).minIntervalMinutes;
      notCollected.set(
        draft.source_id,
        `collection point ${draft.trace_type} keeps one per customer every ${minutes} min`,
      );
    }
  });
  return { kept, notCollected };
}

/** Stored traces of the same customers and types within the interval of the batch's span. */
async function storedNearby(
  tx: Queryable,
  points: CollectionPoints,
  drafts: readonly TraceDraft[],
): Promise<StoredTrace[]> {
  const spans = new Map<string, { customer: number; type: string; lo: number; hi: number }>();
  for (const d of drafts) {
    const at = Date.parse(d.occurred_at);
    const margin = pointFor(points, d.trace_type).minIntervalMinutes * 60_000;
    const key = `${d.trace_type}\u0001${d.customer_id}`;
    const span = spans.get(key);
    if (span) {
      span.lo = Math.min(span.lo, at - margin);
      span.hi = Math.max(span.hi, at + margin);
    } else spans.set(key, { customer: d.customer_id as number, type: d.trace_type, lo: at - margin, hi: at + margin });
  }
  const list = [...spans.values()];
  return tx.query<StoredTrace>(
    `SELECT t.trace_type, t.customer_id, t.occurred_at
     FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS g(customer_id, trace_type, lo, hi)
     JOIN trace t ON t.customer_id = g.customer_id AND t.trace_type = g.trace_type
      AND t.occurred_at > g.lo AND t.occurred_at < g.hi`,
    [
      list.map((s) => s.customer),
      list.map((s) => s.type),
      list.map((s) => new Date(s.lo).toISOString()),
      list.map((s) => new Date(s.hi).toISOString()),
    ],
  );
}
