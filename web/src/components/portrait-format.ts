import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionOutcome, FeatureEvidence } from '../api-client/portrait-endpoints.js';

/** Tag tone → antd colour: warnings red/orange, positive green, the rest blue (same as 用电规律). */
export const TONE_COLOR = { warning: 'volcano', positive: 'green', info: 'blue' } as const;

/** Grade colours per grade definition; a grade not listed shows in the default colour. */
export const GRADE_COLORS: Record<string, Record<string, string>> = {
  credit_grade: { A: 'green', B: 'blue', C: 'gold', D: 'orange', E: 'red' },
  fee_risk_class: { '1': 'green', '2': 'orange', '3': 'red' },
  activity_level: { high: 'blue', medium: 'cyan', low: 'default' },
  complaint_risk_level: { high: 'red', medium: 'orange', low: 'green' },
  star_rating: { '5': 'green', '4': 'blue', '3': 'gold', '2': 'orange', '1': 'red' },
  // antd's preset tag colours (light background, dark text); yellow reads better as gold.
  hot_zone_level: { red: 'red', orange: 'orange', yellow: 'gold', green: 'green' },
};

/** Points and deltas with their sign: +3 or −2, as the tables of points show them. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

export const OP_SIGN: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠' };

type Aggregate = FeatureEvidence['aggregate'];

/** Shares and ratios read as percentages; counts and amounts as numbers with at most two decimals. */
export function formatFeatureValue(value: number | null | undefined, aggregate?: Aggregate | null): string {
  if (value === null || value === undefined) return '—';
  if (aggregate === 'share') return `${Math.round(value * 1000) / 10}%`;
  return (Math.round(value * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export interface Named {
  zh: string;
  en: string;
}

/** The name in the UI language. */
export function usePickName(): (names: Named | null | undefined) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  // Stable per language, so charts that memoise their options on it do not redraw each render.
  return useCallback((names) => (names ? (english ? names.en : names.zh) : ''), [english]);
}

/** Every leaf of a condition outcome, in reading order. */
export function outcomeLeaves(outcome: ConditionOutcome): Array<ConditionOutcome & { kind: 'leaf' }> {
  if (outcome.kind === 'leaf') return [outcome];
  if (outcome.kind === 'not') return outcomeLeaves(outcome.child);
  return outcome.children.flatMap(outcomeLeaves);
}
