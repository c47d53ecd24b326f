import type { Condition, StrategyDef, TagDef, TagDimension } from '../engine/types.js';

/**
 * Customer tags (客户标签) in the five dimensions of seed 000 — sensitivity 敏感度,
 * credibility 诚信度, expectation 期望值, friendliness 友善度, social influence 社会影响力 —
 * plus value, behaviour (service preference) and consumption. Each carries the strategy
 * staff should follow. Thresholds are tuned on seed 1 and measured on held-out seeds
 * (docs/portraits.md).
 */
export interface Spec {
  dimension: TagDimension;
  tone: TagDef['tone'];
  zh: string;
  en: string;
  descZh: string;
  descEn: string;
  when: Condition;
  strategy?: StrategyDef;
  version?: number;
}
export const tag = (code: string, s: Spec): TagDef => ({
  code,
  subject: 'customer',
  name: { zh: s.zh, en: s.en },
  description: { zh: s.descZh, en: s.descEn },
  dimension: s.dimension,
  tone: s.tone,
  when: s.when,
  ...(s.strategy ? { strategy: s.strategy } : {}),
  version: s.version ?? 1,
});
export const ge = (feature: string, value: number): Condition => ({ feature, op: '>=', value });
export const le = (feature: string, value: number): Condition => ({ feature, op: '<=', value });
export const eq = (feature: string, value: number): Condition => ({ feature, op: '==', value });
