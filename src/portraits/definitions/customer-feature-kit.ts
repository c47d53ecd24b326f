import type { Aggregate, FeatureDef, Names } from '../engine/types.js';

/**
 * Customer features (特征). Windows: 365 days unless the code says otherwise (`_90d`).
 * Bump `version` when a definition's meaning changes (definitions.lock.json guards it).
 */
export type Spec = Omit<FeatureDef, 'code' | 'subject' | 'name' | 'version' | 'aggregate'> & {
  aggregate?: Aggregate;
  version?: number;
};
export const f = (code: string, zh: string, en: string, spec: Spec): FeatureDef => ({
  code,
  subject: 'customer',
  name: { zh, en } satisfies Names,
  version: 1,
  aggregate: 'count',
  ...spec,
});

export const YEAR = 365;
export const QUARTER = 90;
export const OUTAGE_TOPICS = "('outage', 'outage_notice', 'repair_timeliness', 'power_quality')";
export const FEE_TOPICS = "('fee', 'billing_error', 'time_of_use')";
export const INBOUND = "t.direction = 'inbound' AND t.trace_type NOT IN ('payment', 'app_login', 'website_visit')";
