import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeScratch } from '../../../test/ingest/helpers.js';
import { insertCustomer, seedOrgUnits, sessionFor, type TestCustomer, uid } from '../../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildApp } from '../../api/app.js';
import type { GridcareApp } from '../../api/types.js';
import { importPath } from '../../ingest/import-path.js';
import { createPortraitEngine } from '../portraits.js';
import { readCreditLedger, rebuildCreditLedger } from './credit-ledger.js';

/**
 * Third-party credit records (C3's optional inputs) from a real CSV through the import path
 * into the ledger: the month of the record moves by the model's delta, a dishonest record
 * breaks its quarter's bonus, bad rows are named and the good ones kept, and a new record
 * marks the customer's ledger stale while a re-import marks nothing.
 */
let t: TestDb;
let app: GridcareApp | undefined;
let dishonest: TestCustomer;
let honoured: TestCustomer;
let control: TestCustomer;
const AS_OF = new Date('2026-11-01T00:00:00+08:00');

/** A bill a month from July to October, each paid on its due date. */
async function payEveryBillOnTime(customerId: number): Promise<void> {
  for (const month of ['07', '08', '09', '10']) {
    const billNo = uid('B');
    await t.db.query(
      `INSERT INTO bill (customer_id, bill_no, period, kwh, amount, issued_on, due_date)
       VALUES ($1, $2, $3, 100, 60, $4, $5)`,
      [customerId, billNo, `2026-${month}-01`, `2026-${month}-03`, `2026-${month}-20`],
    );
    await t.db.query(
      `INSERT INTO payment (customer_id, payment_no, bill_no, amount, channel, paid_at)
       VALUES ($1, $2, $3, 60, 'wechat', $4)`,
      [customerId, uid('P'), billNo, `2026-${month}-18T10:00:00+08:00`],
    );
  }
}

const reportsCsv = () =>
  [
    'report_no,customer_no,agency,verdict,reported_on,note',
    `CR-COURT-1,${dishonest.customerNo},长沙市中级人民法院,dishonest,2026-09-18,失信被执行人名单`,
    `CR-CHINA-1,${honoured.customerNo},信用中国（湖南）,honoured,2026-08-02,守信红名单`,
    `CR-BANK-1,${control.customerNo},某银行,late,2026-08-02,`,
    'CR-BANK-2,7399999999,某银行,dishonest,2026-08-02,',
    `CR-BANK-3,${control.customerNo},某银行,dishonest,2099-01-01,`,
  ].join('\n');

const marked = async (customerId: number): Promise<string[] | null> =>
  (
    await t.db.query<{ changes: string[] }>(
      "SELECT changes FROM portrait_dirty WHERE subject_kind = 'customer' AND subject_key = $1",
      [String(customerId)],
    )
  )[0]?.changes ?? null;

const monthOf = async (customerId: number, month: string) =>
  (await readCreditLedger(t.db, customerId)).find((row) => row.month === month);

