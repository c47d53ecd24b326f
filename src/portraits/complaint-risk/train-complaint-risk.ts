import type { Queryable } from '../../db/db.js';
import { AppError } from '../../errors.js';
import { COMPLAINT_RISK_GRADE } from '../definitions/customer-scores.js';
import { PORTRAIT_CATALOG, sourcesFor } from '../definitions/index.js';
import { FeatureComputer } from '../engine/compute-features.js';
import { aucStandardError, rankAuc } from './auc.js';
import { type LabelledRow, type LabelWindow, labelledRows } from './labelled-rows.js';
import { fitLogistic, sigmoid } from './logistic-regression.js';
import { COMPLAINT_RISK_INPUTS, type InputScaling, inputScalings, standardise, toModelScale } from './model-inputs.js';
import type { ModelMetrics, ModelWeights } from './model-store.js';

const DAY = 86_400_000;
/** The score foretells a complaint within this many days. */
export const HORIZON_DAYS = 30;
/** The baseline the model must beat: complaints in the last 12 months alone. */
const BASELINE_FEATURE = 'complaints_12m';

export interface TrainOptions {
  /** The end of the history to learn from; the hold-out window ends here. */
  asOf: Date;
  /**
   * Training windows, 30 days each, back from the hold-out: k = 0 has features as of
   * asOf − 60 d and labels in [asOf − 60 d, asOf − 30 d); each further window is 30 days
   * earlier. Several windows give the fit more complaints to learn from.
   */
  trainingWindows?: number;
  /** λ of the L2 penalty on the standardised weights. */
  l2?: number;
  /** Above this many training rows, customers without a complaint are down-sampled. */
  maxTrainingRows?: number;
  batchSize?: number;
  onProgress?(phase: string, done: number, total: number): void;
}

export interface TrainedComplaintRisk {
  weights: ModelWeights;
  metrics: ModelMetrics & {
    trainAuc: number | null;
    /** Standard errors of the two hold-out AUCs (Hanley–McNeil). */
    aucStandardError: number | null;
    baselineAucStandardError: number | null;
    /** Mean predicted probability vs observed complaint rate on the hold-out, in %. */
    holdoutMeanPredictedPct: number;
    holdoutObservedPct: number;
    /** Share of the hold-out's complainers among the 10 % of customers scored highest. */
    holdoutTopDecileCapture: number | null;
    /** Per complaint-risk level: hold-out customers, how many complained, observed and mean predicted %. */
    holdoutLevels: Array<{
      level: string;
      customers: number;
      complainers: number;
      observedPct: number;
      predictedPct: number;
    }>;
    windows: Array<{ featuresAt: string; labelsUntil: string; role: 'train' | 'holdout' }>;
    l2: number;
    negativeSampling: number;
    iterations: number;
  };
}

/**
 * Where the store's history ends: the newest work order, or `now` if that is earlier. A
 * store loaded from an export (the demo world) ends before today; a hold-out window after
 * its end would hold no complaints.
 */
export async function historyEnd(db: Queryable, now = new Date()): Promise<Date> {
  const newest = (await db.query<{ at: Date | null }>('SELECT max(created_at) AS at FROM work_order'))[0]?.at;
  if (!newest) throw new AppError('RISK_MODEL_NO_HISTORY', 'The store holds no work orders to learn from', 422);
  return newest < now ? newest : now;
}

/** The hold-out window ends at asOf; the training windows end where the hold-out starts. */
export function riskWindows(asOf: Date, trainingWindows: number): { training: LabelWindow[]; holdout: LabelWindow } {
  const at = (days: number) => new Date(asOf.getTime() - days * DAY);
  const training = Array.from({ length: trainingWindows }, (_, k) => ({
    featuresAt: at(HORIZON_DAYS * (k + 2)),
    labelsUntil: at(HORIZON_DAYS * (k + 1)),
  }));
  return { training, holdout: { featuresAt: at(HORIZON_DAYS), labelsUntil: asOf } };
}

/**
 * Fits the complaint-risk model on the store's own history and measures it on the later,
 * non-overlapping hold-out window, beside the baseline of past complaints alone.
 */
