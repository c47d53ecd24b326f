import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExamples, writeScratch } from '../../test/ingest/helpers.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { importPath } from '../ingest/import-path.js';
import { PortraitRefresher } from './engine/portrait-refresher.js';
import { readPortrait } from './engine/portrait-store.js';
import { createPortraitEngine } from './portraits.js';

// Migration 0031: a work order's own row marks the portraits that read it, whether or not a
// trace came with the change.
let t: TestDb;
const original = readFileSync(path.resolve('examples/work_orders.csv'), 'utf8');
// WO-2026-0002: C0002's complaint, upheld, handled by E003.
const upheld = 'WO-2026-0002,C0002,CASE-0002,complaint,arrears_disconnection,normal,closed,phone_95598';
const upheldRow = original.split('\n').find((line) => line.startsWith(upheld)) ?? '';

const idOf = async (table: 'customer' | 'employee', no: string) => {
  const rows = await t.db.query<{ id: number }>(
    table === 'customer'
      ? 'SELECT customer_id AS id FROM customer WHERE customer_no = $1'
      : 'SELECT employee_id AS id FROM employee WHERE employee_no = $1',
    [no],
  );
  return String(rows[0]?.id);
};

const marks = async () =>
  (
    await t.db.query<{ subject_kind: string; subject_key: string; changes: string[] }>(
      'SELECT subject_kind, subject_key, changes FROM portrait_dirty ORDER BY subject_kind, subject_key',
    )
  ).map((m) => `${m.subject_kind}:${m.subject_key} ${[...m.changes].sort().join(',')}`);

const reimport = (row: string) => importPath(t.db, writeScratch('work_orders.csv', original.replace(upheldRow, row)));

beforeAll(async () => {
  t = await createTestDb();
  await importExamples(t.db);
  const engine = createPortraitEngine(t.db);
  await engine.rebuild({ asOf: new Date() });
  await t.db.query('DELETE FROM portrait_dirty');
});

afterAll(async () => {
  await t?.drop();
});

describe('work order changes mark the portraits that read them', () => {
  it('marks nothing when the same file is imported again', async () => {
    expect(upheldRow).toContain(',E003,true,2,');
    const summary = await reimport(upheldRow);
    expect(summary.totals).toMatchObject({ updated: 0, unchanged: 3 });
    expect(await marks()).toEqual([]);
  });

  it('marks the customer, the old and new responsible employees and the areas when only the row changed', async () => {
    const customer = await idOf('customer', 'C0002');
    const before = await readPortrait(t.db, 'customer', customer);
    expect(before?.features).toMatchObject({ unsubstantiated_complaints_12m: 0 });
    const traces = () => t.db.query('SELECT trace_id, revision FROM trace ORDER BY trace_id');
    const tracesBefore = await traces();

    // Found not upheld on review, and handed to E001: no trace is written or rewritten with it.
    const summary = await reimport(upheldRow.replace(',E003,true,2,', ',E001,false,2,'));
    expect(summary.totals).toMatchObject({ updated: 1 });
    expect(await traces()).toEqual(tracesBefore);

    const marked = await marks();
    expect(marked).toEqual(
      expect.arrayContaining([
        `customer:${customer} work_order`,
        `employee:${await idOf('employee', 'E001')} work_order`,
        `employee:${await idOf('employee', 'E003')} work_order`,
      ]),
    );
    const areas = await t.db.query<{ kind: string; key: string }>(
      `SELECT a.kind, a.key FROM customer c CROSS JOIN LATERAL customer_area_subjects(c.org_unit_id, c.transformer_area_id) a
       WHERE c.customer_id = $1::bigint`,
      [customer],
    );
    expect(areas.length).toBeGreaterThan(0);
    expect(marked).toEqual(expect.arrayContaining(areas.map((a) => `${a.kind}:${a.key} work_order`)));
    expect(marked).toHaveLength(3 + areas.length);

    // The refresher brings the customer's portrait, and the new employee's, up to date.
    const engine = createPortraitEngine(t.db);
    await new PortraitRefresher(t.db, engine, { kinds: ['customer', 'employee'] }).drainOnce();
    const after = await readPortrait(t.db, 'customer', customer);
    expect(after?.features).toMatchObject({ unsubstantiated_complaints_12m: 1 });
    expect(after?.validFrom.getTime()).toBeGreaterThan(before?.validFrom.getTime() ?? Number.POSITIVE_INFINITY);
    expect((await marks()).filter((m) => m.startsWith('customer:') || m.startsWith('employee:'))).toEqual([]);
  });

  it("marks a step's responsible employee, whom the step's trace does not name", async () => {
    await t.db.query('DELETE FROM portrait_dirty');
    const steps = readFileSync(path.resolve('examples/work_order_status.csv'), 'utf8');
    // WO-2026-0002 is answered by E001 since the test above; E002 takes the new step.
    const handled = 'WO-2026-0002,4,handled,2026-10-29 16:00:00,E002,核实属实，已致歉';
    await importPath(t.db, writeScratch('work_order_status.csv', `${steps.trimEnd()}\n${handled}\n`));
    const marked = await marks();
    expect(marked).toEqual(
      expect.arrayContaining([
        `employee:${await idOf('employee', 'E001')} work_order`,
        `employee:${await idOf('employee', 'E002')} trace:field_feedback`,
      ]),
    );
  });

  it('marks the responsible employee of a new work order, which its creation trace does not name', async () => {
    const employee = await idOf('employee', 'E002');
    await t.db.query('DELETE FROM portrait_dirty');
    const added =
      'WO-2026-0009,C0001,CASE-0009,complaint,fee,normal,accepted,phone_95598,2026-11-20 09:00:00,,,E002,,,电费异议';
    await importPath(t.db, writeScratch('work_orders.csv', `${original.trimEnd()}\n${added}\n`));
    expect(await marks()).toEqual(expect.arrayContaining([`employee:${employee} work_order`]));
  });
});
