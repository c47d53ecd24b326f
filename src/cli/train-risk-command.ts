import type { Command } from 'commander';
import { openDb } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { createProgress, type Progress } from '../ingest/progress.js';
import { COMPLAINT_RISK_INPUTS } from '../portraits/complaint-risk/model-inputs.js';
import { saveLiveModel } from '../portraits/complaint-risk/model-store.js';
import {
  HORIZON_DAYS,
  historyEnd,
  type TrainedComplaintRisk,
  trainComplaintRisk,
} from '../portraits/complaint-risk/train-complaint-risk.js';
import { PORTRAIT_CATALOG } from '../portraits/definitions/index.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';

/** `gridcare portraits train-risk`: fits the complaint-risk model (C6) and stores it as live. */
export function registerTrainRiskCommand(portraits: Command): void {
  withConfigFlags(
    portraits
      .command('train-risk')
      .description(
        `Train the complaint-risk model (probability of a complaint in the next ${HORIZON_DAYS} days) on the store's history, report its hold-out AUC and store it as live`,
      )
      .option('--as-of <time>', "end of the history to learn from (default: the store's newest work order)")
      .option('--windows <n>', 'training windows of 30 days before the hold-out', '3')
      .option('--l2 <lambda>', 'L2 penalty on the standardised weights', '0.01'),
    ['dataDir', 'databaseUrl'],
  ).action(async (flags: Record<string, unknown>) => {
    const config = configFromFlags(flags);
    const windows = Number(flags.windows);
    const l2 = Number(flags.l2);
    if (!Number.isInteger(windows) || windows < 1 || windows > 12)
      throw new AppError('CONFIG_INVALID', `--windows must be 1–12 (got ${String(flags.windows)})`);
    if (!Number.isFinite(l2) || l2 < 0)
      throw new AppError('CONFIG_INVALID', `--l2 must be ≥ 0 (got ${String(flags.l2)})`);
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(db);
      const asOf = flags.asOf === undefined ? await historyEnd(db) : parseTime(String(flags.asOf));
      const trained = await trainComplaintRisk(db, { asOf, trainingWindows: windows, l2, onProgress: progressBars() });
      const stored = await saveLiveModel(db, { modelCode: 'complaint_risk', trainedAsOf: asOf, ...trained });
      for (const line of describeTraining(trained, asOf)) console.log(line);
      console.log(
        `Stored as complaint_risk v${stored.version} (live). \`gridcare portraits rebuild\` scores every customer with it.`,
      );
    } finally {
      await db.close();
    }
  });
}

/** The report printed after training: sizes, AUC against the baseline, calibration, top weights. */
export function describeTraining(trained: TrainedComplaintRisk, asOf: Date): string[] {
  const m = trained.metrics;
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(2)} %`;
  const auc = (v: number | null, se: number | null) =>
    v === null ? 'n/a' : `${v.toFixed(3)}${se === null ? '' : ` ± ${se.toFixed(3)}`}`;
  const holdout = m.windows.find((w) => w.role === 'holdout');
  const names = new Map(PORTRAIT_CATALOG.features.map((f) => [f.code, f.name.zh]));
  const why = new Map(COMPLAINT_RISK_INPUTS.map((i) => [i.feature, i.why]));
  const weights = Object.entries(trained.weights.features).sort(
    ([, a], [, b]) => Math.abs(b.weight) - Math.abs(a.weight),
  );
  return [
    `Complaint risk (投诉风险度), history up to ${asOf.toISOString()}`,
    `  train:    ${m.windows.length - 1} window(s), ${m.trainRows} rows, ${m.positives} with a complaint (${pct(m.positives, m.trainRows)})${m.negativeSampling < 1 ? `, others sampled at ${m.negativeSampling.toFixed(3)}` : ''}`,
    `  hold-out: features as of ${holdout?.featuresAt}, complaints until ${holdout?.labelsUntil}: ${m.holdoutRows} customers, ${m.holdoutPositives} with a complaint (${pct(m.holdoutPositives, m.holdoutRows)})`,
    `  AUC ${auc(m.auc, m.aucStandardError)} on the hold-out vs ${auc(m.baselineAuc, m.baselineAucStandardError)} for complaints in the last 12 months alone (± one standard error; train AUC ${auc(m.trainAuc, null)})`,
    `  calibration: mean predicted ${m.holdoutMeanPredictedPct.toFixed(2)} %, observed ${m.holdoutObservedPct.toFixed(2)} %; the top 10 % of scores hold ${m.holdoutTopDecileCapture === null ? 'n/a' : `${(100 * m.holdoutTopDecileCapture).toFixed(0)} %`} of the complainers`,
    `  by level: ${m.holdoutLevels.map((l) => `${l.level} ${l.customers} customers, ${l.complainers} complained (${l.observedPct.toFixed(1)} % observed, ${l.predictedPct.toFixed(1)} % predicted)`).join('; ')}`,
    `  weights per standard deviation (intercept ${trained.weights.intercept.toFixed(3)}):`,
    ...weights
      .slice(0, 12)
      .map(
        ([code, w]) =>
          `    ${w.weight >= 0 ? '+' : '−'}${Math.abs(w.weight).toFixed(3)}  ${code.padEnd(32)} ${names.get(code) ?? ''}  (${why.get(code) ?? ''})`,
      ),
  ];
}

function parseTime(value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new AppError('CONFIG_INVALID', `--as-of must be a date or time like 2026-10-31 (got ${value})`);
  return at;
}

function progressBars(): (phase: string, done: number, total: number) => void {
  let current: { phase: string; bar: Progress; done: number } | undefined;
  return (phase, done, total) => {
    if (current?.phase !== phase) {
      current?.bar.done();
      current = { phase, bar: createProgress({ label: `complaint risk ${phase}`, total, unit: 'customers' }), done: 0 };
    }
    current.bar.tick(Math.max(0, done - current.done));
    current.done = done;
    if (done >= total) {
      current.bar.done();
      current = undefined;
    }
  };
}
