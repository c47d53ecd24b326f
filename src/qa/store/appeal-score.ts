/**
 * What a reversed deduction does to a result's score: the machine score is recomputed without
 * the reversed hits (the scheme's category caps still apply), and the difference is added to
 * the final score (which a manual review may have set).
 */

import { type RuleHit, scoreHits } from '../inspect.js';
import type { QaScheme } from '../rule-language.js';

export interface StoredHitPoints {
  hitId: number;
  ruleCode: string;
  category: string;
  points: number;
  veto: boolean;
}

const asRuleHit = (h: StoredHitPoints): RuleHit => ({
  ruleId: h.ruleCode,
  ruleName: h.ruleCode,
  category: h.category,
  points: h.points,
  veto: h.veto,
  explanation: { operator: 'rule', expression: '', turnIndex: null, charStart: null, charEnd: null, speaker: null },
  evidence: [],
});

export function scoreAfterReversal(
  scheme: Pick<QaScheme, 'id' | 'version' | 'baseScore' | 'categories'>,
  hits: readonly StoredHitPoints[],
  reversedBefore: ReadonlySet<number>,
  reversedNow: number,
  finalScore: number,
): number {
  const full: QaScheme = { ...scheme, name: scheme.id, rules: [] };
  const before = scoreHits(full, hits.filter((h) => !reversedBefore.has(h.hitId)).map(asRuleHit), []);
  const after = scoreHits(
    full,
    hits.filter((h) => !reversedBefore.has(h.hitId) && h.hitId !== reversedNow).map(asRuleHit),
    [],
  );
  return Math.max(0, Math.min(before.baseScore, finalScore + after.score - before.score));
}
