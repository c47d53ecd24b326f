/** Timing and emotion operators: silence, interruption, speechRate, responseDelay, emotion*. */

import { describeLeaf, evaluateTextLeaf, filteredOccurrences, inWindow, MAX_EVIDENCE } from './evaluate-text.js';
import type { EvalContext, Evidence, Outcome } from './evaluation-types.js';
import type { LeafCondition } from './rule-language.js';
import { trendSlope } from './sentiment.js';
import { seconds } from './timing.js';
import type { TranscriptTurn } from './transcript.js';

type Of<K extends LeafCondition['op']> = Extract<LeafCondition, { op: K }>;

function turnEvidence(ctx: EvalContext, turn: number, operator: string, expression: string, actual: string): Evidence {
  const t = ctx.turns[turn] as TranscriptTurn;
  return { operator, expression, turnIndex: turn, charStart: 0, charEnd: t.text.length, speaker: t.speaker, actual };
}

const counted = (evidence: Evidence[], minCount: number | undefined): Outcome =>
  evidence.length >= (minCount ?? 1)
    ? { hit: true, evidence: evidence.slice(0, MAX_EVIDENCE) }
    : { hit: false, evidence: [] };

export function evaluateSilence(ctx: EvalContext, cond: Of<'silence'>): Outcome {
  const limit = cond.minSeconds * 1000;
  const lookback = cond.holdLookbackTurns ?? 2;
  const holds = cond.holdNotice ? filteredOccurrences(ctx, cond.holdNotice).map((o) => o.turn) : [];
  const expression = `silence > ${cond.minSeconds} s${cond.holdNotice ? ` unless after ${describeLeaf(cond.holdNotice)}` : ''}`;
  const evidence = ctx
    .timing()
    .gaps.filter((g) => g.ms > limit && !holds.some((h) => h < g.turn && h >= g.turn - lookback))
    .map((g) =>
      turnEvidence(
        ctx,
        g.turn,
        'silence',
        expression,
        `silence ${seconds(g.ms)} > ${cond.minSeconds} s before turn ${g.turn}`,
      ),
    );
  return counted(evidence, cond.minCount);
}

export function evaluateInterruption(ctx: EvalContext, cond: Of<'interruption'>): Outcome {
  const expression = `${cond.by} interrupts by ≥ ${cond.minOverlapMs} ms`;
  const evidence = ctx
    .timing()
    .overlaps.filter((o) => ctx.turns[o.turn]?.speaker === cond.by && o.ms >= Math.max(1, cond.minOverlapMs))
    .map((o) =>
      turnEvidence(
        ctx,
        o.turn,
        'interruption',
        expression,
        `${cond.by} started ${seconds(o.ms)} before turn ${o.interrupted} ended (≥ ${cond.minOverlapMs} ms)`,
      ),
    );
  return counted(evidence, cond.minCount);
}

export function evaluateSpeechRate(ctx: EvalContext, cond: Of<'speechRate'>): Outcome {
  const speaker = cond.speaker ?? 'agent';
  const minChars = cond.minTurnChars ?? 8;
  const { spokenChars } = ctx.timing();
  const measured = ctx.turns
    .map((t, i) => ({ i, chars: spokenChars[i] as number, ms: t.end_ms - t.start_ms, speaker: t.speaker }))
    .filter((m) => m.speaker === speaker && m.chars >= minChars && m.ms > 0);
  if (measured.length === 0) return { hit: false, evidence: [] };
  const outside = (rate: number) =>
    (cond.above !== undefined && rate > cond.above) || (cond.below !== undefined && rate < cond.below);
  const limit = [cond.above !== undefined ? `> ${cond.above}` : '', cond.below !== undefined ? `< ${cond.below}` : '']
    .filter(Boolean)
    .join(' or ');
  const expression = `${speaker} speech rate ${limit} chars/s (${cond.measure ?? 'mean'})`;
  if ((cond.measure ?? 'mean') === 'mean') {
    const rate = measured.reduce((s, m) => s + m.chars, 0) / (measured.reduce((s, m) => s + m.ms, 0) / 1000);
    if (!outside(rate)) return { hit: false, evidence: [] };
    const first = measured[0] as (typeof measured)[number];
    const actual = `${speaker} mean speech rate ${rate.toFixed(1)} chars/s ${limit} over ${measured.length} turns`;
    return { hit: true, evidence: [turnEvidence(ctx, first.i, 'speechRate', expression, actual)] };
  }
  const evidence = measured
    .map((m) => ({ m, rate: m.chars / (m.ms / 1000) }))
    .filter(({ rate }) => outside(rate))
    .map(({ m, rate }) => turnEvidence(ctx, m.i, 'speechRate', expression, `${rate.toFixed(1)} chars/s ${limit}`));
  return counted(evidence, 1);
}

