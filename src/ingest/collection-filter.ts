/**
 * Applies the collection points (src/traces/collection-points.ts) to a batch of trace drafts
 * before they are written: disabled types are not collected, 'listed' detail trims attributes,
 * and a minimum interval keeps one trace per customer and interval — against the batch and
 * against what is already stored. A trace already stored under its (source, source_id) is
 * never thinned, so re-importing a file changes nothing.
 */
import type { Queryable } from '../db/db.js';
import { keptAttributes, loadCollectionPoints, pointFor, thinWithinBatch } from '../traces/collection-points.js';
import type { TraceDraft } from './trace-writer.js';

export interface CollectedDrafts {
  kept: TraceDraft[];
  /** source_ids a collection point left out, with the reason. */
  notCollected: Map<string, string>;
}

export async function applyCollectionPoints(
  tx: Queryable,
  source: string,
  drafts: readonly TraceDraft[],
): Promise<CollectedDrafts> {
  const notCollected = new Map<string, string>();
  if (drafts.length === 0) return { kept: [], notCollected };
  const points = await loadCollectionPoints(tx);
  if (points.size === 0) return { kept: [...drafts], notCollected };

  const enabled: TraceDraft[] = [];
  for (const draft of drafts) {
    const point = pointFor(points, draft.trace_type);
    if (!point.enabled) notCollected.set(draft.source_id, `collection point ${draft.trace_type} is switched off`);
    else enabled.push(point.detail === 'full' ? draft : { ...draft, attributes: keptAttributes(point, draft.attributes) });
  }

  const inBatch = thinWithinBatch(points, enabled);
  const candidates = enabled
    .map((draft, index) => ({ draft, index }))
    .filter(({ draft, index }) => !inBatch.has(index) && draft.customer_id !== null)
    .filter(({ draft }) => pointFor(points, draft.trace_type).minIntervalMinutes > 0);
  const nearStored = new Set<number>();
  if (candidates.length > 0) {
    const rows = await tx.query<{ i: number }>(
      `SELECT d.i FROM unnest($2::int[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[], $7::int[])
         AS d(i, source_id, trace_type, customer_id, at, minutes)
       WHERE NOT EXISTS (SELECT 1 FROM trace_key k WHERE k.source = $1 AND k.source_id = d.source_id)
         AND EXISTS (SELECT 1 FROM trace t
           WHERE t.customer_id = d.customer_id AND t.trace_type = d.trace_type
             AND t.occurred_at > d.at - make_interval(mins => d.minutes)
             AND t.occurred_at < d.at + make_interval(mins => d.minutes))`,
      [
        source,
        candidates.map((c) => c.index),
        candidates.map((c) => c.draft.source_id),
        candidates.map((c) => c.draft.trace_type),
        candidates.map((c) => c.draft.customer_id),
        candidates.map((c) => c.draft.occurred_at),
        candidates.map((c) => pointFor(points, c.draft.trace_type).minIntervalMinutes),
      ],
    );
    for (const row of rows) nearStored.add(row.i);
  }

  const kept: TraceDraft[] = [];
  enabled.forEach((draft, index) => {
    if (inBatch.has(index) || nearStored.has(index)) {
      const minutes = pointFor(points, draft.trace_type).minIntervalMinutes;
      notCollected.set(draft.source_id, `collection point ${draft.trace_type} keeps one per customer every ${minutes} min`);
    } else kept.push(draft);
  });
  return { kept, notCollected };
}
