import type { Queryable } from '../../db/db.js';
import { featureFilter } from './compile-features.js';
import { type ConditionOutcome, conditionFeatures, evaluateCondition } from './conditions.js';
import { type Contribution, gradeOf, scoreValue, weightedContributions, weightedValueOf } from './evaluate-portrait.js';
import type { SourceDef } from './source-types.js';
import type { DefinitionCatalog, FeatureDef, FeatureValues, Names, PointsRule, ScoreDef } from './types.js';

/** One row that fed a feature, newest first. */
export interface EvidenceItem {
  source: string;
  id: string;
  at: string | null;
  kind: string;
  channel: string | null;
  topic: string | null;
  caseId: string | null;
  detail: string | null;
}

export interface FeatureEvidence {
  code: string;
  name: Names;
  value: number | null;
  source: string;
  aggregate: FeatureDef['aggregate'];
  windowDays: number | null;
  /** The rows counted (up to the limit), for sources that have rows to show. */
  items: EvidenceItem[];
}

export type Explanation =
  | { element: 'tag'; code: string; name: Names; held: boolean; outcome: ConditionOutcome; features: FeatureEvidence[] }
  | {
      element: 'score';
      code: string;
      name: Names;
      value: number | null;
      method: ScoreDef['kind'];
      rules?: Array<{ reason: Names; points: number; passed: boolean; outcome: ConditionOutcome }>;
      /** Weighted scores: each feature's signed term of the linear predictor, largest first. */
      contributions?: Array<Contribution & { name: Names | null; center: number }>;
      /** Weighted scores: the term with every feature at its center; value = max·σ(intercept + Σ contributions) for 'logistic'. */
      intercept?: number;
      features: FeatureEvidence[];
    }
  | {
      element: 'grade';
      code: string;
      name: Names;
      grade: string | null;
      score: string;
      scoreValue: number | null;
      bands: Array<{ grade: string; min: number; name: Names }>;
      features: FeatureEvidence[];
    };

export interface ExplainInput {
  catalog: DefinitionCatalog;
  sources: readonly SourceDef[];
  /** The stored feature values the verdict was made from. */
  features: FeatureValues;
  subjectKey: string;
  asOf: Date;
  itemLimit?: number;
}

/**
 * Why a subject holds a tag, score or grade — or why not: the same condition evaluator as
 * the batch, over the stored features, plus the rows behind each feature involved.
 * `element` is 'tag:<code>', 'score:<code>' or 'grade:<code>'; null when unknown.
 */
export async function explain(db: Queryable, element: string, input: ExplainInput): Promise<Explanation | null> {
  const [type, code] = element.split(':', 2);
  if (type === 'tag') {
    const tag = input.catalog.tags.find((t) => t.code === code);
    if (!tag) return null;
    const outcome = evaluateCondition(tag.when, input.features);
    const features = await evidenceFor(db, [...conditionFeatures(tag.when)], input);
    return { element: 'tag', code: tag.code, name: tag.name, held: outcome.passed, outcome, features };
  }
  if (type === 'score') {
    const score = input.catalog.scores.find((s) => s.code === code);
    return score ? explainScore(db, score, input) : null;
  }
  if (type === 'grade') {
    const grade = input.catalog.grades.find((g) => g.code === code);
    const score = grade && input.catalog.scores.find((s) => s.code === grade.score);
    if (!grade || !score) return null;
    const value = scoreValue(score, input.features);
    const scoreExplanation = await explainScore(db, score, input);
    return {
      element: 'grade',
      code: grade.code,
      name: grade.name,
      grade: gradeOf(grade, value),
      score: score.code,
      scoreValue: value,
      bands: grade.bands,
      features: scoreExplanation.features,
    };
  }
  return null;
}

async function explainScore(
  db: Queryable,
  score: ScoreDef,
  input: ExplainInput,
): Promise<Explanation & { element: 'score' }> {
  const value = scoreValue(score, input.features);
  const base = { element: 'score' as const, code: score.code, name: score.name, value, method: score.kind };
  switch (score.kind) {
    case 'points': {
      const rules = score.rules.map((rule: PointsRule) => {
        const outcome = evaluateCondition(rule.when, input.features);
        return { reason: rule.reason, points: rule.points, passed: outcome.passed, outcome };
      });
      const used = new Set<string>();
      for (const rule of score.rules) conditionFeatures(rule.when, used);
      return { ...base, rules, features: await evidenceFor(db, [...used], input) };
    }
    case 'weighted': {
      // Named, with the center each value is compared with (the training mean for a trained
      // model), in the feature's own units.
      const contributions = weightedContributions(score, input.features).map((c) => {
        const w = score.weights[c.feature];
        return {
          ...c,
          name: input.catalog.features.find((f) => f.code === c.feature)?.name ?? null,
          center: w ? weightedValueOf(w, w.center) : 0,
        };
      });
      return {
        ...base,
        intercept: score.intercept,
        contributions,
        features: await evidenceFor(
          db,
          contributions.slice(0, 5).map((c) => c.feature),
          input,
        ),
      };
    }
    case 'feature':
      return { ...base, features: await evidenceFor(db, [score.feature], input) };
  }
}

/** The features' values and, for windowed row sources, the rows that made them. */
export async function evidenceFor(
  db: Queryable,
  codes: readonly string[],
  input: ExplainInput,
): Promise<FeatureEvidence[]> {
  const out: FeatureEvidence[] = [];
  for (const code of codes) {
    const feature = input.catalog.features.find((f) => f.code === code);
    if (!feature) continue;
    const source = input.sources.find((s) => s.code === feature.source);
    out.push({
      code,
      name: feature.name,
      value: input.features[code] ?? null,
      source: feature.source,
      aggregate: feature.aggregate,
      windowDays: feature.windowDays ?? null,
      items: source ? await rowsBehind(db, source, feature, input) : [],
    });
  }
  return out;
}

async function rowsBehind(
  db: Queryable,
  source: SourceDef,
  feature: FeatureDef,
  input: ExplainInput,
): Promise<EvidenceItem[]> {
  const ev = source.evidence;
  if (!ev || !source.time) return [];
  const filter = featureFilter(source, feature, Number.POSITIVE_INFINITY);
  const where = [`${source.key} = $2::${source.keyType}`, `${source.time} < $1::timestamptz`, filter];
  const col = (expr: string | undefined) => (expr ? `(${expr})::text` : 'NULL::text');
  const sql = `SELECT ${col(ev.id)} AS id, ${source.time} AS at, ${col(ev.kind)} AS kind, ${col(ev.channel)} AS channel,
      ${col(ev.topic)} AS topic, ${col(ev.caseId)} AS case_id, ${col(ev.detail)} AS detail
    FROM ${source.from.replaceAll('$asOf', '$1::timestamptz')}
    WHERE ${where.join(' AND ')}
    ORDER BY ${source.time} DESC LIMIT ${Math.max(1, Math.min(input.itemLimit ?? 10, 50))}`;
  const rows = await db.query<{
    id: string;
    at: Date | null;
    kind: string;
    channel: string | null;
    topic: string | null;
    case_id: string | null;
    detail: string | null;
  }>(sql, [input.asOf, input.subjectKey]);
  return rows.map((r) => ({
    source: source.code,
    id: r.id,
    at: r.at ? new Date(r.at).toISOString() : null,
    kind: r.kind,
    channel: r.channel,
    topic: r.topic,
    caseId: r.case_id,
    detail: r.detail,
  }));
}
