import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, importExamples, scratchDir, updatedAtSnapshot, writeScratch } from '../../test/ingest/helpers.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { importPath } from './import-path.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await importExamples(t.db);
});
afterAll(() => t.drop());

const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0] as T;

describe('importing the examples folder', () => {
  it('stores every kind and its identities and traces', async () => {
    expect(await one('SELECT count(*)::int AS n FROM customer')).toEqual({ n: 5 });
    const identities = await t.db.query<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int AS n FROM customer_identity GROUP BY kind ORDER BY kind',
    );
    expect(identities).toEqual([
      { kind: 'customer_no', n: 5 },
      { kind: 'id_number', n: 1 },
      { kind: 'meter_no', n: 5 },
      { kind: 'phone', n: 5 },
      { kind: 'wechat_id', n: 2 },
    ]);
    expect(await one('SELECT path FROM org_unit WHERE org_unit_id = $1', ['HN-CS-01-S1-G1'])).toEqual({
      path: '/HN/HN-CS/HN-CS-01/HN-CS-01-S1/HN-CS-01-S1-G1/',
    });
    const payment = await one<{ channel: string; customer_no: string }>(
      `SELECT t.channel, c.customer_no FROM trace t JOIN customer c USING (customer_id)
       WHERE t.source = 'sg186' AND t.source_id = 'payments:P0002'`,
    );
    expect(payment).toEqual({ channel: 'app', customer_no: 'C0002' });
  });

  it('resolves a call named by phone and a chat named by WeChat id', async () => {
    const rows = await t.db.query<{ call_id: string; customer_no: string; trace_type: string; agent: string }>(
      `SELECT k.call_id, c.customer_no, t.trace_type, e.employee_no AS agent FROM call k
       JOIN customer c USING (customer_id) JOIN trace t ON t.source_id = 'calls:' || k.call_id
       JOIN employee e ON e.employee_id = t.employee_id
       WHERE k.call_id IN ('CALL-0002', 'CHAT-0001') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { call_id: 'CALL-0002', customer_no: 'C0002', trace_type: 'call_inbound', agent: 'E001' },
      { call_id: 'CHAT-0001', customer_no: 'C0003', trace_type: 'chat_session', agent: 'E001' },
    ]);
    expect(await one("SELECT count(*)::int AS n FROM call_turn WHERE call_id = 'CALL-0001'")).toEqual({ n: 3 });
  });

  it('fans an outage out to the customers of its scope through the topology', async () => {
    const rows = await t.db.query<{ outage: string; trace_type: string; customers: string }>(
      `SELECT t.attributes->>'outage_id' AS outage, t.trace_type, string_agg(c.customer_no, ',' ORDER BY c.customer_no) AS customers
       FROM trace t JOIN customer c USING (customer_id) WHERE t.trace_type IN ('outage_start', 'outage_restore')
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { outage: 'OUT-2026-001', trace_type: 'outage_restore', customers: 'C0001,C0002,C0003' },
      { outage: 'OUT-2026-001', trace_type: 'outage_start', customers: 'C0001,C0002,C0003' },
      { outage: 'OUT-2026-002', trace_type: 'outage_restore', customers: 'C0004,C0005' },
      { outage: 'OUT-2026-002', trace_type: 'outage_start', customers: 'C0004,C0005' },
      { outage: 'OUT-2026-003', trace_type: 'outage_restore', customers: 'C0002' },
      { outage: 'OUT-2026-003', trace_type: 'outage_start', customers: 'C0002' },
    ]);
  });

  it('maps work order statuses onto the case chain trace types', async () => {
    const rows = await t.db.query<{ trace_type: string; case_id: string }>(
      `SELECT trace_type, case_id FROM trace WHERE source_id LIKE 'work_order_status:WO-2026-0001:%' ORDER BY occurred_at`,
    );
    expect(rows.map((r) => r.trace_type)).toEqual([
      'work_order_status',
      'dispatch',
      'field_arrival',
      'field_feedback',
      'callback',
    ]);
    expect(new Set(rows.map((r) => r.case_id))).toEqual(new Set(['CASE-0001']));
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await updatedAtSnapshot(t.db);
    const again = await importPath(t.db, path.resolve('examples'));
    expect(again.totals).toMatchObject({ inserted: 0, updated: 0, rejected: 0, quarantined: 0 });
    expect(again.totals.unchanged).toBe(again.totals.read);
    expect(await updatedAtSnapshot(t.db)).toBe(before);
  });
});

