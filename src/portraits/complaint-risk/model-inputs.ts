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
}

export const COMPLAINT_RISK_INPUTS: readonly ModelInput[] = [
  // Complaint history: people who complained tend to complain again (repeat complainers).
  { feature: 'complaints_12m', why: 'past complaints; repeat complainers complain again' },
  { feature: 'complaints_90d', why: 'recent complaints weigh more than old ones' },
  { feature: 'unsubstantiated_complaints_12m', why: "repeat complainers' complaints are mostly unsubstantiated" },
  { feature: 'service_attitude_complaints_12m', why: 'grievances with staff tend to recur' },
  { feature: 'escalations_12m', why: 'escalation-prone customers escalate complaints' },
  // Mood on the line.
  { feature: 'escalation_threats_12m', why: 'threats to go to 12398/12345/the media in call transcripts' },
  { feature: 'angry_contacts_12m', why: 'calls the quality inspection found angry (0 where QA has not run)' },
  { feature: 'low_satisfaction_12m', why: 'dissatisfied callback ratings' },
  { feature: 'praise_12m', why: 'praise suggests a satisfied customer' },
  // Contact volume and its topics.
  { feature: 'requests_12m', why: 'every 95598 request is a chance of dissatisfaction' },
  { feature: 'requests_90d', why: 'a recent burst of requests' },
  { feature: 'contacts_90d', why: 'recent contacts across all channels' },
  { feature: 'outage_contacts_12m', why: 'outage-sensitive customers complain about slow restorations' },
  { feature: 'fee_contacts_12m', why: 'fee-sensitive customers complain about bills and tariffs' },
  { feature: 'social_posts_12m', why: 'public posts after bad experiences' },
  // Exposure to what people complain about.
  { feature: 'fault_outages_12m', why: 'customers in areas with frequent faults' },
  { feature: 'planned_outages_12m', why: 'planned outages, complained about when the notice was missing' },
  { feature: 'late_payments_12m', why: 'arrears lead to reminders and disputes' },
  { feature: 'disconnections_12m', why: 'disconnection for arrears, complained about without notice' },
  { feature: 'arrears_reminders_12m', why: 'arrears reminders and disconnection notices' },
  // Customer record.
  { feature: 'important', why: 'important / high-risk customers press for supply continuity' },
  { feature: 'special', why: 'special customers (government, public figures, vulnerable groups)' },
  { feature: 'non_residential', why: 'businesses lose money in outages' },
];

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
