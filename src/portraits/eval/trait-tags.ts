import type { AreaTrait, CustomerTrait } from '../../demo/types.js';
import type { Condition } from '../engine/types.js';

/**
 * Which tag stands for which latent trait the demo world plants (docs/demo-world.md). The
 * evaluation scores exactly these pairs; tags without a planted trait are not scored.
 *
 * `opportunity` says when a trait holder's traces could show the trait at all (an
 * outage-sensitive customer whom no planned or fault outage reached, an escalation-prone one
 * who never complained). Recall is reported over all holders and over those with the opportunity.
 */
export interface TraitTag {
  tag: string;
  trait: CustomerTrait | AreaTrait;
  opportunity: Condition | null;
}

const ge = (feature: string, value: number): Condition => ({ feature, op: '>=', value });

export const TRAIT_TAGS: readonly TraitTag[] = [
  { tag: 'outage_sensitive', trait: 'outage_sensitive', opportunity: ge('service_outages_12m', 1) },
  { tag: 'fee_sensitive', trait: 'fee_sensitive', opportunity: ge('bills_12m', 1) },
  { tag: 'emotional', trait: 'emotional', opportunity: ge('inspected_calls_12m', 1) },
  { tag: 'escalation_prone', trait: 'escalation_prone', opportunity: ge('complaints_12m', 1) },
  // Influencers post about the service whatever happens to them, so each has the chance.
  { tag: 'high_social_influence', trait: 'high_social_influence', opportunity: null },
  { tag: 'chronic_late_payer', trait: 'chronic_late_payer', opportunity: ge('bills_12m', 1) },
  { tag: 'repeat_complainer', trait: 'repeat_complainer', opportunity: null },
  { tag: 'suspected_theft_or_meter_fault', trait: 'electricity_theft', opportunity: null },
  // A meter alone in its area has no neighbour to fall behind; the demo has none.
  { tag: 'readings_stopped', trait: 'collection_failure', opportunity: null },
  { tag: 'digital_native', trait: 'digital_native', opportunity: null },
  { tag: 'hall_goer', trait: 'hall_goer', opportunity: null },
];

/** Transformer-area tags against what the demo plants in an area. */
export const AREA_TRAIT_TAGS: readonly TraitTag[] = [
  { tag: 'collection_stopped', trait: 'concentrator_failure', opportunity: null },
];