describe('a corrected file', () => {
  it('updates exactly the changed rows and keeps the previous trace content as a revision', async () => {
    const original = readFileSync(path.resolve('examples/work_orders.csv'), 'utf8');
    const corrected = original.replace(
      'WO-2026-0003,C0004,,consultation,time_of_use',
      'WO-2026-0003,C0004,,consultation,fee',
    );
    const stamps = async () =>
      t.db.query<{ order_no: string; updated_at: Date }>(
        'SELECT order_no, updated_at FROM work_order ORDER BY order_no',
      );
    const before = await stamps();
    const summary = await importPath(t.db, writeScratch('work_orders.csv', corrected));
    expect(summary.totals).toMatchObject({ read: 3, updated: 1, unchanged: 2, inserted: 0 });
    const after = await stamps();
    expect(
      after.filter((r, i) => r.updated_at.getTime() !== before[i]?.updated_at.getTime()).map((r) => r.order_no),
    ).toEqual(['WO-2026-0003']);
    const trace = await one<{ trace_id: number; topic: string; revision: number }>(
      "SELECT trace_id, topic, revision FROM trace WHERE source = '95598' AND source_id = 'work_orders:WO-2026-0003'",
    );
    expect(trace).toMatchObject({ topic: 'fee', revision: 2 });
    const kept = await one<{ revision: number; topic: string }>(
      "SELECT revision, content->>'topic' AS topic FROM trace_revision WHERE trace_id = $1",
      [trace.trace_id],
    );
    expect(kept).toEqual({ revision: 1, topic: 'time_of_use' });
  });
});

describe('readings', () => {
  it('merge day values into the month row of the customer', async () => {
    const file = writeScratch(
      'readings-more.csv',
      'meter_no,date,kwh\nM0001,2026-10-02,11.2\nM0001,2026-10-04,12.25\nM0001,2026-11-01,7\n',
    );
    const summary = await importPath(t.db, file);
    expect(summary.totals).toMatchObject({ read: 3, inserted: 2, unchanged: 1 });
    const october = await one<{ kwh: (number | null)[]; peak_kwh: (number | null)[] }>(
      `SELECT kwh, peak_kwh FROM meter_reading_month m JOIN customer c USING (customer_id)
       WHERE c.customer_no = 'C0001' AND m.month = '2026-10-01'`,
    );
    expect(october.kwh).toHaveLength(31);
    expect(october.kwh.slice(0, 5).map((v) => (v === null ? null : Math.round(v * 100) / 100))).toEqual([
      10.4,
      11.2,
      9.8,
      12.25,
      null,
    ]);
    expect(october.peak_kwh[3]).toBeNull();
    const fix = writeScratch('readings-fix.csv', 'meter_no,date,kwh\nM0001,2026-10-04,12.5\n');
    expect((await importPath(t.db, fix)).totals).toMatchObject({ updated: 1 });
  });

  it('store values finer than hundredths as exactly as whole hundredths, and re-import unchanged', async () => {
    const csv = 'meter_no,date,kwh,power_factor\nM0002,2026-09-01,0.125,0.853\nM0002,2026-09-02,12.34,0.9\n';
    const file = writeScratch('readings-precise.csv', csv);
    expect((await importPath(t.db, file)).totals).toMatchObject({ inserted: 2 });
    const september = await one<{ kwh: number[]; power_factor: number[] }>(
      `SELECT kwh, power_factor FROM meter_reading_month m JOIN customer c USING (customer_id)
       WHERE c.customer_no = 'C0002' AND m.month = '2026-09-01'`,
    );
    expect(september.kwh.slice(0, 2).map(Math.fround)).toEqual([Math.fround(0.125), Math.fround(12.34)]);
    expect(september.power_factor.slice(0, 2).map(Math.fround)).toEqual([Math.fround(0.853), Math.fround(0.9)]);
    expect((await importPath(t.db, writeScratch('readings-precise-again.csv', csv))).totals).toMatchObject({
      unchanged: 2,
    });
  });
});

