/** inspect(): evaluates every rule of a compiled scheme on a transcript and scores it. */

import type { Channel } from '../traces/vocabulary.js';
import type { CompiledScheme } from './compile-scheme.js';
import { evaluateCondition } from './evaluate-condition.js';
import type { EvalContext, Evidence } from './evaluation-types.js';
import type { QaRule, QaScheme } from './rule-language.js';
import type { Transcript } from './transcript.js';
import { createTranscriptIndex } from './transcript-index.js';

export interface RuleHit {
  ruleId: string;
  ruleName: string;
  category: string;
  points: number;
  veto: boolean;
  /** The first piece of evidence: what to highlight first. */
  explanation: Evidence;
  evidence: Evidence[];
}

export interface CategoryScore {
  category: string;
  name: string;
  deducted: number;
  added: number;
  /** Points this category moves the score by, after its caps. */
  net: number;
  maxDeduction: number;
  capped: boolean;
}

export interface InspectionResult {
  schemeId: string;
  schemeVersion: number;
  score: number;
  baseScore: number;
  vetoed: boolean;
  categoryScores: CategoryScore[];
  hits: RuleHit[];
  passedRules: string[];
}

const NO_EVIDENCE: Evidence = {
  operator: 'rule',
  expression: '',
  turnIndex: null,
  charStart: null,
  charEnd: null,
  speaker: null,
};

/** Whether a rule judges a transcript of this channel (QaRule.channels; an unknown channel: yes). */
export function ruleJudgesChannel(rule: QaRule, channel: Channel | undefined): boolean {
  return !rule.channels || channel === undefined || rule.channels.includes(channel);
}

/** `canHit(i)` false lets the caller pass rule i without evaluating it (see ruleTriggers). */
export function evaluateRules(
  rules: readonly QaRule[],
  ctx: EvalContext,
  canHit: (ruleIndex: number) => boolean = () => true,
  channel?: Channel,
): { hits: RuleHit[]; passed: string[] } {
  const hits: RuleHit[] = [];
  const passed: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as QaRule;
    if (!ruleJudgesChannel(rule, channel)) continue;
    if (!canHit(i)) {
      passed.push(rule.id);
      continue;
    }
    const outcome = evaluateCondition(ctx, rule.when);
    if (!outcome.hit) {
      passed.push(rule.id);
      continue;
    }
    hits.push({
      ruleId: rule.id,
      ruleName: rule.name,
      category: rule.category,
      points: rule.points,
      veto: rule.veto === true,
      explanation: outcome.evidence[0] ?? NO_EVIDENCE,
      evidence: outcome.evidence,
    });
  }
  return { hits, passed };
}

/**
 * Score = base + Σ per category (bonus up to maxBonus − deductions up to maxDeduction),
 * kept within 0…base; a veto rule (一票否决, e.g. abusive language) sets it to 0.
 */
export function scoreHits(scheme: QaScheme, hits: readonly RuleHit[], passed: string[]): InspectionResult {
  const baseScore = scheme.baseScore ?? 100;
  const categoryScores = Object.entries(scheme.categories).map(([category, def]): CategoryScore => {
    const mine = hits.filter((h) => h.category === category);
    const deducted = mine.filter((h) => h.points < 0).reduce((s, h) => s - h.points, 0);
    const added = mine.filter((h) => h.points > 0).reduce((s, h) => s + h.points, 0);
    const cappedDeduction = Math.min(deducted, def.maxDeduction);
    const cappedBonus = Math.min(added, def.maxBonus ?? Number.POSITIVE_INFINITY);
    return {
      category,
      name: def.name,
      deducted,
      added,
      net: cappedBonus - cappedDeduction,
      maxDeduction: def.maxDeduction,
      capped: cappedDeduction < deducted || cappedBonus < added,
    };
  });
  const vetoed = hits.some((h) => h.veto);
  const raw = baseScore + categoryScores.reduce((s, c) => s + c.net, 0);
  const score = vetoed ? 0 : Math.max(0, Math.min(baseScore, raw));
  return {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    score,
    baseScore,
    vetoed,
    categoryScores,
    hits: [...hits],
    passedRules: passed,
  };
}

/** Never throws on rule data: everything that could fail was checked by compileScheme. */
export function inspect(compiled: CompiledScheme, transcript: Transcript): InspectionResult {
  const ctx = createTranscriptIndex(compiled, transcript);
  const { hits, passed } = evaluateRules(compiled.rules, ctx, ctx.canHit, transcript.channel);
  return scoreHits(compiled.scheme, hits, passed);
}
