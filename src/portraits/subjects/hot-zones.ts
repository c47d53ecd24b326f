import { type Actor, requireInScope, scopePattern } from '../../auth/actor.js';
import type { Db } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import { HOT_ZONE_BANDS } from '../definitions/area-scores.js';
import type { AreaKind } from '../definitions/area-sources.js';
import { catalogFor } from '../definitions/index.js';
import type { PortraitEngine } from '../engine/portrait-engine.js';
import { firedRules } from './portrait-shape.js';
import type { HotZone, HotZonesReply, HotZoneTreeNode } from './subject-portrait-view.js';

/** Beyond this many transformer areas under the root the treemap stops at grids. */
export const TREE_AREA_LIMIT = 3_000;

/** How a ranked area finds its name and the org unit (and path) that scopes it. */
const AREA_JOIN: Record<AreaKind, { join: string; name: string }> = {
  transformer_area: {
    join: `JOIN transformer_area a ON a.transformer_area_id = sp.subject_key JOIN org_unit o ON o.org_unit_id = a.org_unit_id`,
    name: 'a.name',
  },
  feeder: {
    join: 'JOIN feeder a ON a.feeder_id = sp.subject_key JOIN org_unit o ON o.org_unit_id = a.org_unit_id',
    name: 'a.name',
  },
  grid: { join: `JOIN org_unit o ON o.org_unit_id = sp.subject_key AND o.level = 'grid'`, name: 'o.name' },
  station: { join: `JOIN org_unit o ON o.org_unit_id = sp.subject_key AND o.level = 'station'`, name: 'o.name' },
};

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Root {
  id: string;
  name: string;
  path: string;
}

/** The org unit asked for (inside the caller's scope), else the caller's own unit, else the whole company. */
async function rootFor(db: Db, actor: Actor, orgUnit: string | undefined): Promise<Root | null> {
  if (orgUnit !== undefined) {
    const rows = await db.query<{ org_unit_id: string; name: string; path: string }>(
      'SELECT org_unit_id, name, path FROM org_unit WHERE org_unit_id = $1',
      [orgUnit],
    );
    const row = rows[0];
    if (!row) throw notFound(`Org unit ${orgUnit}`);
    requireInScope(actor, row.path, `Org unit ${orgUnit}`);
    return { id: row.org_unit_id, name: row.name, path: row.path };
  }
  if (actor.orgUnitId && actor.orgPath)
    return { id: actor.orgUnitId, name: actor.orgUnitName ?? '', path: actor.orgPath };
  return null;
}

/**
 * Service-risk hot zones (风险高发地带, E5): areas of one kind ranked by their current
 * service-risk score inside the caller's scope (and under `orgUnit`), each with the largest
 * fired rows of the points table, plus the org tree down to transformer areas for a treemap.
 */
export async function hotZones(
  db: Db,
  engine: PortraitEngine,
  actor: Actor,
  query: { kind: AreaKind; orgUnit?: string | undefined; tag?: string | undefined; limit: number },
): Promise<HotZonesReply> {
  const catalog = catalogFor(query.kind, engine.catalog);
  const tagsByCode = new Map(catalog.tags.map((t) => [t.code, t]));
  if (query.tag !== undefined && !tagsByCode.has(query.tag))
    throw new AppError(
      'PORTRAIT_ELEMENT_UNKNOWN',
      `tag=${query.tag} is not a ${query.kind} tag; the area tags are listed by GET /api/v1/portraits/definitions`,
      400,
      { tag: query.tag },
    );
  const root = await rootFor(db, actor, query.orgUnit);
  const params = [query.kind, root ? likePrefix(root.path) : '%', scopePattern(actor), query.tag ?? null];
  const { join, name } = AREA_JOIN[query.kind];
  // With a tag, only the areas holding it: e.g. every transformer area whose collection stopped.
  const from = `FROM subject_portrait sp ${join}
    WHERE sp.subject_kind = $1 AND sp.valid_to IS NULL AND o.path LIKE $2 AND ($3 = '%' OR o.path LIKE $3)
      AND ($4::text IS NULL OR $4 = ANY(sp.tags))`;
  const [rows, totals] = await Promise.all([
    db.query<{
      id: string;
      name: string;
      org_unit_id: string;
      org_name: string;
      features: Record<string, number | null>;
      tags: string[];
      risk: number | null;
      level: string | null;
    }>(
      `SELECT sp.subject_key AS id, ${name} AS name, o.org_unit_id, o.name AS org_name, sp.features, sp.tags,
         (sp.scores->>'service_risk')::float8 AS risk, sp.grades->>'hot_zone_level' AS level
       ${from}
       ORDER BY (sp.scores->>'service_risk')::float8 DESC NULLS LAST, sp.subject_key LIMIT $5`,
      [...params, query.limit],
    ),
    db.query<{ n: number; computed_at: Date | null }>(
      `SELECT count(*)::int AS n, max(sp.computed_at) AS computed_at ${from}`,
      params,
    ),
  ]);
  const items: HotZone[] = rows.map((r) => ({
    kind: query.kind,
    id: r.id,
    name: r.name,
    orgUnit: { id: r.org_unit_id, name: r.org_name },
    riskScore: r.risk ?? 0,
    riskLevel: r.level,
    levelName: HOT_ZONE_BANDS.find((b) => b.grade === r.level)?.name ?? null,
    customers: r.features.customers ?? null,
    reasons: firedRules(catalog, 'service_risk', r.features).slice(0, 3),
    tags: r.tags.flatMap((code) => {
      const t = tagsByCode.get(code);
      return t ? [{ code, name: t.name, tone: t.tone }] : [];
    }),
  }));
  const { tree, truncated } = await riskTree(db, root, scopePattern(actor));
  return {
    kind: query.kind,
    orgUnit: root ? { id: root.id, name: root.name } : null,
    computedAt: totals[0]?.computed_at ? new Date(totals[0].computed_at).toISOString() : null,
    total: totals[0]?.n ?? 0,
    items,
    levels: HOT_ZONE_BANDS.map((b) => ({ grade: b.grade, min: b.min, name: b.name })),
    tree,
    treeTruncated: truncated,
  };
}