describe('third-party credit records', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await seedOrgUnits(t.db);
    dishonest = await insertCustomer(t.db);
    honoured = await insertCustomer(t.db);
    control = await insertCustomer(t.db);
    for (const c of [dishonest, honoured, control]) await payEveryBillOnTime(c.customerId);
    await t.db.exec('DELETE FROM portrait_dirty');
  });
  afterAll(async () => {
    await app?.close();
    await t.drop();
  });

  it('imports the good rows and names each bad one by row and field', async () => {
    const file = writeScratch('credit_reports.csv', reportsCsv());
    const summary = await importPath(t.db, file);
    const [result] = summary.files;
    expect(result?.kind).toBe('credit_reports');
    expect([result?.inserted, result?.rejected]).toEqual([2, 3]);
    expect(result?.examples.map((e) => `${e.row}:${e.field}`)).toEqual(['3:verdict', '5:reported_on', '4:customer_no']);
    expect(result?.examples.find((e) => e.field === 'customer_no')?.reason).toMatch(
      /unknown customer .*7399999999.*import the customer first/,
    );
    const stored = await t.db.query<{ report_no: string; verdict: string; reported_on: string; source: string }>(
      'SELECT report_no, verdict, reported_on, source FROM credit_report ORDER BY report_no',
    );
    expect(stored).toEqual([
      { report_no: 'CR-CHINA-1', verdict: 'honoured', reported_on: '2026-08-02', source: 'credit' },
      { report_no: 'CR-COURT-1', verdict: 'dishonest', reported_on: '2026-09-18', source: 'credit' },
    ]);
  });

  it("marks the two customers' ledgers stale, and a re-import of the same file nothing", async () => {
    expect(await marked(dishonest.customerId)).toEqual(['billing']);
    expect(await marked(honoured.customerId)).toEqual(['billing']);
    expect(await marked(control.customerId)).toBeNull();
    await t.db.exec('DELETE FROM portrait_dirty');
    const again = await importPath(t.db, writeScratch('credit_reports.csv', reportsCsv()));
    expect([again.files[0]?.inserted, again.files[0]?.updated, again.files[0]?.unchanged]).toEqual([0, 0, 2]);
    expect(await marked(dishonest.customerId)).toBeNull();
  });

  it('moves the month of the record by its delta, and a dishonest record costs its quarter the bonus', async () => {
    await rebuildCreditLedger(t.db, { asOf: AS_OF });
    const september = await monthOf(dishonest.customerId, '2026-09-01');
    expect(september?.lines).toEqual([
      { code: 'on_time_payment', count: 1, delta: 1 },
      { code: 'third_party_dishonest', count: 1, delta: -15 },
    ]);
    expect(september?.modelVersion).toBe(2);
    // The same bills without the record: the quarter closes clean.
    expect((await monthOf(control.customerId, '2026-09-01'))?.lines).toEqual([
      { code: 'on_time_payment', count: 1, delta: 1 },
      { code: 'clean_quarter', count: 1, delta: 3 },
      { code: 'monthly_gain_cap', count: 1, delta: -1 },
    ]);
    expect((await monthOf(honoured.customerId, '2026-08-01'))?.lines).toEqual([
      { code: 'on_time_payment', count: 1, delta: 1 },
      { code: 'third_party_honoured', count: 1, delta: 2 },
    ]);
    const october = await monthOf(dishonest.customerId, '2026-10-01');
    const controlOctober = await monthOf(control.customerId, '2026-10-01');
    expect((controlOctober?.scoreAfter ?? 0) - (october?.scoreAfter ?? 0)).toBe(17);
  });

  it('counts a record only once the ledger reaches its day', async () => {
    await rebuildCreditLedger(t.db, {
      asOf: new Date('2026-09-15T00:00:00+08:00'),
      customerIds: [dishonest.customerId],
    });
    const september = await monthOf(dishonest.customerId, '2026-09-01');
    expect(september?.lines.map((l) => l.code)).not.toContain('third_party_dishonest');
  });

  it('tags the listed customer 第三方失信 on its refresh, and says why with the record', async () => {
    const engine = createPortraitEngine(t.db);
    app = await buildApp({ logLevel: 'silent' }, t.db, { portraitEngine: engine });
    const agent = await sessionFor(t.db, app, 'agent', 'HN');
    const keys = [dishonest, honoured].map((c) => String(c.customerId));
    await engine.refresh('customer', keys, AS_OF, undefined, new Map(keys.map((k) => [k, ['billing']])));
    const tags = async (c: TestCustomer) =>
      (
        await t.db.query<{ tags: string[] }>(
          'SELECT tags FROM customer_portrait WHERE customer_id = $1 AND valid_to IS NULL',
          [c.customerId],
        )
      )[0]?.tags ?? [];
    expect(await tags(dishonest)).toContain('third_party_dishonest');
    expect(await tags(honoured)).not.toContain('third_party_dishonest');
    const why = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/customers/${dishonest.customerNo}/portrait/why?element=tag:third_party_dishonest`,
        headers: { cookie: agent },
      })
    ).json<{
      held: boolean;
      features: { code: string; value: number; items: { id: string; kind: string; detail: string }[] }[];
    }>();
    expect(why.held).toBe(true);
    const records = why.features.find((f) => f.code === 'third_party_dishonest_12m');
    expect(records?.value).toBe(1);
    expect(records?.items.map((i) => [i.id, i.kind, i.detail])).toEqual([
      ['CR-COURT-1', 'credit_report', '长沙市中级人民法院：失信被执行人名单'],
    ]);
  });

  it("marks a customer again when a record's verdict changes, and only that customer", async () => {
    await t.db.exec('DELETE FROM portrait_dirty');
    const changed = reportsCsv().replace(
      `CR-CHINA-1,${honoured.customerNo},信用中国（湖南）,honoured`,
      `CR-CHINA-1,${honoured.customerNo},信用中国（湖南）,dishonest`,
    );
    const summary = await importPath(t.db, writeScratch('credit_reports.csv', changed));
    expect([summary.files[0]?.updated, summary.files[0]?.unchanged]).toEqual([1, 1]);
    expect(await marked(honoured.customerId)).toEqual(['billing']);
    expect(await marked(dishonest.customerId)).toBeNull();
  });
});
