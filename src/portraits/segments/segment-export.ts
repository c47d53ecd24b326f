import type { Actor } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import type { DefinitionCatalog } from '../engine/types.js';
import { orgUnitInScope } from './org-breakdown.js';
import { SEGMENT_CUSTOMER_COLUMNS, type SegmentCustomerRow, toSegmentCustomer } from './segment-customer.js';
import type { SegmentFilter } from './segment-filter.js';
import { SEGMENT_FROM, segmentWhere } from './segment-where.js';
import { compileSql, type SqlFragment, sql } from './sql-fragment.js';

type Language = 'zh-CN' | 'en';

/** Rows per query while streaming: keyset pages by customer id, so memory stays flat. */
const BATCH = 2000;

/** Excel reads a UTF-8 file as UTF-8 (and shows Chinese) only when it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

/**
 * A CSV field. Quoted when it holds a separator, quote or line break; text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, since a
 * customer name is outside text.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvLine = (fields: Array<string | number | null>) => `${fields.map(csvField).join(',')}\r\n`;

export interface SegmentExport {
  /** Customers the export holds, counted before streaming (what the audit records). */
  rowCount: number;
  lines: AsyncGenerator<string>;
}

/** The filter's selection for the caller, with the org unit filter resolved inside the caller's scope. */
export async function resolveSegmentWhere(db: Queryable, actor: Actor, filter: SegmentFilter): Promise<SqlFragment> {
  const unit = filter.orgUnit ? await orgUnitInScope(db, actor, filter.orgUnit) : undefined;
  return segmentWhere(actor, filter, unit?.path);
}

export async function exportSegment(
  db: Queryable,
  actor: Actor,
  catalog: DefinitionCatalog,
  filter: SegmentFilter,
  language: Language,
): Promise<SegmentExport> {
  const where = await resolveSegmentWhere(db, actor, filter);
  const count = compileSql(sql`SELECT count(*)::int AS n FROM ${SEGMENT_FROM} WHERE ${where}`);
  const rowCount = (await db.query<{ n: number }>(count.text, count.params))[0]?.n ?? 0;
  return { rowCount, lines: csvLines(db, catalog, where, language) };
}

async function* csvLines(
  db: Queryable,
  catalog: DefinitionCatalog,
  where: SqlFragment,
  language: Language,
): AsyncGenerator<string> {
  const zh = language === 'zh-CN';
  const pick = (names: { zh: string; en: string }) => (zh ? names.zh : names.en);
  const scores = catalog.scores.filter((s) => s.subject === 'customer');
  const tagNames = new Map(catalog.tags.filter((t) => t.subject === 'customer').map((t) => [t.code, pick(t.name)]));
  const customerTypes: Record<string, string> = zh
    ? { residential: '居民', non_residential: '非居民' }
    : { residential: 'Residential', non_residential: 'Non-residential' };
  const yesNo = (flag: boolean) => (flag ? (zh ? '是' : 'yes') : zh ? '否' : 'no');

  yield UTF8_BOM +
    csvLine([
      ...(zh
        ? [
            '户号',
            '客户名称',
            '用户类别',
            '行业',
            '供电单位',
            '台区',
            '重要客户',
            '特殊客户',
            '信用等级',
            '电费风险等级',
          ]
        : [
            'Customer no.',
            'Name',
            'Type',
            'Industry',
            'Org unit',
            'Transformer area',
            'Important',
            'Special',
            'Credit grade',
            'Fee risk class',
          ]),
      ...scores.map((s) => pick(s.name)),
      zh ? '标签' : 'Tags',
    ]);
  let after = 0;
  for (;;) {
    const batch = compileSql(sql`
      SELECT ${SEGMENT_CUSTOMER_COLUMNS} FROM ${SEGMENT_FROM}
      WHERE ${where} AND p.customer_id > ${after}::bigint
      ORDER BY p.customer_id LIMIT ${BATCH}::int`);
    const rows = await db.query<SegmentCustomerRow>(batch.text, batch.params);
    let text = '';
    for (const row of rows) {
      const c = toSegmentCustomer(row);
      text += csvLine([
        c.customerNo,
        c.name,
        customerTypes[c.customerType] ?? c.customerType,
        c.industry,
        c.orgUnit.name,
        c.transformerArea?.name ?? null,
        yesNo(c.important),
        yesNo(c.special),
        c.creditGrade,
        c.feeRiskClass,
        ...scores.map((s) => c.scores[s.code] ?? null),
        c.tags.map((t) => tagNames.get(t) ?? t).join(zh ? '、' : '; '),
      ]);
    }
    if (text) yield text;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.customer_id;
  }
}
