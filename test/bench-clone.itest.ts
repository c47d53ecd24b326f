import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCopies } from '../bench/clone-world-fill.js';
import { buildDerivedFacts } from '../src/cli/first-start-derived.js';
import { createGroundTruthMemory } from '../src/demo/ground-truth.js';
import { generateDemoWorld } from '../src/demo/world.js';
import { createDbSink } from '../src/ingest/db-sink.js';
import { acceptTraceBatch } from '../src/ingest/trace-batch.js';
import { createPortraitEngine } from '../src/portraits/portraits.js';
import { createTestDb, type TestDb } from './support/test-db.js';

const CUSTOMERS = 30;
const TIMES = 3;
const quiet = () => undefined;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Every index of the schema, partitions' included, by name with its definition. */
const indexDefinitions = async (t: TestDb): Promise<string[]> =>
  (
    await t.db.query<{ d: string }>(
      "SELECT indexname || ': ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname",
    )
  ).map((r) => r.d);

const count = async (t: TestDb, sql: string): Promise<number> =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]?.n ?? -1;

/** Rows per copy of a customer-keyed table: copy c holds customer ids c×CUSTOMERS+1 … (c+1)×CUSTOMERS. */
const perCopy = async (t: TestDb, table: string): Promise<number[]> =>
  (
    await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE customer_id IS NOT NULL
       GROUP BY (customer_id - 1) / ${CUSTOMERS} ORDER BY (customer_id - 1) / ${CUSTOMERS}`,
    )
  ).map((r) => r.n);

describe('cloning a loaded world K times (bench/clone-world)', () => {
  let t: TestDb;
  let baseSubjects = 0;
  let indexesBefore: string[] = [];
  const before = new Map<string, number>();
  const tables = ['bill', 'payment', 'meter_reading_month', 'work_order', 'call', 'notice', 'trace', 'meter'];

  beforeAll(async () => {
    t = await createTestDb();
    cleanups.push(() => t.drop());
    const sink = createDbSink(t.db, { source: 'demo' });
    await generateDemoWorld(
      { customers: CUSTOMERS, months: 12, seed: 4242, endMonth: '2026-10' },
      sink,
      createGroundTruthMemory(),
    );
    await sink.close();
    baseSubjects = (await buildDerivedFacts(t.db, quiet)).subjects;
    for (const table of [...tables, 'call_turn', 'qa_result', 'qa_hit', 'employee', 'transformer_area'])
      before.set(table, await count(t, table));
    indexesBefore = await indexDefinitions(t);
    await fillCopies(t.db, { times: TIMES, log: quiet });
  });

  it('adds K-1 copies of every customer-level row and keeps the shared topology and staff', async () => {
    expect(await count(t, 'customer')).toBe(CUSTOMERS * TIMES);
    expect(await count(t, '(SELECT DISTINCT customer_no FROM customer) c')).toBe(CUSTOMERS * TIMES);
    for (const table of tables) {
      const copies = await perCopy(t, table);
      expect(copies, table).toHaveLength(TIMES);
      expect(new Set(copies).size, `${table}: ${copies.join(' / ')}`).toBe(1);
    }
    for (const table of ['call_turn', 'qa_result', 'qa_hit'])
      expect(await count(t, table), table).toBe((before.get(table) ?? 0) * TIMES);
    expect(await count(t, 'employee')).toBe(before.get('employee'));
    expect(await count(t, 'transformer_area')).toBe(before.get('transformer_area'));
    // Every copy's turns hang off its own call, and every copy's customer numbers resolve to it.
    expect(await count(t, `call_turn tt JOIN call c USING (call_id) WHERE c.customer_id > ${CUSTOMERS}`)).toBe(
      (before.get('call_turn') ?? 0) * (TIMES - 1),
    );
    expect(
      await count(
        t,
        "customer c JOIN customer_identity i ON i.kind = 'customer_no' AND i.value = c.customer_no AND i.customer_id = c.customer_id",
      ),
    ).toBe(CUSTOMERS * TIMES);
  });

  it("ends with the indexes it began with, the trace partitions' included", async () => {
    // The fill drops the secondary indexes and builds them after the copies.
    expect(
      indexesBefore.some((d) => /^trace_y\d{4}m\d{2}_customer_id_occurred_at_trace_type/.test(d)),
      indexesBefore.join('\n'),
    ).toBe(true);
    expect(await indexDefinitions(t)).toEqual(indexesBefore);
  });

  it('marks nothing stale or pending and empties the portrait outputs', async () => {
    for (const table of [
      'portrait_dirty',
      'portrait_source_state',
      'qa_pending',
      'customer_portrait',
      'credit_ledger',
      'consumption_profile',
    ])
      expect(await count(t, table), table).toBe(0);
  });

  it('rebuilds to K× the customer portraits, each copy with its original portrait', async () => {
    const result = await createPortraitEngine(t.db).rebuild({ asOf: new Date('2026-11-01T00:00:00Z') });
    expect(result.subjects).toBe(baseSubjects + CUSTOMERS * (TIMES - 1));
    const pairs = await t.db.query<{ copy: number; same: number; n: number }>(
      `SELECT (b.customer_id - 1) / ${CUSTOMERS} AS copy, count(*)::int AS n,
              count(*) FILTER (WHERE a.content_hash = b.content_hash)::int AS same
       FROM customer_portrait a
       JOIN customer_portrait b ON b.valid_to IS NULL AND b.customer_id > ${CUSTOMERS}
        AND (b.customer_id - 1) % ${CUSTOMERS} = a.customer_id - 1
       WHERE a.valid_to IS NULL AND a.customer_id <= ${CUSTOMERS} GROUP BY 1 ORDER BY 1`,
    );
    expect(pairs).toEqual(
      Array.from({ length: TIMES - 1 }, (_, i) => ({ copy: i + 1, n: CUSTOMERS, same: CUSTOMERS })),
    );
  });

  it('leaves ids free for new traces of a cloned customer', async () => {
    const copy = await t.db.query<{ customer_no: string }>(
      `SELECT customer_no FROM customer WHERE customer_id = ${CUSTOMERS * TIMES}`,
    );
    const results = await acceptTraceBatch(t.db, 'test', [
      {
        source_id: 'after-clone-1',
        customer_no: copy[0]?.customer_no ?? '',
        occurred_at: '2026-10-30T08:00:00Z',
        trace_type: 'app_query',
        channel: 'app',
        attributes: { query: 'bill' },
      },
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted']);
    // Its id comes after every copy's: the identity sequence was moved past them.
    expect(await count(t, "trace WHERE trace_id = (SELECT trace_id FROM trace WHERE source = 'test')")).toBe(1);
    expect(await count(t, "trace WHERE trace_id > (SELECT trace_id FROM trace WHERE source = 'test')")).toBe(0);
  });
});

describe('clone-world refuses what it cannot copy faithfully', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    cleanups.push(() => t.drop());
  });

  it('fails on a broken foreign key and adds nothing', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query("SET LOCAL session_replication_role = 'replica'");
      await tx.query(
        "INSERT INTO work_order_status (order_no, seq, status, at) VALUES ('WO-NONE', 1, 'closed', now())",
      );
    });
    await expect(fillCopies(t.db, { times: 2, log: quiet })).rejects.toThrow(/foreign key .*work_order_status/);
    expect(await count(t, 'work_order_status')).toBe(1);
  });

  it('fails on a duplicate that a unique index forbids, before the foreign keys, and keeps the index', async () => {
    // The orphaned status row of the test above is copied with its status unchanged.
    await t.db.exec('CREATE UNIQUE INDEX work_order_status_once_idx ON work_order_status (status)');
    const indexes = await indexDefinitions(t);
    await expect(fillCopies(t.db, { times: 2, log: quiet })).rejects.toThrow(/work_order_status_once_idx/);
    expect(await indexDefinitions(t)).toEqual(indexes);
    expect(await count(t, 'work_order_status')).toBe(1);
    await t.db.exec('DROP INDEX work_order_status_once_idx');
  });

  it('stops at a table its plan does not name', async () => {
    await t.db.exec('CREATE TABLE unplanned_customer_facts (customer_id bigint)');
    await expect(fillCopies(t.db, { times: 2, log: quiet })).rejects.toThrow(/unplanned_customer_facts/);
  });
});
