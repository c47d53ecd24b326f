import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { createGroundTruthMemory, type GroundTruthLine } from '../../demo/ground-truth.js';
import { generateDemoWorld } from '../../demo/world.js';
import { createDbSink } from '../../ingest/db-sink.js';
import { rebuildCreditLedger } from './credit-ledger.js';
import { type CreditGrade, creditGrade } from './credit-model.js';

// A small demo world through the ingest path (as the first start loads it), rebuilt as of the
// world's end, scored against what the generator planted.
let t: TestDb;
const truth = createGroundTruthMemory();
const grades = new Map<string, CreditGrade>();

beforeAll(async () => {
  t = await createTestDb();
  const sink = createDbSink(t.db, { source: 'demo' });
  await generateDemoWorld({ customers: 600, months: 12, seed: 4242, endMonth: '2026-10' }, sink, truth);
  await sink.close();
  await rebuildCreditLedger(t.db, { asOf: new Date('2026-11-01T00:00:00+08:00') });
  const rows = await t.db.query<{ customer_no: string; score: number }>(
    `SELECT DISTINCT ON (c.customer_id) c.customer_no, l.score_after AS score
     FROM credit_ledger l JOIN customer c USING (customer_id) ORDER BY c.customer_id, l.month DESC`,
  );
  for (const r of rows) grades.set(r.customer_no, creditGrade(r.score));
}, 600_000);
afterAll(async () => {
  await t.drop();
});

type CustomerTruth = Extract<GroundTruthLine, { type: 'customer' }>;
const customers = () => truth.lines.filter((l): l is CustomerTruth => l.type === 'customer');

function distribution(group: readonly CustomerTruth[]): Record<CreditGrade, number> {
  const counts: Record<CreditGrade, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  for (const c of group) {
    const grade = grades.get(c.customer_no);
    if (grade) counts[grade]++;
  }
  return counts;
}
const share = (d: Record<CreditGrade, number>, of: readonly CreditGrade[]) =>
  of.reduce((n, g) => n + d[g], 0) /
  Math.max(
    1,
    Object.values(d).reduce((a, b) => a + b, 0),
  );

describe('credit grades of the demo world', () => {
  it('grades every billed customer and tells the payment archetypes apart', () => {
    const all = customers();
    const groups = {
      auto_debit: all.filter((c) => c.payment_archetype === 'auto_debit'),
      on_time: all.filter((c) => c.payment_archetype === 'on_time'),
      late: all.filter((c) => c.payment_archetype === 'late'),
      chronic_late_payer: all.filter((c) => c.traits.includes('chronic_late_payer')),
    };
    const table = Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, { n: g.length, ...distribution(g) }]));
    console.log('credit grade by payment archetype (600 customers, 12 months, seed 4242):', table);
    expect(grades.size).toBe(all.length);
    expect(share(distribution(groups.auto_debit), ['A'])).toBeGreaterThanOrEqual(0.95);
    expect(share(distribution(groups.on_time), ['A'])).toBeGreaterThanOrEqual(0.8);
    expect(share(distribution(groups.chronic_late_payer), ['D', 'E'])).toBeGreaterThanOrEqual(0.8);
    // Occasionally late payers sit between the two: mostly below A, mostly above E.
    const late = distribution(groups.late);
    expect(share(late, ['A'])).toBeLessThan(0.5);
    expect(share(late, ['E'])).toBeLessThan(0.5);
  });
});
