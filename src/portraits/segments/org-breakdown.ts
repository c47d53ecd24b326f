import { type Actor, requireInScope } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { notFound } from '../../errors.js';
import { type SqlFragment, sql } from './sql-fragment.js';

export interface OrgUnitRef {
  id: string;
  name: string;
  level: string;
  path: string;
}

/**
 * The unit whose children a count is broken down over: the asked unit, else the caller's own
 * scope unit, else (whole-company callers) the top of the tree, whose "children" are the roots;
 * then down through units with a single child.
 */
export interface OrgBreakdown {
  /** The unit asked for (a filter narrows to its subtree), resolved inside the caller's scope. */
  asked: OrgUnitRef | null;
  unit: OrgUnitRef | null;
  children: OrgUnitRef[];
  /**
   * The child id of a customer's org path ('' for a customer of `unit` itself): split_part
   * of the path at the child's position, so one GROUP BY counts every child at once.
   */
  childOf(pathColumn: SqlFragment): SqlFragment;
}

const unitColumns = 'org_unit_id AS id, name, level, path';

/** The org unit, if it exists and lies inside the caller's scope; NOT_FOUND or AUTH_OUT_OF_SCOPE otherwise. */
export async function orgUnitInScope(db: Queryable, actor: Actor, orgUnitId: string): Promise<OrgUnitRef> {
  const rows = await db.query<OrgUnitRef>(`SELECT ${unitColumns} FROM org_unit WHERE org_unit_id = $1`, [orgUnitId]);
  const unit = rows[0];
  if (!unit) throw notFound(`Org unit ${orgUnitId}`);
  requireInScope(actor, unit.path, `Org unit ${orgUnitId}`);
  return unit;
}

export async function orgBreakdown(db: Queryable, actor: Actor, orgUnitId?: string): Promise<OrgBreakdown> {
  const asked = orgUnitId === undefined ? null : await orgUnitInScope(db, actor, orgUnitId);
  const scopeUnitId = actor.orgUnitId ?? undefined;
  let unit = asked ?? (scopeUnitId === undefined ? null : await orgUnitInScope(db, actor, scopeUnitId));
  let children = await childrenOf(db, unit);
  // A breakdown over one child says little: go down to the first level where units split
  // (the demo company has one city with one county).
  // A leaf is never taken as the unit: a breakdown needs something to break down into.
  while (children.length === 1 && children[0]) {
    const grandchildren = await childrenOf(db, children[0]);
    if (grandchildren.length === 0) break;
    unit = children[0];
    children = grandchildren;
  }
  // '/HN/HN01/' holds 2 ids; split_part('/HN/HN01/HN0101/…', '/', 4) is the child 'HN0101'.
  const position = (unit ? unit.path.split('/').filter(Boolean).length : 0) + 2;
  return {
    asked,
    unit,
    children,
    childOf: (pathColumn) => sql`split_part(${pathColumn}, '/', ${position}::int)`,
  };
}

function childrenOf(db: Queryable, unit: OrgUnitRef | null): Promise<OrgUnitRef[]> {
  return unit
    ? db.query<OrgUnitRef>(`SELECT ${unitColumns} FROM org_unit WHERE parent_id = $1 ORDER BY org_unit_id`, [unit.id])
    : db.query<OrgUnitRef>(`SELECT ${unitColumns} FROM org_unit WHERE parent_id IS NULL ORDER BY org_unit_id`);
}
