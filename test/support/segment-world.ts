import type { Queryable } from '../../src/db/db.js';
import { insertCustomer, uid } from './api-world.js';

/**
 * A small world for segment tests, in org units and topology of its own so tests sharing a
 * database never count each other's customers: a county under HN01 with two grids, two
 * substations with one feeder each, one transformer area per feeder.
 *
 *   county ─┬─ grid1 ── area1 (feeder1, substation1): c1, c2
 *           └─ grid2 ── area2 (feeder2, substation2): c3 (important, C26 chemicals), c4 (special), c5
 */
export interface SegmentWorld {
  county: string;
  grid1: string;
  grid2: string;
  substation1: string;
  feeder2: string;
  area1: string;
  area2: string;
  customers: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5', { customerId: number; customerNo: string; name: string }>;
}

export interface PortraitValues {
  tags: string[];
  creditGrade?: string;
  feeRiskClass?: number;
  scores?: Record<string, number>;
}

const TEST_CATALOG = 'test-segments';

/** A current portrait row written directly (no engine), as the segment queries read it. */
export async function insertPortrait(db: Queryable, customerId: number, values: PortraitValues): Promise<void> {
  await db.query(
    `INSERT INTO portrait_catalog (catalog_version, definitions) VALUES ($1, '{}') ON CONFLICT DO NOTHING`,
    [TEST_CATALOG],
  );
  const scores = values.scores ?? {};
  const grades = {
    ...(values.creditGrade ? { credit_grade: values.creditGrade } : {}),
    ...(values.feeRiskClass ? { fee_risk_class: String(values.feeRiskClass) } : {}),
  };
  await db.query(
    `INSERT INTO customer_portrait (customer_id, valid_from, feature_values, tags, scores, grades, credit_score, credit_grade,
       fee_risk_class, complaint_risk, content_hash, catalog_version)
     VALUES ($1, now(), '{}', $2::text[], $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9, $10)`,
    [
      customerId,
      values.tags,
      JSON.stringify(scores),
      JSON.stringify(grades),
      scores.credit ?? null,
      values.creditGrade ?? null,
      values.feeRiskClass ?? null,
      scores.complaint_risk ?? null,
      uid('h'),
      TEST_CATALOG,
    ],
  );
}

export async function createSegmentWorld(db: Queryable): Promise<SegmentWorld> {
  const county = uid('CY');
  const grid1 = uid('G');
  const grid2 = uid('G');
  await db.query(
    `INSERT INTO org_unit (org_unit_id, parent_id, level, name, path) VALUES
       ($1, 'HN01', 'county', '测试区供电公司', '/HN/HN01/' || $1 || '/'),
       ($2, $1, 'grid', '测试一网格', '/HN/HN01/' || $1 || '/' || $2 || '/'),
       ($3, $1, 'grid', '测试二网格', '/HN/HN01/' || $1 || '/' || $3 || '/')`,
    [county, grid1, grid2],
  );
  const substation1 = uid('S');
  const substation2 = uid('S');
  const feeder1 = uid('F');
  const feeder2 = uid('F');
  const area1 = uid('TA');
  const area2 = uid('TA');
  await db.query(
    `INSERT INTO substation (substation_id, name, org_unit_id) VALUES ($1, '一号变电站', $3), ($2, '二号变电站', $3)`,
    [substation1, substation2, county],
  );
  await db.query(
    `INSERT INTO feeder (feeder_id, name, substation_id, org_unit_id) VALUES ($1, '一线', $3, $5), ($2, '二线', $4, $5)`,
    [feeder1, feeder2, substation1, substation2, county],
  );
  await db.query(
    `INSERT INTO transformer_area (transformer_area_id, name, feeder_id, org_unit_id)
     VALUES ($1, '和平小区1#公变', $3, $5), ($2, '化工园2#专变', $4, $6)`,
    [area1, area2, feeder1, feeder2, grid1, grid2],
  );

  const customer = async (
    orgUnitId: string,
    area: string,
    portrait: PortraitValues,
    extra: { customerType?: 'residential' | 'non_residential'; special?: boolean; name?: string } = {},
  ) => {
    const c = await insertCustomer(db, { orgUnitId, ...extra });
    await db.query('UPDATE customer SET transformer_area_id = $2 WHERE customer_id = $1', [c.customerId, area]);
    await insertPortrait(db, c.customerId, portrait);
    return { customerId: c.customerId, customerNo: c.customerNo, name: c.name };
  };
  const c1 = await customer(grid1, area1, {
    tags: ['fee_sensitive', 'outage_sensitive'],
    creditGrade: 'A',
    feeRiskClass: 1,
    scores: { credit: 95, fee_risk: 0, activity: 70 },
  });
  const c2 = await customer(grid1, area1, {
    tags: ['fee_sensitive'],
    creditGrade: 'C',
    feeRiskClass: 2,
    scores: { credit: 72, fee_risk: 30, activity: 20 },
  });
  const c3 = await customer(
    grid2,
    area2,
    {
      tags: ['outage_sensitive', 'important_customer'],
      creditGrade: 'E',
      feeRiskClass: 3,
      scores: { credit: 40, fee_risk: 80, activity: 50 },
    },
    { customerType: 'non_residential', name: '湘江化工有限公司' },
  );
  await db.query(
    `UPDATE customer SET important = true, industry = 'C26 化学原料和化学制品制造业' WHERE customer_id = $1`,
    [c3.customerId],
  );
  const c4 = await customer(
    grid2,
    area2,
    {
      tags: ['special_customer', 'fee_sensitive'],
      creditGrade: 'B',
      feeRiskClass: 1,
      scores: { credit: 85, fee_risk: 0 },
    },
    { special: true },
  );
  // No activity score: a range on it must not select c5.
  const c5 = await customer(grid2, area2, { tags: [], creditGrade: 'A', feeRiskClass: 1, scores: { credit: 99 } });
  // A past portrait: only current ones count.
  await db.query(
    `INSERT INTO customer_portrait (customer_id, valid_from, valid_to, feature_values, tags, scores, grades, credit_grade,
       content_hash, catalog_version)
     VALUES ($1, now() - interval '30 days', now() - interval '1 day', '{}', '{repeat_complainer}', '{}', '{}', 'D', 'old', $2)`,
    [c5.customerId, TEST_CATALOG],
  );
  return { county, grid1, grid2, substation1, feeder2, area1, area2, customers: { c1, c2, c3, c4, c5 } };
}
