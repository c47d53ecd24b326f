import { type Actor, requireInScope } from '../../auth/actor.js';
import type { Db, Queryable } from '../../db/db.js';
import { notFound } from '../../errors.js';
import { AREA_RISK_DIMENSIONS } from '../definitions/area-scores.js';
import type { AreaKind } from '../definitions/area-sources.js';
import { catalogFor } from '../definitions/index.js';
import type { PortraitEngine } from '../engine/portrait-engine.js';
import type { Names } from '../engine/types.js';
import {
  featureView,
  firedRules,
  gradeViews,
  heldTags,
  loadSubjectPortrait,
  scoreViews,
  strategyViews,
  tagView,
  validity,
} from './portrait-shape.js';
import type { AreaDimension, AreaPortraitReply } from './subject-portrait-view.js';

export const AREA_KIND_NAMES: Record<AreaKind, Names> = {
  transformer_area: { zh: '台区', en: 'Transformer area' },
  feeder: { zh: '线路', en: 'Feeder' },
  grid: { zh: '网格', en: 'Grid' },
  station: { zh: '供电所', en: 'Supply station' },
};

export const AREA_DIMENSION_NAMES: Record<AreaDimension, Names> = {
  equipment: { zh: '设备质量', en: 'Equipment quality' },
  outage: { zh: '停电情况', en: 'Outages' },
  demand: { zh: '诉求投诉', en: 'Demand and complaints' },
  customer_mix: { zh: '客户构成', en: 'Customer mix' },
  staff: { zh: '人员风险', en: 'Staff risk' },
};

export interface AreaRef {
  kind: AreaKind;
  id: string;
  name: string;
  orgUnit: { id: string; name: string };
  /** The org path the data scope is checked against. */
  path: string;
}

/** How each area kind finds its name and the org unit it belongs to. */
const AREA_LOOKUP: Record<AreaKind, string> = {
  transformer_area: `SELECT ta.transformer_area_id AS id, ta.name, o.org_unit_id, o.name AS org_name, o.path
    FROM transformer_area ta JOIN org_unit o ON o.org_unit_id = ta.org_unit_id WHERE ta.transformer_area_id = $1`,
  feeder: `SELECT f.feeder_id AS id, f.name, o.org_unit_id, o.name AS org_name, o.path
    FROM feeder f JOIN org_unit o ON o.org_unit_id = f.org_unit_id WHERE f.feeder_id = $1`,
  grid: `SELECT o.org_unit_id AS id, o.name, o.org_unit_id, o.name AS org_name, o.path
    FROM org_unit o WHERE o.org_unit_id = $1 AND o.level = 'grid'`,
  station: `SELECT o.org_unit_id AS id, o.name, o.org_unit_id, o.name AS org_name, o.path
    FROM org_unit o WHERE o.org_unit_id = $1 AND o.level = 'station'`,
};

/** The area, if it exists and lies inside the actor's data scope (404 / 403 otherwise). */
export async function resolveAreaFor(db: Queryable, actor: Actor, kind: AreaKind, id: string): Promise<AreaRef> {
  const rows = await db.query<{ id: string; name: string; org_unit_id: string; org_name: string; path: string }>(
    AREA_LOOKUP[kind],
    [id],
  );
  const row = rows[0];
  const label = `${AREA_KIND_NAMES[kind].en} ${id}`;
  if (!row) throw notFound(label);
  requireInScope(actor, row.path, label);
  return {
    kind,
    id: row.id,
    name: row.name,
    orgUnit: { id: row.org_unit_id, name: row.org_name },
    path: row.path,
  };
}

/**
 * The area portrait (E4, E5): service risk with the fired rows of its points table and the
 * hot-zone level, five dimensions with their risk radar values, statistic points and tags.
 */
export async function areaPortrait(
  db: Db,
  engine: PortraitEngine,
  area: AreaRef,
  asOf?: Date,
): Promise<AreaPortraitReply> {
  const label = `${AREA_KIND_NAMES[area.kind].en.toLowerCase()} ${area.id}`;
  const stored = await loadSubjectPortrait(db, engine, area.kind, area.id, label, asOf);
  const catalog = catalogFor(area.kind, engine.catalog);
  const tags = heldTags(catalog, stored);
  const level = stored.grades.hot_zone_level ?? null;
  const bands = catalog.grades.find((g) => g.code === 'hot_zone_level')?.bands ?? [];
  return {
    area: { kind: area.kind, id: area.id, name: area.name, orgUnit: area.orgUnit, path: area.path },
    ...validity(stored),
    risk: {
      score: stored.scores.service_risk ?? null,
      level,
      levelName: bands.find((b) => b.grade === level)?.name ?? null,
      reasons: firedRules(catalog, 'service_risk', stored.features),
    },
    dimensions: AREA_RISK_DIMENSIONS.map((d) => ({
      code: d,
      name: AREA_DIMENSION_NAMES[d],
      score: stored.scores[`risk_${d}`] ?? null,
      features: catalog.features.filter((f) => f.aspect === d).map((f) => featureView(f, stored)),
      tags: tags.filter((t) => t.dimension === d).map(tagView),
    })),
    scores: scoreViews(catalog, stored),
    grades: gradeViews(catalog, stored),
    strategies: strategyViews(catalog, stored.tags),
  };
}
