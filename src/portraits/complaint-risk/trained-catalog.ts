import type { Queryable } from '../../db/db.js';
import { TRAINED_SCORES, type TrainedScoreTemplate } from '../definitions/customer-scores.js';
import type { DefinitionCatalog, ScoreDef } from '../engine/types.js';
import { liveModels, type PortraitModel } from './model-store.js';

/**
 * The catalog with the scores that trained models supply (complaint risk): each gets the
 * live model's weights and the model's version as its definition version, so a stored
 * portrait's catalog version names the model that scored it. A score with no live model is
 * left out, and its grades with it — absent, never invented.
 */
export async function withTrainedModels(db: Queryable, catalog: DefinitionCatalog): Promise<DefinitionCatalog> {
  return applyTrainedModels(catalog, await liveModels(db));
}

export function applyTrainedModels(
  catalog: DefinitionCatalog,
  live: ReadonlyMap<string, Pick<PortraitModel, 'version' | 'weights'>>,
): DefinitionCatalog {
  const trainedCodes = new Set(TRAINED_SCORES.map((t) => t.score.code));
  const trainedGrades = new Set(TRAINED_SCORES.flatMap((t) => t.grades.map((g) => g.code)));
  const scores = catalog.scores.filter((s) => !trainedCodes.has(s.code));
  const grades = catalog.grades.filter((g) => !trainedGrades.has(g.code));
  for (const trained of TRAINED_SCORES) {
    const model = live.get(trained.score.code);
    if (!model) continue;
    scores.push(trainedScore(trained.score, model));
    grades.push(...trained.grades);
  }
  return { ...catalog, scores, grades };
}

export function trainedScore(
  template: TrainedScoreTemplate,
  model: Pick<PortraitModel, 'version' | 'weights'>,
): ScoreDef {
  return {
    ...template,
    version: model.version,
    intercept: model.weights.intercept,
    weights: model.weights.features,
  };
}