type Level = HotZoneTreeNode['level'];

/** Org units under the root down to grids, and their transformer areas, with current risk. */
async function riskTree(
  db: Db,
  root: Root | null,
  scope: string,
): Promise<{ tree: HotZoneTreeNode | null; truncated: boolean }> {
  const prefix = root ? likePrefix(root.path) : '%';
  const units = await db.query<{ org_unit_id: string; parent_id: string | null; level: Level; name: string }>(
    `SELECT o.org_unit_id, o.parent_id, o.level, o.name FROM org_unit o
     WHERE o.path LIKE $1 AND ($2 = '%' OR o.path LIKE $2) ORDER BY o.path`,
    [prefix, scope],
  );
  if (units.length === 0) return { tree: null, truncated: false };
  const areaCount = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM transformer_area ta JOIN org_unit o ON o.org_unit_id = ta.org_unit_id
     WHERE o.path LIKE $1 AND ($2 = '%' OR o.path LIKE $2)`,
    [prefix, scope],
  );
  const truncated = (areaCount[0]?.n ?? 0) > TREE_AREA_LIMIT;
  const [unitRisk, areas] = await Promise.all([
    db.query<{ key: string; risk: number | null; level: string | null }>(
      `SELECT subject_key AS key, (scores->>'service_risk')::float8 AS risk, grades->>'hot_zone_level' AS level
       FROM subject_portrait WHERE subject_kind IN ('grid', 'station') AND valid_to IS NULL AND subject_key = ANY($1::text[])`,
      [units.map((u) => u.org_unit_id)],
    ),
    truncated
      ? Promise.resolve([])
      : db.query<{ id: string; name: string; org_unit_id: string; risk: number | null; level: string | null }>(
          `SELECT ta.transformer_area_id AS id, ta.name, ta.org_unit_id,
             (sp.scores->>'service_risk')::float8 AS risk, sp.grades->>'hot_zone_level' AS level
           FROM transformer_area ta JOIN org_unit o ON o.org_unit_id = ta.org_unit_id
           LEFT JOIN subject_portrait sp ON sp.subject_kind = 'transformer_area'
             AND sp.subject_key = ta.transformer_area_id AND sp.valid_to IS NULL
           WHERE o.path LIKE $1 AND ($2 = '%' OR o.path LIKE $2) ORDER BY ta.transformer_area_id`,
          [prefix, scope],
        ),
  ]);
  const riskOf = new Map(unitRisk.map((r) => [r.key, r]));
  const nodes = new Map<string, HotZoneTreeNode>();
  for (const u of units) {
    const risk = riskOf.get(u.org_unit_id);
    nodes.set(u.org_unit_id, {
      id: u.org_unit_id,
      name: u.name,
      level: u.level,
      value: 0,
      riskScore: risk?.risk ?? null,
      riskLevel: risk?.level ?? null,
      children: [],
    });
  }
  for (const a of areas) {
    nodes.get(a.org_unit_id)?.children?.push({
      id: a.id,
      name: a.name,
      level: 'transformer_area',
      value: leafValue(a.risk),
      riskScore: a.risk,
      riskLevel: a.level,
    });
  }
  const tops: HotZoneTreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.org_unit_id) as HotZoneTreeNode;
    const parent = u.parent_id ? nodes.get(u.parent_id) : undefined;
    if (parent) parent.children?.push(node);
    else tops.push(node);
  }
  const top: HotZoneTreeNode =
    tops.length === 1
      ? (tops[0] as HotZoneTreeNode)
      : { id: '*', name: '全部单位', level: 'company', value: 0, riskScore: null, riskLevel: null, children: tops };
  return { tree: finish(top), truncated };
}

/** A tile is at least 1 so areas without risk still show. */
const leafValue = (risk: number | null) => Math.max(1, Math.round(risk ?? 0));

/** Values summed up the tree (ECharts sizes a parent by its children); empty child lists dropped. */
function finish(node: HotZoneTreeNode): HotZoneTreeNode {
  const { children, ...rest } = node;
  if (!children || children.length === 0) {
    return { ...rest, value: node.level === 'transformer_area' ? node.value : leafValue(node.riskScore) };
  }
  const done = children.map(finish);
  return { ...rest, value: done.reduce((s, c) => s + c.value, 0), children: done };
}
