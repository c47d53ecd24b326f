import type { Actor } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { AppError } from '../../errors.js';
import type { DefinitionCatalog } from '../engine/types.js';
import { orgBreakdown } from './org-breakdown.js';
import {
  SEGMENT_CUSTOMER_COLUMNS,
  type SegmentCustomer,
  type SegmentCustomerRow,
  toSegmentCustomer,
} from './segment-customer.js';
import type { SegmentFilter } from './segment-filter.js';
import { SEGMENT_FROM, segmentWhere } from './segment-where.js';
import { compileSql, type SqlFragment, sql } from './sql-fragment.js';

export interface FacetCount {
  key: string;
  count: number;
}

export interface SegmentReply {
  total: number;
  facets: {
    creditGrade: FacetCount[];
    feeRiskClass: FacetCount[];
    customerType: FacetCount[];
    /** Tags held by the selected customers, most held first (top 20). */
    tags: FacetCount[];
    /** The selected customers over the children of the org unit (the asked one, else the caller's). */
    orgUnits: {
      unit: { id: string; name: string } | null;
      children: Array<{ id: string; name: string; count: number }>;
      /** Customers attached to the unit itself rather than to a child. */
      direct: number;
    };
  };
  items: SegmentCustomer[];
  page: number;
  pageSize: number;
}

export interface SegmentPaging {
  page: number;
  pageSize: number;
  /** 'customerNo' or a customer score code. */
  sort: string;
  order: 'asc' | 'desc';
}

const TOP_TAGS = 20;

/** The ORDER BY of a page: a score (nulls last) or the customer number, ties by number. */
export function segmentOrder(catalog: DefinitionCatalog, sort: string, order: 'asc' | 'desc'): SqlFragment {
  const direction = order === 'desc' ? sql`DESC` : sql`ASC`;
  if (sort === 'customerNo') return sql`c.customer_no ${direction}`;
  if (!catalog.scores.some((s) => s.subject === 'customer' && s.code === sort)) {
    throw new AppError('SEGMENT_FILTER_INVALID', `Cannot sort by "${sort}": use customerNo or a score code`, 400, {
      field: 'sort',
      value: sort,
    });
  }
  return sql`(p.scores ->> ${sort}::text)::real ${direction} NULLS LAST, c.customer_no`;
}

/**
 * Counts, facets and one page of a segment. The selection is evaluated once (a materialised
 * CTE) and every facet is one GROUP BY over it, so the cost is one pass plus the page.
 */
export async function querySegment(
  db: Queryable,
  actor: Actor,
  catalog: DefinitionCatalog,
  filter: SegmentFilter,
  paging: SegmentPaging,
): Promise<SegmentReply> {
  const breakdown = await orgBreakdown(db, actor, filter.orgUnit);
  const where = segmentWhere(actor, filter, breakdown.asked?.path);
  const facets = compileSql(sql`
    WITH hits AS MATERIALIZED (
      SELECT p.credit_grade, p.fee_risk_class, p.tags, c.customer_type, ${breakdown.childOf(sql`o.path`)} AS child
      FROM ${SEGMENT_FROM} WHERE ${where}
    )
    SELECT 'total' AS facet, '' AS key, count(*)::int AS n FROM hits
    UNION ALL SELECT 'creditGrade', coalesce(credit_grade, ''), count(*)::int FROM hits GROUP BY 2
    UNION ALL SELECT 'feeRiskClass', coalesce(fee_risk_class::text, ''), count(*)::int FROM hits GROUP BY 2
    UNION ALL SELECT 'customerType', customer_type, count(*)::int FROM hits GROUP BY 2
    UNION ALL SELECT 'orgUnit', child, count(*)::int FROM hits GROUP BY 2
    UNION ALL SELECT 'tag', t, count(*)::int FROM hits, unnest(tags) AS t GROUP BY 2`);
  const facetRows = await db.query<{ facet: string; key: string; n: number }>(facets.text, facets.params);
  const of = (facet: string) =>
    facetRows
      .filter((r) => r.facet === facet && r.key !== '')
      .map((r) => ({ key: r.key, count: r.n }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const byChild = new Map(facetRows.filter((r) => r.facet === 'orgUnit').map((r) => [r.key, r.n]));

  const page = compileSql(sql`
    SELECT ${SEGMENT_CUSTOMER_COLUMNS} FROM ${SEGMENT_FROM} WHERE ${where}
    ORDER BY ${segmentOrder(catalog, paging.sort, paging.order)}
    LIMIT ${paging.pageSize}::int OFFSET ${(paging.page - 1) * paging.pageSize}::int`);
  const rows = await db.query<SegmentCustomerRow>(page.text, page.params);

  return {
    total: facetRows.find((r) => r.facet === 'total')?.n ?? 0,
    facets: {
      creditGrade: of('creditGrade').sort((a, b) => a.key.localeCompare(b.key)),
      feeRiskClass: of('feeRiskClass').sort((a, b) => a.key.localeCompare(b.key)),
      customerType: of('customerType'),
      tags: of('tag').slice(0, TOP_TAGS),
      orgUnits: {
        unit: breakdown.unit ? { id: breakdown.unit.id, name: breakdown.unit.name } : null,
        children: breakdown.children.map((child) => ({
          id: child.id,
          name: child.name,
          count: byChild.get(child.id) ?? 0,
        })),
        direct: byChild.get('') ?? 0,
      },
    },
    items: rows.map(toSegmentCustomer),
    page: paging.page,
    pageSize: paging.pageSize,
  };
}
