import { type Actor, can, scopePattern } from '../../auth/actor.js';
import type { SegmentFilter } from './segment-filter.js';
import { joinSql, type SqlFragment, sql } from './sql-fragment.js';

/** Current portraits with their customer, org unit and topology; aliases p, c, o, ta, f. */
export const SEGMENT_FROM = sql`customer_portrait p
  JOIN customer c ON c.customer_id = p.customer_id
  JOIN org_unit o ON o.org_unit_id = c.org_unit_id
  LEFT JOIN transformer_area ta ON ta.transformer_area_id = c.transformer_area_id
  LEFT JOIN feeder f ON f.feeder_id = ta.feeder_id`;

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * The caller's fence, whatever the filter says: only current portraits, only the caller's
 * org scope, and special customers (特殊客户) only for callers with customer:confidential —
 * a segment must not reveal who they are, even as a count.
 */
export function visibleTo(actor: Actor): SqlFragment {
  const parts = [sql`p.valid_to IS NULL`];
  const scope = scopePattern(actor);
  if (scope !== '%') parts.push(sql`o.path LIKE ${scope}`);
  if (!can(actor, 'customer:confidential')) parts.push(sql`NOT c.special`);
  return joinSql(parts, ' AND ');
}

/** Customers of the unit at `path` and of every unit below it. */
export function underOrgUnit(path: string): SqlFragment {
  return sql`o.path LIKE ${likePrefix(path)}`;
}

/**
 * The filter as a WHERE condition over SEGMENT_FROM. Every value is a parameter; tag lists use
 * the array operators the GIN index on current tags serves (@>, &&).
 */
export function segmentWhere(actor: Actor, filter: SegmentFilter, orgUnitPath?: string): SqlFragment {
  const parts: SqlFragment[] = [visibleTo(actor)];
  if (filter.allTags.length > 0) parts.push(sql`p.tags @> ${filter.allTags}::text[]`);
  if (filter.anyTags.length > 0) parts.push(sql`p.tags && ${filter.anyTags}::text[]`);
  if (filter.noneTags.length > 0) parts.push(sql`NOT (p.tags && ${filter.noneTags}::text[])`);
  if (filter.creditGrades.length > 0) parts.push(sql`p.credit_grade = ANY(${filter.creditGrades}::text[])`);
  if (filter.feeRiskClasses.length > 0) parts.push(sql`p.fee_risk_class = ANY(${filter.feeRiskClasses}::smallint[])`);
  for (const range of filter.scores) {
    const value = sql`(p.scores ->> ${range.score}::text)::real`;
    if (range.min !== undefined) parts.push(sql`${value} >= ${range.min}::real`);
    if (range.max !== undefined) parts.push(sql`${value} <= ${range.max}::real`);
  }
  if (filter.customerTypes.length > 0) parts.push(sql`c.customer_type = ANY(${filter.customerTypes}::text[])`);
  if (filter.industry !== undefined) parts.push(sql`c.industry LIKE ${likePrefix(filter.industry)}`);
  if (filter.important !== undefined) parts.push(sql`c.important = ${filter.important}::boolean`);
  if (filter.special !== undefined) parts.push(sql`c.special = ${filter.special}::boolean`);
  if (orgUnitPath !== undefined) parts.push(underOrgUnit(orgUnitPath));
  if (filter.substations.length > 0) parts.push(sql`f.substation_id = ANY(${filter.substations}::text[])`);
  if (filter.feeders.length > 0) parts.push(sql`ta.feeder_id = ANY(${filter.feeders}::text[])`);
  if (filter.transformerAreas.length > 0) {
    parts.push(sql`c.transformer_area_id = ANY(${filter.transformerAreas}::text[])`);
  }
  return joinSql(parts, ' AND ');
}
