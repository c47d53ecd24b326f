/**
 * Scores QA rule hits against planted violations: per violation code (found when any of its
 * rules hits) and per mapped rule. Pure: the caller inspects the calls.
 */

export interface InspectedCall {
  /** Violation codes the generator planted in the call. */
  planted: readonly string[];
  /** Rule ids the QA engine hit on the call. */
  hitRuleIds: readonly string[];
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when nothing was flagged (no precision to speak of). */
  precision: number | null;
  /** null when nothing was planted. */
  recall: number | null;
}

export interface CodeTally extends Counts {
  code: string;
  planted: number;
  rules: (Counts & { ruleId: string })[];
}

export interface QaEvaluation {
  calls: number;
  codes: CodeTally[];
}

interface Tp {
  tp: number;
  fp: number;
  fn: number;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

function counts({ tp, fp, fn }: Tp): Counts {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
  };
}

function add(into: Tp, planted: boolean, flagged: boolean): void {
  if (planted && flagged) into.tp++;
  else if (flagged) into.fp++;
  else if (planted) into.fn++;
}

/** `violationRules`: code → the rule ids that detect it (src/qa/violation-map.ts). */
export function tallyViolations(
  calls: Iterable<InspectedCall>,
  violationRules: Readonly<Record<string, readonly string[]>>,
): QaEvaluation {
  const entries = Object.entries(violationRules);
  const perCode = entries.map(([, rules]) => ({
    all: { tp: 0, fp: 0, fn: 0 },
    planted: 0,
    rules: rules.map(() => ({ tp: 0, fp: 0, fn: 0 })),
  }));
  let n = 0;
  for (const call of calls) {
    n++;
    const planted = new Set(call.planted);
    const hits = new Set(call.hitRuleIds);
    entries.forEach(([code, rules], i) => {
      const tally = perCode[i];
      if (!tally) return;
      const isPlanted = planted.has(code);
      if (isPlanted) tally.planted++;
      add(
        tally.all,
        isPlanted,
        rules.some((r) => hits.has(r)),
      );
      rules.forEach((rule, j) => {
        const r = tally.rules[j];
        if (r) add(r, isPlanted, hits.has(rule));
      });
    });
  }
  return {
    calls: n,
    codes: entries.map(([code, rules], i) => {
      const tally = perCode[i] ?? { all: { tp: 0, fp: 0, fn: 0 }, planted: 0, rules: [] };
      return {
        code,
        planted: tally.planted,
        ...counts(tally.all),
        rules: rules.map((ruleId, j) => ({ ruleId, ...counts(tally.rules[j] ?? { tp: 0, fp: 0, fn: 0 }) })),
      };
    }),
  };
}
