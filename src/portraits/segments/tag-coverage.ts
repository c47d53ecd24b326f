import type { Actor } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import type { DefinitionCatalog } from '../engine/types.js';
import { orgBreakdown } from './org-breakdown.js';
import { SEGMENT_FROM, underOrgUnit, visibleTo } from './segment-where.js';
import { compileSql, joinSql, sql } from './sql-fragment.js';

export interface TagCoverage {
  code: string;
  /** Customers in scope holding the tag now. */
  count: number;
  /** count ÷ customers in scope with a portrait (0 when there are none). */
  share: number;
  /** Per child org unit: holders and their share of that unit's customers. */
  byOrgUnit: Array<{ id: string; count: number; share: number }>;
}

export interface TagCoverageReply {
  unit: { id: string; name: string } | null;
  /** Customers in scope with a current portrait: the denominator of every share. */
  customers: number;
  orgUnits: Array<{ id: string; name: string; customers: number }>;
  /** Every customer tag of the definitions, held or not, in catalog order. */
  tags: TagCoverage[];
}

const share = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 10_000) / 10_000);

/**
 * How many customers of the unit (default: the caller's scope) hold each tag, and how the
 * holders spread over its child units. Two grouped passes over the current portraits: the
 * customers per child, and the holders per (child, tag). Special customers count only for
 * callers who may see them, as in segments.
 */
export async function tagCoverage(
  db: Queryable,
  actor: Actor,
  catalog: DefinitionCatalog,
  orgUnitId?: string,
): Promise<TagCoverageReply> {
  const breakdown = await orgBreakdown(db, actor, orgUnitId);
  const where = breakdown.asked
    ? joinSql([visibleTo(actor), underOrgUnit(breakdown.asked.path)], ' AND ')
    : visibleTo(actor);
  const child = breakdown.childOf(sql`o.path`);
  const totals = compileSql(
    sql`SELECT ${child} AS child, count(*)::int AS n FROM ${SEGMENT_FROM} WHERE ${where} GROUP BY 1`,
  );
  const holders = compileSql(sql`
    SELECT ${child} AS child, t AS tag, count(*)::int AS n
    FROM ${SEGMENT_FROM} CROSS JOIN LATERAL unnest(p.tags) AS t WHERE ${where} GROUP BY 1, 2`);
  const totalRows = await db.query<{ child: string; n: number }>(totals.text, totals.params);
  const holderRows = await db.query<{ child: string; tag: string; n: number }>(holders.text, holders.params);
  const customersOf = new Map(totalRows.map((r) => [r.child, r.n]));
  const customers = totalRows.reduce((sum, r) => sum + r.n, 0);

  return {
    unit: breakdown.unit ? { id: breakdown.unit.id, name: breakdown.unit.name } : null,
    customers,
    orgUnits: breakdown.children.map((c) => ({ id: c.id, name: c.name, customers: customersOf.get(c.id) ?? 0 })),
    tags: catalog.tags
      .filter((t) => t.subject === 'customer')
      .map((t) => {
        const rows = holderRows.filter((r) => r.tag === t.code);
        const count = rows.reduce((sum, r) => sum + r.n, 0);
        return {
          code: t.code,
          count,
          share: share(count, customers),
          byOrgUnit: breakdown.children.map((c) => {
            const n = rows.find((r) => r.child === c.id)?.n ?? 0;
            return { id: c.id, count: n, share: share(n, customersOf.get(c.id) ?? 0) };
          }),
        };
      }),
  };
}
