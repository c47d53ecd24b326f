import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExamples } from '../../test/ingest/helpers.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { ensureDefaultQaScheme } from '../qa/store/scheme-store.js';
import { acceptTraceBatch } from './trace-batch.js';

/**
 * An ingest batch's cost must follow the batch, not the world: the customers, identities and
 * calls a batch names are looked up by key. A statement that joins the batch to a whole table
 * is answered by hashing that table once per batch, which costs nothing in a small world and
 * most of the batch at a million customers. The test counts full scans of those tables while
 * a batch is accepted, in a world large enough (3,000 customers) for the planner to prefer a
 * hash there.
 */
const WORLD = 3_000;
const BATCH = 300;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await importExamples(t.db);
  await t.db.query(
    `INSERT INTO customer (customer_no, name, customer_type, org_unit_id, transformer_area_id, phone)
     SELECT 'K' || lpad(n::text, 6, '0'), '客户' || n, 'residential', c.org_unit_id, c.transformer_area_id,
            '139' || lpad(n::text, 8, '0')
     FROM generate_series(1, $1::int) AS n, (SELECT org_unit_id, transformer_area_id FROM customer WHERE customer_no = 'C0001') c`,
    [WORLD],
  );
  await t.db.query(
    `INSERT INTO customer_identity (kind, value, customer_id)
     SELECT k.kind, k.value, c.customer_id FROM customer c
       CROSS JOIN LATERAL (VALUES ('customer_no', c.customer_no), ('phone', c.phone)) AS k (kind, value)
     WHERE c.customer_no LIKE 'K%'`,
  );
  await ensureDefaultQaScheme(t.db);
  await t.db.query(
    `INSERT INTO call (call_id, customer_id, channel, direction, started_at, ended_at)
     SELECT 'KC' || c.customer_id, c.customer_id, 'phone_95598', 'inbound', '2026-05-10T02:00:00Z', '2026-05-10T02:03:00Z'
     FROM customer c WHERE c.customer_no LIKE 'K%'`,
  );
  await t.db.query('ANALYZE');
  // The new customers marked themselves; only the batches' marks are looked at below.
  await t.db.query('DELETE FROM portrait_dirty');
});
afterAll(() => t.drop());

/** Full scans of each table so far, as the statistics system has them after a flush. */
async function seqScans(): Promise<Map<string, number>> {
  await t.db.query('SELECT pg_stat_force_next_flush()');
  await t.db.query('SELECT pg_stat_clear_snapshot()');
  const rows = await t.db.query<{ relname: string; seq_scan: string }>(
    `SELECT relname, seq_scan FROM pg_stat_user_tables WHERE relname IN ('customer', 'customer_identity', 'call')`,
  );
  return new Map(rows.map((r) => [r.relname, Number(r.seq_scan)]));
}

async function fullScansDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await seqScans();
  await work();
  const after = await seqScans();
  return Object.fromEntries([...after].map(([table, n]) => [table, n - (before.get(table) ?? 0)]));
}

describe('an ingest batch reads the world by key', () => {
  it('resolves customer numbers and phones and marks customers and areas without a full scan', async () => {
    const items = Array.from({ length: BATCH }, (_, k) => ({
      source_id: `by-key-${k}`,
      ...(k % 2 === 0
        ? { customer_no: `K${String(k + 1).padStart(6, '0')}` }
        : { phone: `139${String(k + 1).padStart(8, '0')}` }),
      occurred_at: '2026-10-20T08:00:00Z',
      trace_type: 'app_query',
      channel: 'app',
      attributes: { query: 'bill' },
    }));
    let results: Awaited<ReturnType<typeof acceptTraceBatch>> = [];
    const scans = await fullScansDuring(async () => {
      results = await acceptTraceBatch(t.db, 'by-key', items);
    });
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(BATCH);
    expect(scans).toEqual({ customer: 0, customer_identity: 0, call: 0 });
    // What the trigger marks is as before: each customer, and the customers' areas.
    const marks = await t.db.query<{ subject_kind: string; n: number }>(
      'SELECT subject_kind, count(*)::int AS n FROM portrait_dirty GROUP BY subject_kind ORDER BY subject_kind',
    );
    expect(marks.find((m) => m.subject_kind === 'customer')?.n).toBe(BATCH);
    expect(marks.map((m) => m.subject_kind)).toEqual(['customer', 'feeder', 'grid', 'station', 'transformer_area']);
  });

  it('marks the customers of a batch of QA results without a full scan of the calls', async () => {
    const scheme = (
      await t.db.query<{ scheme_version_id: number; scheme_code: string; version: number }>(
        "SELECT scheme_version_id, scheme_code, version FROM qa_scheme_version WHERE status = 'live' LIMIT 1",
      )
    )[0];
    expect(scheme).toBeDefined();
    await t.db.query('DELETE FROM portrait_dirty');
    const scans = await fullScansDuring(() =>
      t.db.query(
        `INSERT INTO qa_result (call_id, scheme_version_id, scheme_code, scheme_version, call_started_at, duration_s,
           score, base_score, deductions, bonus, vetoed, category_scores, passed_rule_count, angry_customer, flagged)
         SELECT k.call_id, $1, $2, $3, k.started_at, 180, 100, 100, 0, 0, false, '{}', 0, false, false
         FROM call k WHERE k.call_id LIKE 'KC%' ORDER BY k.call_id LIMIT $4`,
        [scheme?.scheme_version_id, scheme?.scheme_code, scheme?.version, BATCH],
      ),
    );
    expect(scans).toEqual({ customer: 0, customer_identity: 0, call: 0 });
    const marked = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM portrait_dirty WHERE subject_kind = 'customer' AND 'qa' = ANY(changes)",
    );
    expect(marked[0]?.n).toBe(BATCH);
  });
});