export async function trainComplaintRisk(db: Queryable, options: TrainOptions): Promise<TrainedComplaintRisk> {
  const windowCount = options.trainingWindows ?? 3;
  const l2 = options.l2 ?? 0.01;
  const { training, holdout } = riskWindows(options.asOf, windowCount);
  const inputCodes = COMPLAINT_RISK_INPUTS.map((i) => i.feature);
  const computer = featureComputer([...inputCodes, BASELINE_FEATURE]);
  const collect = { ...(options.batchSize ? { batchSize: options.batchSize } : {}) };

  // Training rows: every complainer, and customers without a complaint down-sampled past the cap.
  const customers = Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM customer'))[0]?.n ?? 0);
  const negativeSampling = Math.min(1, (options.maxTrainingRows ?? 300_000) / Math.max(1, customers * windowCount));
  const rows: LabelledRow[] = [];
  for (const [k, window] of training.entries()) {
    const keepNegative = negativeSampling < 1 ? (id: number) => unitHash(id, k) < negativeSampling : undefined;
    for await (const batch of labelledRows(db, computer, inputCodes, window, {
      ...collect,
      ...(keepNegative ? { keepNegative } : {}),
      onProgress: (done, total) => options.onProgress?.(`train window ${k + 1}/${windowCount}`, done, total),
    })) {
      for (const row of batch) toModelScale(row.raw, COMPLAINT_RISK_INPUTS);
      rows.push(...batch);
    }
  }
  const positives = rows.filter((r) => r.label === 1).length;
  const negatives = rows.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new AppError(
      'RISK_MODEL_NO_HISTORY',
      `The training windows (${training.at(-1)?.featuresAt.toISOString()} – ${training[0]?.labelsUntil.toISOString()}) hold ${positives} complaining and ${negatives} other customers; both are needed to train`,
      422,
      { positives, negatives },
    );
  }

  const scalings = inputScalings(
    rows.map((r) => r.raw),
    inputCodes.length,
  );
  const kept = scalings.flatMap((s, index) => (s ? [{ index, code: inputCodes[index] as string, ...s }] : []));
  const x = rows.map((r) => standardise(r.raw, kept));
  const y = Float64Array.from(rows, (r) => r.label);
  // Balanced class weights: complainers are ~1–2 % of customers a month, and unweighted they
  // would barely move the fit. Each class then carries half the total weight.
  const sampleWeights = Float64Array.from(rows, (r) => (r.label === 1 ? 0.5 / positives : 0.5 / negatives));
  const fit = fitLogistic(x, y, { l2, sampleWeights });
  // The weighted fit speaks for a world where half the customers complain. Refit σ(a + b·z) on
  // its linear predictor z, unweighted (customers without a complaint count 1 ÷ their sampling
  // rate): the intercept returns to the true rate and b undoes the over-confidence the weights
  // give the largest scores (Platt scaling; two parameters, so fitting them in-sample is safe).
  const offsets = x.map((row) => fit.coefficients.reduce((z, c, j) => z + c * (row[j] as number), 0));
  const platt = fitLogistic(
    offsets.map((z) => [z]),
    y,
    { l2: 0, sampleWeights: Float64Array.from(rows, (r) => (r.label === 1 ? 1 : 1 / negativeSampling)) },
  );
  const slope = platt.coefficients[0] as number;
  const intercept = platt.intercept;
  const weights: ModelWeights = {
    intercept,
    features: Object.fromEntries(
      kept.map((k, j) => {
        const { transform } = COMPLAINT_RISK_INPUTS[k.index] ?? {};
        const weight = slope * (fit.coefficients[j] as number);
        return [k.code, { weight, center: k.center, scale: k.scale, ...(transform ? { transform } : {}) }];
      }),
    ),
  };
  const trainAuc = rankAuc(offsets, y);

  const scored = await scoreHoldout(db, computer, inputCodes, holdout, kept, weights, {
    ...collect,
    onProgress: (done, total) => options.onProgress?.('hold-out', done, total),
  });
  const auc = rankAuc(scored.z, scored.labels);
  const baselineAuc = rankAuc(scored.baseline, scored.labels);
  const holdoutNegatives = scored.labels.length - scored.positives;
  const standardError = (a: number | null) =>
    a === null ? null : round(aucStandardError(a, scored.positives, holdoutNegatives), 4);
  return {
    weights,
    metrics: {
      auc,
      baselineAuc,
      aucStandardError: standardError(auc),
      baselineAucStandardError: standardError(baselineAuc),
      trainRows: rows.length,
      positives,
      holdoutRows: scored.labels.length,
      holdoutPositives: scored.positives,
      trainAuc,
      holdoutMeanPredictedPct: round(100 * mean(scored.z.map(sigmoid)), 3),
      holdoutObservedPct: round((100 * scored.positives) / Math.max(1, scored.labels.length), 3),
      holdoutTopDecileCapture: topDecileCapture(scored.z, scored.labels),
      holdoutLevels: levelCalibration(scored.z, scored.labels),
      windows: [
        ...training.map((w) => ({ ...isoWindow(w), role: 'train' as const })),
        { ...isoWindow(holdout), role: 'holdout' as const },
      ],
      l2,
      negativeSampling,
      iterations: fit.iterations,
    },
  };
}

