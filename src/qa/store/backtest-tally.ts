/** The arithmetic of a backtest: per-rule hit counts and score distributions of two versions. Pure. */
import type { QaBacktestResult, QaScoreStats } from '../../api/qa-contract.js';
import type { QaScheme } from '../rule-language.js';
import { PASS_SCORE } from './inspect-calls.js';

export interface CallVerdicts {
  callId: string;
  baselineScore: number;
  candidateScore: number;
  baselineRules: readonly string[];
  candidateRules: readonly string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreStats(scores: readonly number[]): QaScoreStats {
  if (scores.length === 0) return { mean: null, median: null, min: null, max: null, belowPass: 0 };
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    mean: round2(scores.reduce((s, x) => s + x, 0) / scores.length),
    median: round2(median),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    belowPass: scores.filter((s) => s < PASS_SCORE).length,
  };
}

/** Buckets of 10 points, the last one closed: [0,10) … [80,90), [90,100]. */
export function histogram(
  baseline: readonly number[],
  candidate: readonly number[],
  base = 100,
): QaBacktestResult['scores']['histogram'] {
  const width = base / 10;
  const bucket = (s: number) => Math.min(9, Math.max(0, Math.floor(s / width)));
  const rows = Array.from({ length: 10 }, (_, i) => ({
    from: round2(i * width),
    to: round2((i + 1) * width),
    baseline: 0,
    candidate: 0,
  }));
  for (const s of baseline) (rows[bucket(s)] as (typeof rows)[number]).baseline++;
  for (const s of candidate) (rows[bucket(s)] as (typeof rows)[number]).candidate++;
  return rows;
}

export function tallyBacktest(
  baselineScheme: QaScheme,
  candidateScheme: QaScheme,
  verdicts: readonly CallVerdicts[],
): Pick<QaBacktestResult, 'calls' | 'changedCalls' | 'rules' | 'scores' | 'biggestChanges'> {
  const count = (pick: (v: CallVerdicts) => readonly string[]) => {
    const n = new Map<string, number>();
    for (const v of verdicts) for (const rule of pick(v)) n.set(rule, (n.get(rule) ?? 0) + 1);
    return n;
  };
  const baseHits = count((v) => v.baselineRules);
  const candHits = count((v) => v.candidateRules);
  const baseRules = new Map(baselineScheme.rules.map((r) => [r.id, r]));
  const candRules = new Map(candidateScheme.rules.map((r) => [r.id, r]));
  const codes = [...new Set([...candRules.keys(), ...baseRules.keys()])];
  const rules = codes.map((code) => {
    const rule = candRules.get(code) ?? baseRules.get(code);
    const baselineHits = baseHits.get(code) ?? 0;
    const candidateHits = candHits.get(code) ?? 0;
    return {
      ruleCode: code,
      ruleName: rule?.name ?? code,
      category: rule?.category ?? '',
      baselineHits,
      candidateHits,
      change: candidateHits - baselineHits,
      onlyIn: !baseRules.has(code) ? ('candidate' as const) : !candRules.has(code) ? ('baseline' as const) : null,
    };
  });
  rules.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.ruleCode.localeCompare(b.ruleCode));
  const baselineScores = verdicts.map((v) => v.baselineScore);
  const candidateScores = verdicts.map((v) => v.candidateScore);
  const changed = verdicts.filter((v) => v.baselineScore !== v.candidateScore);
  return {
    calls: verdicts.length,
    changedCalls: changed.length,
    rules,
    scores: {
      baseline: scoreStats(baselineScores),
      candidate: scoreStats(candidateScores),
      histogram: histogram(baselineScores, candidateScores, candidateScheme.baseScore ?? 100),
    },
    biggestChanges: [...changed]
      .sort(
        (a, b) =>
          Math.abs(b.candidateScore - b.baselineScore) - Math.abs(a.candidateScore - a.baselineScore) ||
          a.callId.localeCompare(b.callId),
      )
      .slice(0, 10)
      .map((v) => ({ callId: v.callId, baselineScore: v.baselineScore, candidateScore: v.candidateScore })),
  };
}