export function evaluateResponseDelay(ctx: EvalContext, cond: Of<'responseDelay'>): Outcome {
  const expression = `agent reply later than ${cond.minSeconds} s`;
  const evidence = ctx
    .timing()
    .responseDelays.filter((d) => d.ms > cond.minSeconds * 1000)
    .map((d) =>
      turnEvidence(
        ctx,
        d.turn,
        'responseDelay',
        expression,
        `agent replied after ${seconds(d.ms)} > ${cond.minSeconds} s`,
      ),
    );
  return counted(evidence, cond.minCount);
}

function emotionEvidence(
  ctx: EvalContext,
  turn: number,
  operator: string,
  expression: string,
  actual: string,
  ignoreThreats = false,
) {
  const sentiment = ctx.sentiment(turn);
  const terms = ignoreThreats ? sentiment.terms.filter((t) => !t.threat) : sentiment.terms;
  const worst = terms.reduce<(typeof sentiment.terms)[number] | undefined>(
    (w, t) => (w === undefined || t.weight < w.weight ? t : w),
    undefined,
  );
  const evidence = turnEvidence(ctx, turn, operator, expression, actual);
  if (worst) {
    evidence.charStart = worst.start;
    evidence.charEnd = worst.end;
    evidence.matched = worst.word;
  }
  return evidence;
}

const turnsOf = (ctx: EvalContext, speaker: string) =>
  ctx.turns.map((t, i) => (t.speaker === speaker ? i : -1)).filter((i) => i >= 0);

export function evaluateEmotion(ctx: EvalContext, cond: Of<'emotion'>): Outcome {
  const speaker = cond.speaker ?? 'customer';
  const expression = `${speaker} sentiment ≤ ${cond.atMost}`;
  const evidence = turnsOf(ctx, speaker)
    .filter((i) => inWindow(ctx.turns, i, cond.window))
    .map((i) => ({ i, score: ctx.sentiment(i).score }))
    .filter(({ score }) => score <= cond.atMost)
    .map(({ i, score }) => emotionEvidence(ctx, i, 'emotion', expression, `sentiment ${score} ≤ ${cond.atMost}`));
  return counted(evidence, cond.minCount);
}

export function evaluateEmotionTrend(ctx: EvalContext, cond: Of<'emotionTrend'>): Outcome {
  const turns = turnsOf(ctx, 'customer');
  if (turns.length < (cond.minTurns ?? 3)) return { hit: false, evidence: [] };
  const scores = turns.map((i) => ctx.sentiment(i).score);
  const slope = trendSlope(scores);
  if (slope > cond.slopeAtMost) return { hit: false, evidence: [] };
  const actual = `customer sentiment slope ${slope.toFixed(2)}/turn ≤ ${cond.slopeAtMost} over ${turns.length} turns (${scores.join(', ')})`;
  const last = turns[turns.length - 1] as number;
  return { hit: true, evidence: [emotionEvidence(ctx, last, 'emotionTrend', 'rising customer anger', actual)] };
}

/** The customer's first angry turn is not followed by soothing words within N turns. */
export function evaluateAngryNotSoothed(ctx: EvalContext, cond: Of<'angryNotSoothed'>): Outcome {
  const scoreOf = (i: number): number =>
    cond.ignoreThreats ? ctx.sentiment(i).scoreWithoutThreats : ctx.sentiment(i).score;
  const angry = turnsOf(ctx, 'customer').find((i) => scoreOf(i) <= cond.atMost);
  if (angry === undefined) return { hit: false, evidence: [] };
  const within = cond.withinTurns ?? 2;
  const soothing = filteredOccurrences(ctx, cond.soothing);
  if (soothing.some((o) => o.turn > angry && o.turn <= angry + within)) return { hit: false, evidence: [] };
  const score = scoreOf(angry);
  const measure = cond.ignoreThreats ? 'customer sentiment (threat words aside)' : 'customer sentiment';
  const expression = `${measure} ≤ ${cond.atMost} and no ${describeLeaf(cond.soothing)} within ${within} turns`;
  const actual = `sentiment ${score} ≤ ${cond.atMost}; no soothing in turns ${angry + 1}–${angry + within}`;
  return {
    hit: true,
    evidence: [emotionEvidence(ctx, angry, 'angryNotSoothed', expression, actual, cond.ignoreThreats)],
  };
}

export { evaluateTextLeaf };
