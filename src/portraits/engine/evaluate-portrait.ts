import { holds } from './conditions.js';
import type {
  DefinitionCatalog,
  FeatureValues,
  FeatureWeight,
  GradeDef,
  ScoreDef,
  StrategyDef,
  TagDef,
} from './types.js';

/** What the batch stores per subject; the evidence recomputes the why on demand. */
export interface PortraitValues {
  features: FeatureValues;
  tags: string[];
  scores: Record<string, number | null>;
  grades: Record<string, string | null>;
}

export interface Contribution {
  feature: string;
  value: number | null;
  /** Signed share of the score's linear predictor (weighted) or points (points table). */
  contribution: number;
}

export function evaluatePortrait(catalog: DefinitionCatalog, features: FeatureValues): PortraitValues {
  const tags = catalog.tags.filter((t) => holds(t.when, features)).map((t) => t.code);
  const scores: Record<string, number | null> = {};
  for (const score of catalog.scores) scores[score.code] = scoreValue(score, features);
  const grades: Record<string, string | null> = {};
  for (const grade of catalog.grades) grades[grade.code] = gradeOf(grade, scores[grade.score] ?? null);
  return { features, tags, scores, grades };
}

export function scoreValue(score: ScoreDef, features: FeatureValues): number | null {
  switch (score.kind) {
    case 'feature': {
      const v = features[score.feature];
      return v === null || v === undefined ? null : clamp(v, score.min, score.max);
    }
    case 'points': {
      let total = score.base;
      for (const rule of score.rules) if (holds(rule.when, features)) total += rule.points;
      return clamp(total, score.min, score.max);
    }
    case 'weighted': {
      const z = linearPredictor(score, features);
      const raw = score.link === 'logistic' ? score.max / (1 + Math.exp(-z)) : z;
      return round2(clamp(raw, score.min, score.max));
    }
  }
}

function linearPredictor(score: Extract<ScoreDef, { kind: 'weighted' }>, features: FeatureValues): number {
  let z = score.intercept;
  for (const c of weightedContributions(score, features)) z += c.contribution;
  return z;
}

/** A feature's value on the scale its weight was fitted on (FeatureWeight.transform). */
export function weightedInput(w: Pick<FeatureWeight, 'transform'>, value: number): number {
  return w.transform === 'log1p' ? Math.log1p(Math.max(0, value)) : value;
}

/** The value whose input is `x`: what a center means in the feature's own units. */
export function weightedValueOf(w: Pick<FeatureWeight, 'transform'>, x: number): number {
  return w.transform === 'log1p' ? Math.expm1(x) : x;
}

/** Each feature's term of a weighted score, largest effect first. */
export function weightedContributions(
  score: Extract<ScoreDef, { kind: 'weighted' }>,
  features: FeatureValues,
): Contribution[] {
  return Object.entries(score.weights)
    .map(([feature, w]) => {
      const value = features[feature] ?? null;
      const x = value === null ? w.center : weightedInput(w, value);
      return { feature, value, contribution: (w.weight * (x - w.center)) / (w.scale || 1) };
    })
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

export function gradeOf(grade: GradeDef, score: number | null): string | null {
  if (score === null) return null;
  const bands = [...grade.bands].sort((a, b) => b.min - a.min);
  for (const band of bands) if (score >= band.min) return band.grade;
  return bands.at(-1)?.grade ?? null;
}

/** Strategies of the tags a subject holds, most urgent first. */
export function strategiesFor(
  catalog: DefinitionCatalog,
  tagCodes: readonly string[],
): Array<StrategyDef & { tag: TagDef }> {
  const held = new Set(tagCodes);
  return catalog.tags
    .filter((t) => held.has(t.code) && t.strategy)
    .map((t) => ({ ...(t.strategy as StrategyDef), tag: t }))
    .sort((a, b) => a.priority - b.priority || a.tag.code.localeCompare(b.tag.code));
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round2 = (v: number) => Math.round(v * 100) / 100;
