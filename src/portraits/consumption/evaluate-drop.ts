import type { GroundTruthLine } from '../../demo/ground-truth.js';

/** A profile as the evaluation needs it. */
export interface FlaggedCustomer {
  customerNo: string;
  flagged: boolean;
  dropStartedOn: string | null;
}

export interface DropEvaluation {
  customers: number;
  theft: number;
  flagged: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Vacant homes (ground truth `vacancy`) wrongly flagged, of all vacant homes. */
  vacancyFlagged: number;
  vacancies: number;
  /** Median and worst |drop_started_on − theft_from| in days over the caught thieves. */
  medianDateErrorDays: number | null;
  maxDateErrorDays: number | null;
  falsePositives: string[];
  missed: string[];
}

const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/**
 * Scores the 'sudden_sustained_drop' pattern against the demo world's ground truth: a thief
 * is a customer with trait `electricity_theft` whose theft began before as-of (the generator
 * lowers readings from `theft_from` on). Ground truth is read only here, never by the engine.
 */
export function evaluateDrop(
  profiles: readonly FlaggedCustomer[],
  truth: Iterable<GroundTruthLine>,
  asOfDate: string,
): DropEvaluation {
  const thieves = new Map<string, string>();
  const vacant = new Set<string>();
  for (const line of truth) {
    if (line.type !== 'customer') continue;
    if (line.traits.includes('electricity_theft') && line.theft_from && line.theft_from < asOfDate)
      thieves.set(line.customer_no, line.theft_from);
    if (line.vacancy) vacant.add(line.customer_no);
  }
  let truePositives = 0;
  let flagged = 0;
  let vacancyFlagged = 0;
  const errors: number[] = [];
  const falsePositives: string[] = [];
  const caught = new Set<string>();
  for (const p of profiles) {
    if (!p.flagged) continue;
    flagged++;
    const from = thieves.get(p.customerNo);
    if (from === undefined) {
      falsePositives.push(p.customerNo);
      if (vacant.has(p.customerNo)) vacancyFlagged++;
      continue;
    }
    truePositives++;
    caught.add(p.customerNo);
    if (p.dropStartedOn) errors.push(days(p.dropStartedOn, from));
  }
  errors.sort((a, b) => a - b);
  return {
    customers: profiles.length,
    theft: thieves.size,
    flagged,
    truePositives,
    precision: flagged === 0 ? 1 : truePositives / flagged,
    recall: thieves.size === 0 ? 1 : truePositives / thieves.size,
    vacancyFlagged,
    vacancies: vacant.size,
    medianDateErrorDays: errors.length === 0 ? null : (errors[Math.floor(errors.length / 2)] as number),
    maxDateErrorDays: errors.length === 0 ? null : (errors[errors.length - 1] as number),
    falsePositives,
    missed: [...thieves.keys()].filter((no) => !caught.has(no)),
  };
}
