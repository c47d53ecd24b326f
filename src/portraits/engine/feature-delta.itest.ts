import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertTrace, seedOrgUnits } from '../../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { catalogFor } from '../definitions/index.js';
import { PortraitEngine, type PreparedPortraits } from './portrait-engine.js';

/**
 * The incremental trace features (feature-delta.ts) against a full read, step by step: traces
 * arrive now, late (months back, at the windows' edges), ahead of time and rewritten; time moves
 * on so rows leave the 90-day and 365-day windows; after each step every customer's trace
 * features from the delta must equal a full computation as of the same instant.
 */
let t: TestDb;
let engine: PortraitEngine;
const DAY = 86_400_000;
const TRACE_FEATURES = catalogFor('customer').features.filter((f) => f.source === 'trace');

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  engine = new PortraitEngine(t.db);
});

afterAll(async () => {
  await t.drop();
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const KINDS: Array<{ traceType: string; channel: string; direction?: string; attributes?: Record<string, unknown> }> = [
  { traceType: 'app_query', channel: 'app', attributes: { query: 'bill' } },
  { traceType: 'call_inbound', channel: 'phone_95598' },
  { traceType: 'chat_session', channel: 'online_chat' },
  { traceType: 'app_login', channel: 'app' },
  { traceType: 'wechat_message', channel: 'wechat' },
  { traceType: 'hall_visit', channel: 'business_hall' },
  { traceType: 'social_post', channel: 'social_media', attributes: { followers: 1200 } },
  { traceType: 'social_post', channel: 'social_media', attributes: { followers: 90 } },
  { traceType: 'outage_start', channel: 'system', direction: 'internal', attributes: { kind: 'fault' } },
  { traceType: 'outage_start', channel: 'system', direction: 'internal', attributes: { kind: 'planned' } },
  { traceType: 'sms_notice', channel: 'sms', direction: 'outbound' },
  { traceType: 'work_order_created', channel: 'phone_95598', attributes: { escalated_to: '12398' } },
];

async function addTrace(rand: () => number, customerId: number, at: Date): Promise<number> {
  const kind = KINDS[Math.floor(rand() * KINDS.length)] ?? KINDS[0];
  return insertTrace(t.db, {
    customerId,
    occurredAt: at.toISOString(),
    traceType: kind?.traceType ?? 'app_login',
    channel: kind?.channel ?? 'app',
    direction: (kind?.direction ?? 'inbound') as 'inbound',
    attributes: kind?.attributes ?? {},
  });
}

/** A time for a new trace: mostly just before `asOf`, some late, some at a window's edge, some ahead. */
function traceTime(rand: () => number, asOf: Date): Date {
  const r = rand();
  const now = asOf.getTime();
  if (r < 0.5) return new Date(now - rand() * 3 * DAY);
  if (r < 0.65) return new Date(now - rand() * 360 * DAY);
  if (r < 0.75) return new Date(now - 90 * DAY + (rand() - 0.5) * 4 * DAY);
  if (r < 0.85) return new Date(now - 365 * DAY + (rand() - 0.5) * 4 * DAY);
  return new Date(now + rand() * 5 * DAY);
}

async function marks(): Promise<Map<string, { changes: string[]; markedAt: string }>> {
  const rows = await t.db.query<{ subject_key: string; changes: string[]; marked_at: string }>(
    "SELECT subject_key, changes, marked_at::text AS marked_at FROM portrait_dirty WHERE subject_kind = 'customer'",
  );
  return new Map(rows.map((r) => [r.subject_key, { changes: r.changes, markedAt: r.marked_at }]));
}

/** Refreshes every customer as the refresher would (their marks' changes; a bare slide otherwise). */
async function refreshAll(keys: readonly string[], asOf: Date): Promise<PreparedPortraits> {
  const marked = await marks();
  const changes = new Map(keys.map((k) => [k, marked.get(k)?.changes ?? ['trace:app_login']]));
  const prepared = await engine.prepareRefresh('customer', keys, asOf, changes);
  await engine.commit(prepared, new Map([...marked].map(([k, m]) => [k, m.markedAt])));
  return prepared;
}

async function expectSameAsFullRead(prepared: PreparedPortraits): Promise<void> {
  const full = await engine.computer('customer').compute(t.db, prepared.keys, prepared.asOf);
  for (const p of prepared.portraits) {
    const expected = full.get(p.key) ?? {};
    for (const f of TRACE_FEATURES) {
      const got = p.values.features[f.code] ?? null;
      const want = expected[f.code] ?? null;
      const where = `customer ${p.key}, ${f.code} as of ${prepared.asOf.toISOString()}`;
      if (want === null) expect(got, where).toBeNull();
      else expect(got, where).toBeCloseTo(want, 6);
    }
  }
}

describe('incremental trace features (deltas)', () => {
  it('equal a full read after traces now, late, ahead of time and at the window edges, as time moves on', async () => {
    const rand = random(20261207);
    const customers = await Promise.all(Array.from({ length: 6 }, () => insertCustomer(t.db)));
    const keys = customers.map((c) => String(c.customerId));
    let asOf = new Date('2026-06-01T04:00:00Z');
    for (const c of customers) for (let i = 0; i < 25; i++) await addTrace(rand, c.customerId, traceTime(rand, asOf));
    await refreshAll(keys, asOf);
    let deltas = 0;
    for (let step = 0; step < 12; step++) {
      // Time moves on by an hour up to a month; rows leave the windows on the way.
      asOf = new Date(asOf.getTime() + (step % 3 === 0 ? rand() * 30 * DAY : rand() * 2 * DAY) + 3_600_000);
      for (let i = 0; i < 10; i++) {
        const c = customers[Math.floor(rand() * customers.length)] ?? customers[0];
        if (c) await addTrace(rand, c.customerId, traceTime(rand, asOf));
      }
      const prepared = await refreshAll(keys, asOf);
      deltas += prepared.sourceStates.applied.size;
      await expectSameAsFullRead(prepared);
    }
    // Most refreshes took the delta (a max losing a row, or a step over a window, reads in full).
    expect(deltas).toBeGreaterThan(keys.length * 8);
  });

  it('reads in full after a rewritten trace, an overflowing list or a revisiting change, and stays exact', async () => {
    const rand = random(7);
    const [a, b] = await Promise.all([insertCustomer(t.db), insertCustomer(t.db)]);
    if (!a || !b) throw new Error('no customers');
    const keys = [String(a.customerId), String(b.customerId)];
    let asOf = new Date('2026-08-01T04:00:00Z');
    for (const c of [a, b]) for (let i = 0; i < 10; i++) await addTrace(rand, c.customerId, traceTime(rand, asOf));
    await refreshAll(keys, asOf);

    // A trace moved from one customer to the other: both lists become "not known".
    const moved = await insertTrace(t.db, {
      customerId: a.customerId,
      occurredAt: new Date(asOf.getTime() - DAY).toISOString(),
      traceType: 'call_inbound',
      channel: 'phone_95598',
    });
    asOf = new Date(asOf.getTime() + DAY);
    await refreshAll(keys, asOf);
    await t.db.query('UPDATE trace SET customer_id = $1 WHERE trace_id = $2', [b.customerId, moved]);
    const listed = await t.db.query<{ subject_key: string; trace_ids: string[] | null }>(
      "SELECT subject_key, trace_ids FROM portrait_dirty WHERE subject_kind = 'customer' AND subject_key = ANY($1::text[])",
      [keys],
    );
    expect(listed.map((r) => r.trace_ids)).toEqual([null, null]);
    asOf = new Date(asOf.getTime() + DAY);
    let prepared = await refreshAll(keys, asOf);
    expect(prepared.sourceStates.applied.size).toBe(0);
    await expectSameAsFullRead(prepared);

    // 70 traces at once overflow the list (64): read in full.
    for (let i = 0; i < 70; i++) await addTrace(rand, a.customerId, new Date(asOf.getTime() - rand() * 100 * DAY));
    asOf = new Date(asOf.getTime() + DAY);
    prepared = await refreshAll(keys, asOf);
    expect(prepared.sourceStates.applied.has(String(a.customerId))).toBe(false);
    expect(prepared.sourceStates.applied.has(String(b.customerId))).toBe(true);
    await expectSameAsFullRead(prepared);

    // A bill issued: the prompt look-ups already counted may count differently; read in full.
    await insertTrace(t.db, {
      customerId: b.customerId,
      occurredAt: new Date(asOf.getTime() - DAY).toISOString(),
      traceType: 'bill_issued',
      channel: 'system',
      direction: 'outbound',
    });
    asOf = new Date(asOf.getTime() + DAY);
    prepared = await refreshAll(keys, asOf);
    expect(prepared.sourceStates.applied.has(String(b.customerId))).toBe(false);
    expect(prepared.sourceStates.applied.has(String(a.customerId))).toBe(true);
    await expectSameAsFullRead(prepared);

    // And the delta resumes from the state the full read left.
    await addTrace(rand, b.customerId, new Date(asOf.getTime() - 3_600_000));
    asOf = new Date(asOf.getTime() + DAY);
    prepared = await refreshAll(keys, asOf);
    expect(prepared.sourceStates.applied.get(String(b.customerId))).toHaveLength(1);
    await expectSameAsFullRead(prepared);
  });

  it('a delta applies each listed trace once: the list keeps only traces marked after the refresh read it', async () => {
    const rand = random(11);
    const c = await insertCustomer(t.db);
    const key = String(c.customerId);
    let asOf = new Date('2026-09-01T04:00:00Z');
    await addTrace(rand, c.customerId, new Date(asOf.getTime() - DAY));
    await refreshAll([key], asOf);
    await addTrace(rand, c.customerId, new Date(asOf.getTime() + 3_600_000));
    asOf = new Date(asOf.getTime() + DAY);
    const marked = await marks();
    const prepared = await engine.prepareRefresh(
      'customer',
      [key],
      asOf,
      new Map([[key, marked.get(key)?.changes ?? []]]),
    );
    // A trace arrives between the delta's read and its commit: its mark is newer and survives.
    const late = await addTrace(rand, c.customerId, new Date(asOf.getTime() - 3_600_000));
    await engine.commit(prepared, new Map([[key, marked.get(key)?.markedAt ?? '']]));
    const left = await t.db.query<{ trace_ids: string[] }>(
      "SELECT trace_ids::text[] AS trace_ids FROM portrait_dirty WHERE subject_kind = 'customer' AND subject_key = $1",
      [key],
    );
    expect(left[0]?.trace_ids).toEqual([String(late)]);
    asOf = new Date(asOf.getTime() + 3_600_000);
    await expectSameAsFullRead(await refreshAll([key], asOf));
  });

  it("applies one statement's traces over several months, and a list with no earliest time, whole", async () => {
    const rand = random(13);
    const c = await insertCustomer(t.db);
    const key = String(c.customerId);
    let asOf = new Date('2026-10-01T04:00:00Z');
    await addTrace(rand, c.customerId, new Date(asOf.getTime() - 10 * DAY));
    await refreshAll([key], asOf);
    // One import statement: now, last month and half a year back. The probe reads from the
    // earliest month on (portrait_dirty.trace_from), so none of the three may be missed.
    const times = [asOf.getTime() - 3_600_000, asOf.getTime() - 40 * DAY, asOf.getTime() - 200 * DAY].map((ms) =>
      new Date(ms).toISOString(),
    );
    for (const at of times) await t.db.query('SELECT ensure_trace_partition($1::date)', [`${at.slice(0, 7)}-01`]);
    await t.db.query(
      `INSERT INTO trace (occurred_at, trace_type, channel, direction, customer_id, source, source_id, attributes)
       SELECT at, 'call_inbound', 'phone_95598', 'inbound', $2::bigint, 'test', 'batch-' || $2::text || '-' || n, '{}'
       FROM unnest($1::timestamptz[]) WITH ORDINALITY AS b(at, n)`,
      [times, c.customerId],
    );
    const [mark] = await t.db.query<{ trace_from: Date; n: number }>(
      "SELECT trace_from, cardinality(trace_ids) AS n FROM portrait_dirty WHERE subject_kind = 'customer' AND subject_key = $1",
      [key],
    );
    expect(mark?.n).toBe(3);
    expect(mark?.trace_from.toISOString()).toBe(times[2]);
    asOf = new Date(asOf.getTime() + 3_600_000);
    let prepared = await refreshAll([key], asOf);
    expect(prepared.sourceStates.applied.get(key)).toHaveLength(3);
    await expectSameAsFullRead(prepared);

    // A list made before trace_from existed has none: read from every month, not from none.
    await addTrace(rand, c.customerId, new Date(asOf.getTime() - 300 * DAY));
    await t.db.query(
      "UPDATE portrait_dirty SET trace_from = NULL WHERE subject_kind = 'customer' AND subject_key = $1",
      [key],
    );
    asOf = new Date(asOf.getTime() + 3_600_000);
    prepared = await refreshAll([key], asOf);
    expect(prepared.sourceStates.applied.get(key)).toHaveLength(1);
    await expectSameAsFullRead(prepared);
  });
});
