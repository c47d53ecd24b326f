import { maskDigits } from '../../customers/trace-summary.js';
import type { Db } from '../../db/db.js';
import { AppError } from '../../errors.js';
import { catalogFor, sourcesFor } from '../definitions/index.js';
import { holds } from '../engine/conditions.js';
import { strategiesFor } from '../engine/evaluate-portrait.js';
import { explain } from '../engine/evidence.js';
import type { PortraitEngine } from '../engine/portrait-engine.js';
import { readPortrait, type StoredPortrait } from '../engine/portrait-store.js';
import type { DefinitionCatalog, FeatureDef, SubjectKind, TagDef } from '../engine/types.js';
import type {
  PointsReason,
  PortraitFeatureView,
  PortraitGradeView,
  PortraitScoreView,
  PortraitStrategyView,
  PortraitTagView,
  SubjectPortraitWhyReply,
} from './subject-portrait-view.js';

/**
 * Reading and shaping employee and area portraits: the stored row (or one computed now for
 * a subject added since the last rebuild), the catalog's names around its values, and the
 * rows of a points table that fired.
 */
export async function loadSubjectPortrait(
  db: Db,
  engine: PortraitEngine,
  kind: SubjectKind,
  key: string,
  label: string,
  asOf?: Date,
): Promise<StoredPortrait> {
  let stored = await readPortrait(db, kind, key, asOf);
  if (!stored && !asOf) {
    await engine.refresh(kind, [key], new Date());
    stored = await readPortrait(db, kind, key);
  }
  if (!stored) {
    throw new AppError(
      'PORTRAIT_NOT_AVAILABLE',
      `No portrait of ${label} was computed as of ${asOf?.toISOString() ?? 'now'}; history starts at the first rebuild (gridcare portraits rebuild --history N)`,
      404,
      { kind, key },
    );
  }
  return stored;
}

export function validity(stored: StoredPortrait) {
  return {
    validFrom: stored.validFrom.toISOString(),
    validTo: stored.validTo?.toISOString() ?? null,
    computedAt: stored.computedAt.toISOString(),
    catalogVersion: stored.catalogVersion,
  };
}

export const featureView = (f: FeatureDef, stored: StoredPortrait): PortraitFeatureView => ({
  code: f.code,
  name: f.name,
  value: stored.features[f.code] ?? null,
  unit: f.unit ?? null,
  source: f.source,
  windowDays: f.windowDays ?? null,
});

export const tagView = (t: TagDef): PortraitTagView => ({
  code: t.code,
  name: t.name,
  description: t.description,
  tone: t.tone,
  strategy: t.strategy ?? null,
});

export function heldTags(catalog: DefinitionCatalog, stored: StoredPortrait): TagDef[] {
  const held = new Set(stored.tags);
  return catalog.tags.filter((t) => held.has(t.code));
}

export function scoreViews(catalog: DefinitionCatalog, stored: StoredPortrait): PortraitScoreView[] {
  return catalog.scores.map((s) => ({
    code: s.code,
    name: s.name,
    description: s.description,
    value: stored.scores[s.code] ?? null,
    min: s.min,
    max: s.max,
  }));
}

export function gradeViews(catalog: DefinitionCatalog, stored: StoredPortrait): PortraitGradeView[] {
  return catalog.grades.map((g) => {
    const grade = stored.grades[g.code] ?? null;
    return {
      code: g.code,
      name: g.name,
      grade,
      gradeName: g.bands.find((b) => b.grade === grade)?.name ?? null,
      score: g.score,
    };
  });
}

export function strategyViews(catalog: DefinitionCatalog, tags: readonly string[]): PortraitStrategyView[] {
  return strategiesFor(catalog, tags).map((s) => ({
    priority: s.priority,
    zh: s.zh,
    en: s.en,
    tag: s.tag.code,
    tagName: s.tag.name,
  }));
}

/** The rows of a points score that fired on these features, most points first. */
export function firedRules(
  catalog: DefinitionCatalog,
  scoreCode: string,
  features: StoredPortrait['features'],
): PointsReason[] {
  const score = catalog.scores.find((s) => s.code === scoreCode);
  if (score?.kind !== 'points') return [];
  return score.rules
    .filter((r) => holds(r.when, features))
    .map((r) => ({ reason: r.reason, points: r.points }))
    .sort((a, b) => b.points - a.points);
}

/**
 * Why a subject holds (or not) a tag, score or grade, from the stored features; free text in
 * the rows behind them has phone and ID numbers masked.
 */
export async function explainSubjectElement(
  db: Db,
  engine: PortraitEngine,
  kind: SubjectKind,
  key: string,
  element: string,
  options: { label: string; asOf?: Date; itemLimit?: number },
): Promise<SubjectPortraitWhyReply> {
  const stored = await loadSubjectPortrait(db, engine, kind, key, options.label, options.asOf);
  const explanation = await explain(db, element, {
    catalog: catalogFor(kind, engine.catalog),
    sources: sourcesFor(kind),
    features: stored.features,
    subjectKey: key,
    asOf: options.asOf ?? stored.validFrom,
    itemLimit: options.itemLimit ?? 10,
  });
  if (!explanation) {
    throw new AppError(
      'PORTRAIT_ELEMENT_UNKNOWN',
      `${element} is not a tag, score or grade of ${kind} portraits; use tag:<code>, score:<code> or grade:<code> from GET /api/v1/portraits/definitions`,
      404,
      { element, kind },
    );
  }
  for (const feature of explanation.features) {
    for (const item of feature.items) if (item.detail) item.detail = maskDigits(item.detail);
  }
  return { ...explanation, validFrom: stored.validFrom.toISOString() };
}
