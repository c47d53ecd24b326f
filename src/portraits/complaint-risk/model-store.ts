import type { Db, Queryable } from '../../db/db.js';
import type { FeatureWeight } from '../engine/types.js';

/** A model's weights on standardised inputs: z = intercept + Σ weight × (x − center) ÷ scale (FeatureWeight). */
export interface ModelWeights {
  intercept: number;
  features: Record<string, FeatureWeight>;
}

/** Hold-out and training figures of a model (kept with it, printed by the CLI). */
export interface ModelMetrics {
  /** AUC of the model on the hold-out window. */
  auc: number | null;
  /** AUC of the baseline (complaints in the last 12 months alone) on the same window. */
  baselineAuc: number | null;
  trainRows: number;
  positives: number;
  holdoutRows: number;
  holdoutPositives: number;
  [more: string]: unknown;
}

export interface PortraitModel {
  modelCode: string;
  version: number;
  trainedAt: Date;
  trainedAsOf: Date;
  weights: ModelWeights;
  metrics: ModelMetrics;
  status: 'live' | 'retired';
}

interface ModelRow {
  model_code: string;
  version: number;
  trained_at: Date;
  trained_as_of: Date;
  weights: ModelWeights;
  metrics: ModelMetrics;
  status: 'live' | 'retired';
}

const toModel = (r: ModelRow): PortraitModel => ({
  modelCode: r.model_code,
  version: Number(r.version),
  trainedAt: r.trained_at,
  trainedAsOf: r.trained_as_of,
  weights: r.weights,
  metrics: r.metrics,
  status: r.status,
});

/** Stores a newly trained model as the live version of its code, retiring the one before. */
export async function saveLiveModel(
  db: Db,
  model: { modelCode: string; trainedAsOf: Date; weights: ModelWeights; metrics: ModelMetrics },
): Promise<PortraitModel> {
  return db.transaction(async (tx) => {
    // Two trainings finishing at once must not both take the next version number.
    await tx.exec('LOCK TABLE portrait_model IN SHARE ROW EXCLUSIVE MODE');
    await tx.query("UPDATE portrait_model SET status = 'retired' WHERE model_code = $1 AND status = 'live'", [
      model.modelCode,
    ]);
    const rows = await tx.query<ModelRow>(
      `INSERT INTO portrait_model (model_code, version, trained_as_of, weights, metrics, status)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3::jsonb, $4::jsonb, 'live'
       FROM portrait_model WHERE model_code = $1
       RETURNING model_code, version, trained_at, trained_as_of, weights, metrics, status`,
      [model.modelCode, model.trainedAsOf, JSON.stringify(model.weights), JSON.stringify(model.metrics)],
    );
    return toModel(rows[0] as ModelRow);
  });
}

/** The live version of every trained model, by model code. */
export async function liveModels(db: Queryable): Promise<Map<string, PortraitModel>> {
  const rows = await db.query<ModelRow>(
    `SELECT model_code, version, trained_at, trained_as_of, weights, metrics, status
     FROM portrait_model WHERE status = 'live'`,
  );
  return new Map(rows.map((r) => [r.model_code, toModel(r)]));
}
