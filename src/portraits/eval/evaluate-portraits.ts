import type { Queryable } from '../../db/db.js';
import type { GroundTruthLine } from '../../demo/ground-truth.js';
import { featuresOf } from '../engine/portrait-store.js';
import type { FeatureValues } from '../engine/types.js';
import { type TaggedCustomer, type TaggedSubject, type TagScore, tallyTags } from './tally-tags.js';
import { AREA_TRAIT_TAGS } from './trait-tags.js';

/** Planted traits per customer number (a theft counts once it began before `asOf`). */
export function plantedTraits(lines: Iterable<GroundTruthLine>, asOf: Date): Map<string, Set<string>> {
  const traits = new Map<string, Set<string>>();
  for (const line of lines) {
    if (line.type !== 'customer') continue;
    const set = new Set<string>(line.traits);
    if (set.has('electricity_theft') && line.theft_from && new Date(line.theft_from) > asOf)
      set.delete('electricity_theft');
    traits.set(line.customer_no, set);
  }
  return traits;
}

/** Scores the current customer portraits against the planted traits. */
export async function evaluatePortraits(
  db: Queryable,
  truth: Iterable<GroundTruthLine>,
): Promise<{ customers: number; asOf: Date | null; scores: TagScore[]; scored: TaggedCustomer[] }> {
  const rows = await db.query<{
    customer_no: string;
    tags: string[];
    feature_values: (number | null)[];
    catalog_version: string;
    valid_from: Date;
  }>(
    `SELECT c.customer_no, p.tags, p.feature_values, p.catalog_version, p.valid_from
     FROM customer_portrait p JOIN customer c ON c.customer_id = p.customer_id WHERE p.valid_to IS NULL`,
  );
  const asOf = rows.reduce<Date | null>(
    (latest, r) => (latest === null || r.valid_from > latest ? r.valid_from : latest),
    null,
  );
  const planted = plantedTraits(truth, asOf ?? new Date());
  const customers: TaggedCustomer[] = [];
  for (const r of rows) {
    const traits = planted.get(r.customer_no);
    if (!traits) continue;
    const features = await featuresOf(db, r.feature_values, r.catalog_version);
    customers.push({ customerNo: r.customer_no, traits, tags: new Set(r.tags), features });
  }
  return { customers: customers.length, asOf, scores: tallyTags(customers), scored: customers };
}

/**
 * Scores the current transformer-area portraits against what the world planted in its areas
 * (a failed concentrator). An area the ground truth does not name had nothing planted.
 */
export async function evaluateAreaPortraits(
  db: Queryable,
  truth: Iterable<GroundTruthLine>,
): Promise<{ areas: number; scores: TagScore[] }> {
  const planted = new Map<string, Set<string>>();
  for (const line of truth)
    if (line.type === 'transformer_area') planted.set(line.transformer_area_id, new Set(line.traits));
  const rows = await db.query<{ subject_key: string; tags: string[]; features: FeatureValues }>(
    `SELECT subject_key, tags, features FROM subject_portrait WHERE subject_kind = 'transformer_area' AND valid_to IS NULL`,
  );
  const areas: TaggedSubject[] = rows.map((r) => ({
    traits: planted.get(r.subject_key) ?? new Set<string>(),
    tags: new Set(r.tags),
    features: r.features,
  }));
  return { areas: areas.length, scores: tallyTags(areas, AREA_TRAIT_TAGS) };
}
