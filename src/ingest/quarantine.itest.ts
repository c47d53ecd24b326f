import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExamples, writeScratch } from '../../test/ingest/helpers.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { AppError } from '../errors.js';
import { createDbSink } from './db-sink.js';
import { importPath } from './import-path.js';
import { resolveQuarantine } from './quarantine-retry.js';
import { acceptTraceBatch } from './trace-batch.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await importExamples(t.db);
});
afterAll(() => t.drop());

const uid = () => randomBytes(4).toString('hex').toUpperCase();

describe('quarantine', () => {
  it('keeps a bill of an unknown customer with its payload and writes it once the customer arrives', async () => {
    const id = uid();
    const bills = writeScratch(
      'bills.csv',
      `bill_no,customer_no,period,kwh,amount,issued_on,due_date\nB-${id},C-${id},2026-09,120,67.2,2026-10-01,2026-10-25\n`,
    );
    const first = await importPath(t.db, bills);
    expect(first.totals).toMatchObject({ read: 1, accepted: 0, quarantined: 1, rejected: 0 });
    const held = await t.db.query<{ reason: string; payload: { kind: string; record: { bill_no: string } } }>(
      'SELECT reason, payload FROM trace_quarantine WHERE source_id = $1',
      [`bills:B-${id}`],
    );
    expect(held[0]?.reason).toContain(`customer_no:C-${id}`);
    expect(held[0]?.payload).toMatchObject({ kind: 'bills', record: { bill_no: `B-${id}` } });

    const stillUnknown = await resolveQuarantine(t.db);
    expect(stillUnknown.resolved).toBe(0);

    await importPath(
      t.db,
      writeScratch(
        'customers.csv',
        `customer_no,name,customer_type,org_unit_id\nC-${id},新客户,residential,HN-CS-01-S1-G1\n`,
      ),
    );
    const retry = await resolveQuarantine(t.db);
    expect(retry.resolved).toBeGreaterThanOrEqual(1);
    const resolved = await t.db.query<{
      trace_type: string;
      customer_no: string;
      quarantine_trace: number;
      trace_id: number;
    }>(
      `SELECT t.trace_type, c.customer_no, q.resolved_trace_id AS quarantine_trace, t.trace_id FROM trace_quarantine q
       JOIN trace t ON t.source = q.source AND t.source_id = q.source_id JOIN customer c USING (customer_id)
       WHERE q.source_id = $1`,
      [`bills:B-${id}`],
    );
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ trace_type: 'bill_issued', customer_no: `C-${id}` });
    expect(resolved[0]?.quarantine_trace).toBe(resolved[0]?.trace_id);
    expect(await t.db.query('SELECT 1 FROM bill WHERE bill_no = $1', [`B-${id}`])).toHaveLength(1);
  });
});

describe('acceptTraceBatch', () => {
  it('answers each item: accepted, duplicate, updated, quarantined, rejected', async () => {
    const id = uid();
    const base = {
      customer_no: 'C0001',
      occurred_at: '2026-10-05T09:00:00+08:00',
      trace_type: 'app_query',
      channel: 'app',
    };
    const first = await acceptTraceBatch(t.db, 'app', [
      { ...base, source_id: `q-${id}-1` },
      { ...base, source_id: `q-${id}-2` },
    ]);
    expect(first.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(first[0]?.trace_id).toEqual(expect.any(Number));

    const second = await acceptTraceBatch(t.db, 'app', [
      { ...base, source_id: `q-${id}-1` },
      { ...base, source_id: `q-${id}-2`, attributes: { page: 'bill' } },
      { ...base, source_id: `q-${id}-3`, customer_no: `nobody-${id}` },
      { ...base, source_id: `q-${id}-4`, trace_type: 'teleport' },
      'not an object',
      { ...base, source_id: `q-${id}-5`, employee_no: 'E999' },
      { ...base, source_id: `q-${id}-1` },
    ]);
    expect(second.map((r) => r.status)).toEqual([
      'duplicate',
      'updated',
      'quarantined',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(second[1]?.trace_id).toBe(first[1]?.trace_id);
    expect(second[3]).toMatchObject({ field: 'trace_type', reason: expect.stringContaining('teleport') });
    expect(second[5]).toMatchObject({ field: 'employee_no', reason: "unknown employee 'E999'" });
    expect(second[6]).toMatchObject({ field: 'source_id', reason: 'repeats the source_id of item 0' });
    const revised = await t.db.query<{ revision: number }>(
      "SELECT revision FROM trace WHERE source = 'app' AND source_id = $1",
      [`q-${id}-2`],
    );
    expect(revised).toEqual([{ revision: 2 }]);
  });

  it('refuses a batch over 10,000 items', async () => {
    const items = Array.from({ length: 10_001 }, () => ({}));
    await expect(acceptTraceBatch(t.db, 'app', items)).rejects.toMatchObject({ code: 'BATCH_TOO_LARGE' });
    await expect(acceptTraceBatch(t.db, 'app', items)).rejects.toBeInstanceOf(AppError);
  });
});

describe('createDbSink', () => {
  it('writes records through the same validation and writers, and reports rejected ones', async () => {
    const id = uid();
    const rejected: string[] = [];
    const sink = createDbSink(t.db, {
      source: 'demo',
      onRejected: (kind, r) => rejected.push(`${kind}:${r.row}:${r.field}`),
    });
    await sink.write('customers', [
      {
        customer_no: `D-${id}`,
        name: '演示客户',
        customer_type: 'residential',
        org_unit_id: 'HN-CS-01-S1-G1',
        phone: `139${id}`,
      },
    ]);
    await sink.write('payments', [
      {
        payment_no: `DP-${id}-1`,
        phone: `139${id}`,
        amount: 12.5,
        channel: 'app',
        paid_at: '2026-10-01T10:00:00+08:00',
      },
      {
        payment_no: `DP-${id}-2`,
        customer_no: `D-${id}`,
        amount: 1,
        channel: 'hall',
        paid_at: '2099-01-01T00:00:00+08:00',
      },
    ]);
    await sink.close();
    expect(rejected).toEqual(['payments:2:paid_at']);
    const rows = await t.db.query<{ source: string; channel: string }>(
      'SELECT source, channel FROM trace WHERE source_id = $1',
      [`payments:DP-${id}-1`],
    );
    expect(rows).toEqual([{ source: 'demo', channel: 'app' }]);
    expect(sink.counts().customers).toMatchObject({ inserted: 1, written: 1 });
  });
});
