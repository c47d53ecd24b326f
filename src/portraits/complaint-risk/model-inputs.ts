import { weightedInput } from '../engine/evaluate-portrait.js';
import type { FeatureWeight } from '../engine/types.js';

/**
 * The customer features the complaint-risk model (投诉风险度, C6) reads: a documented subset
 * of the catalog's customer features (src/portraits/definitions/customer-features.ts), each
 * with the reason it may foretell a complaint. Only features that can be computed as they
 * were known at a past time are eligible, because the model is trained on features "as of"
 * earlier dates: windowed counts over work orders, traces, payments, notices and calls, and
 * the customer record's flags. The consumption profile is left out (it holds only the
 * latest figures, so a past as-of would see the future), and so are derived ratios (their
 * parts are here already).
 */
export interface ModelInput {
  feature: string;
  why: string;
  /**
   * 'log1p' for counts: the model reads log(1 + count), so the step from none to one weighs
   * more than the step from nine to ten, and a customer with forty requests does not outweigh
   * everything else. Measured on five worlds: hold-out AUC +0.002 … +0.017 (docs).
   */
  transform?: NonNullable<FeatureWeight['transform']>;
}

const count = (feature: string, why: string): ModelInput => ({ feature, why, transform: 'log1p' });
const flag = (feature: string, why: string): ModelInput => ({ feature, why });

export const COMPLAINT_RISK_INPUTS: readonly ModelInput[] = [
  // Complaint history: people who complained tend to complain again (repeat complainers).
  count('complaints_12m', 'past complaints; repeat complainers complain again'),
  count('complaints_90d', 'recent complaints weigh more than old ones'),
  count('unsubstantiated_complaints_12m', "repeat complainers' complaints are mostly unsubstantiated"),
  count('service_attitude_complaints_12m', 'grievances with staff tend to recur'),
  count('escalations_12m', 'escalation-prone customers escalate complaints'),
  // Mood on the line.
  count('escalation_threats_12m', 'threats to go to 12398/12345/the media in call transcripts'),
  count('angry_contacts_12m', 'calls the quality inspection found angry (0 where QA has not run)'),
  count('low_satisfaction_12m', 'dissatisfied callback ratings'),
  count('praise_12m', 'praise suggests a satisfied customer'),
  // Contact volume and its topics.
  count('requests_12m', 'every 95598 request is a chance of dissatisfaction'),
  count('requests_90d', 'a recent burst of requests'),
  count('contacts_90d', 'recent contacts across all channels'),
  count('outage_contacts_12m', 'outage-sensitive customers complain about slow restorations'),
  count('fee_contacts_12m', 'fee-sensitive customers complain about bills and tariffs'),
  count('social_posts_12m', 'public posts after bad experiences'),
  // Exposure to what people complain about.
  count('fault_outages_12m', 'customers in areas with frequent faults'),
  count('planned_outages_12m', 'planned outages, complained about when the notice was missing'),
  count('late_payments_12m', 'arrears lead to reminders and disputes'),
  count('disconnections_12m', 'disconnection for arrears, complained about without notice'),
  count('arrears_reminders_12m', 'arrears reminders and disconnection notices'),
  // Customer record.
  flag('important', 'important / high-risk customers press for supply continuity'),
  flag('special', 'special customers (government, public figures, vulnerable groups)'),
  flag('non_residential', 'businesses lose money in outages'),
];

/** A row's raw input values put on the model's scale (each input's transform), in place. */
export function toModelScale(raw: Float64Array, inputs: readonly ModelInput[]): Float64Array {
  inputs.forEach((input, j) => {
    const v = raw[j] as number;
    if (!Number.isNaN(v)) raw[j] = weightedInput(input, v);
  });
  return raw;
}

/** The stored input standardisation of one feature: the model uses (value − center) ÷ scale. */
export interface InputScaling {
  center: number;
  scale: number;
}

/**
 * Mean and standard deviation of each input over the training rows (NaN = no value, left
 * out). Inputs that do not vary in the training rows are dropped (null): nothing can be
 * learnt from them, and a zero scale would divide by zero.
 */
export function inputScalings(rows: readonly Float64Array[], inputs: number): Array<InputScaling | null> {
  const scalings: Array<InputScaling | null> = [];
  for (let j = 0; j < inputs; j++) {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    for (const row of rows) {
      const v = row[j] as number;
      if (Number.isNaN(v)) continue;
      n++;
      const delta = v - mean;
      mean += delta / n;
      m2 += delta * (v - mean);
    }
    const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    scalings.push(sd > 1e-9 ? { center: mean, scale: sd } : null);
  }
  return scalings;
}

/** A raw row standardised by the scalings of the kept inputs; no value counts as the center (0). */
export function standardise(row: Float64Array, kept: ReadonlyArray<{ index: number } & InputScaling>): Float64Array {
  const out = new Float64Array(kept.length);
  kept.forEach((k, j) => {
    const v = row[k.index] as number;
    out[j] = Number.isNaN(v) ? 0 : (v - k.center) / k.scale;
  });
  return out;
}
