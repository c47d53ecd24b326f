/** Evaluates a condition tree (all / any / not over operators) against one transcript index. */

import {
  evaluateAngryNotSoothed,
  evaluateEmotion,
  evaluateEmotionTrend,
  evaluateInterruption,
  evaluateResponseDelay,
  evaluateSilence,
  evaluateSpeechRate,
} from './evaluate-signals.js';
import { absenceEvidence, evaluateAbsent, evaluatePair, evaluateTextLeaf } from './evaluate-text.js';
import type { EvalContext, Outcome } from './evaluation-types.js';
import type { Condition, LeafCondition } from './rule-language.js';

const MISS: Outcome = { hit: false, evidence: [] };

function evaluateLeaf(ctx: EvalContext, cond: LeafCondition): Outcome {
  switch (cond.op) {
    case 'keyword':
    case 'regex':
      return evaluateTextLeaf(ctx, cond);
    case 'absent':
      return evaluateAbsent(ctx, cond);
    case 'order':
    case 'near':
      return evaluatePair(ctx, cond);
    case 'silence':
      return evaluateSilence(ctx, cond);
    case 'interruption':
      return evaluateInterruption(ctx, cond);
    case 'speechRate':
      return evaluateSpeechRate(ctx, cond);
    case 'responseDelay':
      return evaluateResponseDelay(ctx, cond);
    case 'emotion':
      return evaluateEmotion(ctx, cond);
    case 'emotionTrend':
      return evaluateEmotionTrend(ctx, cond);
    case 'angryNotSoothed':
      return evaluateAngryNotSoothed(ctx, cond);
  }
}

/** `all` short-circuits on the first miss and `any` on the first hit, so cheap conditions go first. */
export function evaluateCondition(ctx: EvalContext, cond: Condition): Outcome {
  if ('all' in cond) {
    const evidence = [];
    for (const child of cond.all) {
      const out = evaluateCondition(ctx, child);
      if (!out.hit) return MISS;
      evidence.push(...out.evidence);
    }
    return { hit: true, evidence };
  }
  if ('any' in cond) {
    for (const child of cond.any) {
      const out = evaluateCondition(ctx, child);
      if (out.hit) return out;
    }
    return MISS;
  }
  if ('not' in cond) {
    return evaluateCondition(ctx, cond.not).hit ? MISS : { hit: true, evidence: [absenceEvidence('not', cond.not)] };
  }
  return evaluateLeaf(ctx, cond);
}