describe('bad input', () => {
  it('rejects bad rows with row, field and reason, keeps the good rows, and writes the errors file', async () => {
    const file = copyExample('bad/customers-bad-rows.csv');
    const summary = await importPath(t.db, file);
    const [result] = summary.files;
    expect(result).toMatchObject({ read: 9, accepted: 2, rejected: 7 });
    const errors = readFileSync(`${file}.errors.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'customer_type'],
      [3, 'important'],
      [4, 'name'],
      [5, 'opened_on'],
      [6, 'customer_no'],
      [7, '(row)'],
      [8, 'transformer_area_id'],
    ]);
    expect(errors[4]).toMatchObject({
      file: 'customers-bad-rows.csv',
      line: 7,
      reason: 'duplicate key (customer_no C9101): first seen in row 1',
    });
    expect(errors[6]).toMatchObject({ reason: "unknown transformer area 'TA-99'", values: { customer_no: 'C9107' } });
    const kept = await t.db.query<{ customer_no: string }>(
      "SELECT customer_no FROM customer WHERE customer_no LIKE 'C91%' ORDER BY 1",
    );
    expect(kept.map((r) => r.customer_no)).toEqual(['C9101', 'C9108']);
  });

  it('rejects negative and future readings, unknown meters and bad numbers', async () => {
    const file = copyExample('bad/readings-bad-values.csv');
    const [result] = (await importPath(t.db, file, { errorsPath: path.join(scratchDir(), 'out.jsonl') })).files;
    expect(result?.accepted).toBe(1);
    expect(result?.examples.map((e) => [e.row, e.field, e.reason.split(' ').slice(-3).join(' ')])).toEqual([
      [2, 'kwh', 'the minimum 0'],
      [3, 'date', 'in the future'],
      [4, 'date', 'a calendar date'],
      [5, 'kwh', 'not a number'],
      [6, 'customer_no', 'not in customer_identity'],
    ]);
    expect(result?.errorsFile).toMatch(/out\.jsonl$/);
    expect(existsSync(`${file}.errors.jsonl`)).toBe(false);
  });

  it('rejects bad JSON lines, enums, time order, unknown employees and bad turns in a calls file', async () => {
    const [result] = (await importPath(t.db, copyExample('bad/calls-bad-json.jsonl'))).files;
    expect(result).toMatchObject({ read: 6, accepted: 1, rejected: 5 });
    expect(result?.examples.map((e) => `${e.row}:${e.field}`)).toEqual(
      expect.arrayContaining(['2:(row)', '3:channel', '4:ended_at', '5:agent_employee_no', '6:turns']),
    );
  });

  it('rejects a detail cell that is not a JSON object', async () => {
    const [result] = (await importPath(t.db, copyExample('bad/employee_operations-bad-detail.csv'))).files;
    expect(result?.examples.map((e) => `${e.row}:${e.field}:${e.reason}`)).toEqual([
      "1:detail:'{not json}' is not valid JSON",
      '3:detail:expected a JSON object',
    ]);
  });

  it('reports a missing column as a file error, skips files naming no kind, and imports the others', async () => {
    const dir = scratchDir();
    copyExample('bad/customers-missing-column.csv', dir);
    copyExample('bad/misc-export.csv', dir);
    writeScratch(
      'notices-extra.csv',
      'notice_id,customer_no,medium,topic,sent_at\nN-X1,C0001,sms,bill,2026-10-02 09:00:00\n',
      dir,
    );
    const summary = await importPath(t.db, dir);
    const byName = Object.fromEntries(summary.files.map((f) => [path.basename(f.file), f]));
    expect(byName['customers-missing-column.csv']?.fileError).toMatchObject({
      code: 'IMPORT_MISSING_COLUMN',
      message: expect.stringContaining('customer_type'),
    });
    expect(summary.skippedFiles.map((f) => path.basename(f))).toEqual(['misc-export.csv']);
    expect(byName['notices-extra.csv']).toMatchObject({ accepted: 1, inserted: 1 });
    expect(summary.failedFiles).toBe(1);
  });

  it('reports a single file whose name names no kind', async () => {
    const [result] = (await importPath(t.db, copyExample('bad/misc-export.csv'))).files;
    expect(result?.fileError?.code).toBe('IMPORT_UNKNOWN_KIND');
  });

  it.each([
    ['bad/payments-truncated.csv', 2, 3],
    ['bad/traces-truncated.jsonl', 2, 3],
    ['bad/employees-truncated.xlsx', 0, 1],
  ])('keeps the rows before the break of %s and names the row', async (name, accepted, row) => {
    const [result] = (await importPath(t.db, copyExample(name))).files;
    expect(result?.accepted).toBe(accepted);
    expect(result?.fileError).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', row });
  });
});
