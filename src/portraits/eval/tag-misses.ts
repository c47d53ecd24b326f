import { AppError } from '../../errors.js';
import { conditionFeatures } from '../engine/conditions.js';
import type { Condition, FeatureValues } from '../engine/types.js';
import type { TaggedCustomer } from './tally-tags.js';
import { TRAIT_TAGS } from './trait-tags.js';

export interface TagMiss {
  customerNo: string;
  /** The values of every feature the tag's condition reads. */
  features: FeatureValues;
}

export interface TagMisses {
  tag: string;
  trait: string;
  /** Tagged without the trait. */
  falsePositives: TagMiss[];
  /** The trait without the tag. */
  falseNegatives: TagMiss[];
}

/**
 * The customers a trait-backed tag gets wrong, with the feature values its condition read:
 * what a definition's author looks at (on a tuning seed) before moving a threshold. Pure.
 */
export function tagMisses(customers: Iterable<TaggedCustomer>, tag: string, condition: Condition): TagMisses {
  const pair = TRAIT_TAGS.find((t) => t.tag === tag);
  if (!pair)
    throw new AppError('CONFIG_INVALID', `tag '${tag}' is backed by no planted trait, so it has no misses to list`);
  const read = [...conditionFeatures(condition)];
  const misses: TagMisses = { tag, trait: pair.trait, falsePositives: [], falseNegatives: [] };
  for (const c of customers) {
    const has = c.traits.has(pair.trait);
    const tagged = c.tags.has(tag);
    if (has === tagged) continue;
    const miss = {
      customerNo: c.customerNo,
      features: Object.fromEntries(read.map((f) => [f, c.features[f] ?? null])),
    };
    (tagged ? misses.falsePositives : misses.falseNegatives).push(miss);
  }
  return misses;
}

/** One line per miss: the customer number and the features, most telling first as the condition lists them. */
export function formatTagMisses(m: TagMisses, limit: number): string {
  const line = (x: TagMiss) =>
    `  ${x.customerNo}  ${Object.entries(x.features)
      .map(([k, v]) => `${k}=${v === null ? '–' : Number.isInteger(v) ? v : v.toFixed(2)}`)
      .join(' ')}`;
  return [
    `${m.tag} (trait ${m.trait}): ${m.falsePositives.length} false positives, ${m.falseNegatives.length} false negatives`,
    `false positives${m.falsePositives.length > limit ? ` (first ${limit})` : ''}:`,
    ...m.falsePositives.slice(0, limit).map(line),
    `false negatives${m.falseNegatives.length > limit ? ` (first ${limit})` : ''}:`,
    ...m.falseNegatives.slice(0, limit).map(line),
  ].join('\n');
}