function featureComputer(codes: readonly string[]): FeatureComputer {
  const wanted = new Set(codes);
  const features = PORTRAIT_CATALOG.features.filter((f) => f.subject === 'customer' && wanted.has(f.code));
  const missing = codes.filter((c) => !features.some((f) => f.code === c));
  if (missing.length) throw new Error(`complaint-risk inputs not in the catalog: ${missing.join(', ')}`);
  return new FeatureComputer(features, sourcesFor('customer'));
}

async function scoreHoldout(
  db: Queryable,
  computer: FeatureComputer,
  inputCodes: readonly string[],
  window: LabelWindow,
  kept: ReadonlyArray<{ index: number; code: string } & InputScaling>,
  weights: ModelWeights,
  options: { batchSize?: number; onProgress?(done: number, total: number): void },
) {
  const z: number[] = [];
  const baseline: number[] = [];
  const labels: number[] = [];
  let positives = 0;
  // The baseline feature is read alongside the inputs, as the row's last column.
  for await (const batch of labelledRows(db, computer, [...inputCodes, BASELINE_FEATURE], window, options)) {
    for (const row of batch) {
      // The baseline (the row's last column) stays raw: its AUC depends on its order only.
      const x = standardise(toModelScale(row.raw, COMPLAINT_RISK_INPUTS), kept);
      z.push(
        kept.reduce((sum, k, j) => sum + (weights.features[k.code]?.weight ?? 0) * (x[j] as number), weights.intercept),
      );
      baseline.push(row.raw[inputCodes.length] as number);
      labels.push(row.label);
      positives += row.label;
    }
  }
  return { z, baseline, labels, positives };
}

/** Share of the positives found among the highest-scored tenth of rows. */
function topDecileCapture(scores: readonly number[], labels: readonly number[]): number | null {
  const positives = labels.reduce((a, b) => a + b, 0);
  if (positives === 0) return null;
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const top = order.slice(0, Math.ceil(scores.length / 10));
  return round(top.reduce((n, [, i]) => n + (labels[i] as number), 0) / positives, 3);
}

/** Observed against predicted complaint rates within each band of the complaint-risk level. */
function levelCalibration(z: readonly number[], labels: readonly number[]) {
  const bands = [...COMPLAINT_RISK_GRADE.bands].sort((a, b) => b.min - a.min);
  const levels = bands.map((b) => ({ level: b.grade, customers: 0, complainers: 0, predicted: 0 }));
  z.forEach((zi, i) => {
    const pct = 100 * sigmoid(zi);
    const level =
      levels[
        Math.max(
          0,
          bands.findIndex((b) => pct >= b.min),
        )
      ];
    if (!level) return;
    level.customers++;
    level.complainers += labels[i] as number;
    level.predicted += pct;
  });
  return levels.map(({ predicted, ...l }) => ({
    ...l,
    observedPct: round((100 * l.complainers) / Math.max(1, l.customers), 2),
    predictedPct: round(predicted / Math.max(1, l.customers), 2),
  }));
}

/** A stable pseudo-random number in [0, 1) per customer and window (Knuth's multiplicative hash). */
function unitHash(customerId: number, window: number): number {
  return (Math.imul(customerId ^ (window * 0x9e3779b9), 2654435761) >>> 0) / 2 ** 32;
}

const isoWindow = (w: LabelWindow) => ({
  featuresAt: w.featuresAt.toISOString(),
  labelsUntil: w.labelsUntil.toISOString(),
});
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
