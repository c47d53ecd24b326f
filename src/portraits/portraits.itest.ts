import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertTrace, seedOrgUnits, sessionFor, uid } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { buildApp } from '../api/app.js';
import type { GridcareApp } from '../api/types.js';
import { PortraitEngine } from './engine/portrait-engine.js';
import { PortraitRefresher } from './engine/portrait-refresher.js';
import { readPortrait } from './engine/portrait-store.js';

let t: TestDb;
let app: GridcareApp;
let engine: PortraitEngine;
let countyManager: string;
let agent: string;
let hall: string;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

async function insertWorkOrder(
  customerId: number,
  o: { type: string; topic: string; createdAt: string; substantiated?: boolean },
) {
  const orderNo = uid('WO');
  await t.db.query(
    `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at, substantiated)
     VALUES ($1, $2, $3, $4, $5, 'closed', 'phone_95598', $6, $7)`,
    [orderNo, customerId, uid('CASE'), o.type, o.topic, o.createdAt, o.substantiated ?? null],
  );
  return orderNo;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  // No precompute: these tests exercise the engine over traces and work orders only.
  engine = new PortraitEngine(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db, { portraitEngine: engine });
  countyManager = await sessionFor(t.db, app, 'manager', 'HN0101');
  agent = await sessionFor(t.db, app, 'agent', 'HN');
  hall = await sessionFor(t.db, app, 'hall_staff', 'HN');
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

describe('customer tags from the definitions', () => {
  it('tags a customer who called about both fault outages as outage-sensitive, and says why with the work orders newest first', async () => {
    const c = await insertCustomer(t.db);
    for (const days of [101, 21]) {
      await insertTrace(t.db, {
        customerId: c.customerId,
        occurredAt: daysAgo(days),
        traceType: 'outage_start',
        channel: 'internal',
        direction: 'internal',
        attributes: { kind: 'fault' },
      });
    }
    const older = await insertWorkOrder(c.customerId, { type: 'repair', topic: 'outage', createdAt: daysAgo(100) });
    const newer = await insertWorkOrder(c.customerId, { type: 'repair', topic: 'outage', createdAt: daysAgo(20) });
    await engine.refresh('customer', [String(c.customerId)], new Date());

    const portrait = (await get(`/api/v1/customers/${c.customerNo}/portrait`, agent)).json();
    const sensitivity = portrait.dimensions.find((d: { code: string }) => d.code === 'sensitivity');
    expect(sensitivity.tags.map((x: { code: string }) => x.code)).toContain('outage_sensitive');
    expect(portrait.strategies[0].tag).toBe('outage_sensitive');

    const why = (
      await get(`/api/v1/customers/${c.customerNo}/portrait/why?element=tag:outage_sensitive`, agent)
    ).json();
    expect(why.held).toBe(true);
    const calls = why.features.find((f: { code: string }) => f.code === 'outage_event_contacts_12m');
    expect(calls.value).toBe(2);
    expect(calls.items.map((i: { id: string }) => i.id)).toEqual([newer, older]);
    const rate = why.features.find((f: { code: string }) => f.code === 'outage_event_contact_rate_12m');
    expect(rate.value).toBe(1);
    const leaves = (o: { kind: string; children?: unknown[] }): Array<Record<string, unknown>> =>
      o.kind === 'leaf'
        ? [o as Record<string, unknown>]
        : ((o.children ?? []) as Array<{ kind: string }>).flatMap(leaves);
    expect(leaves(why.outcome).find((l) => l.feature === 'outage_event_contact_rate_12m')).toMatchObject({
      op: '>=',
      value: 0.6,
      actual: 1,
      passed: true,
    });
  });

  it('answers why not: which condition failed and by how much', async () => {
    const c = await insertCustomer(t.db);
    await insertWorkOrder(c.customerId, { type: 'repair', topic: 'outage', createdAt: daysAgo(5) });
    const why = (
      await get(`/api/v1/customers/${c.customerNo}/portrait/why?element=tag:repeat_complainer`, agent)
    ).json();
    expect(why.held).toBe(false);
    const complaints = why.outcome.children.find((ch: { feature?: string }) => ch.feature === 'complaints_12m');
    expect(complaints).toMatchObject({ passed: false, actual: 0, value: 3, gap: 3 });
  });

  it('explains a points score rule by rule and a grade by its bands', async () => {
    const c = await insertCustomer(t.db);
    await insertTrace(t.db, {
      customerId: c.customerId,
      occurredAt: daysAgo(30),
      traceType: 'disconnection',
      channel: 'field',
      direction: 'internal',
    });
    await engine.refresh('customer', [String(c.customerId)], new Date());
    const score = (await get(`/api/v1/customers/${c.customerNo}/portrait/why?element=score:fee_risk`, agent)).json();
    expect(score.value).toBe(15);
    expect(score.rules.filter((r: { passed: boolean }) => r.passed).map((r: { points: number }) => r.points)).toEqual([
      15,
    ]);
    const grade = (
      await get(`/api/v1/customers/${c.customerNo}/portrait/why?element=grade:fee_risk_class`, agent)
    ).json();
    expect(grade).toMatchObject({ grade: '1', scoreValue: 15 });
  });

  it('rejects an unknown element with PORTRAIT_ELEMENT_UNKNOWN', async () => {
    const c = await insertCustomer(t.db);
    const reply = await get(`/api/v1/customers/${c.customerNo}/portrait/why?element=tag:no_such_tag`, agent);
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe('PORTRAIT_ELEMENT_UNKNOWN');
  });
});

describe('history and incremental refresh', () => {
  it('keeps validity periods: asOf answers what was known then', async () => {
    const c = await insertCustomer(t.db);
    const key = String(c.customerId);
    const before = new Date(Date.now() - 60 * DAY);
    await engine.refresh('customer', [key], before);
    await insertTrace(t.db, {
      customerId: c.customerId,
      occurredAt: daysAgo(10),
      traceType: 'social_post',
      channel: 'social_media',
      attributes: { followers: 80_000 },
    });
    await engine.refresh('customer', [key], new Date());

    const then = await readPortrait(t.db, 'customer', key, new Date(Date.now() - 30 * DAY));
    const now = await readPortrait(t.db, 'customer', key);
    expect(then?.tags).not.toContain('high_social_influence');
    expect(now?.tags).toContain('high_social_influence');
    expect(then?.validTo?.getTime()).toBe(now?.validFrom.getTime());

    const old = (
      await get(
        `/api/v1/customers/${c.customerNo}/portrait?asOf=${new Date(Date.now() - 30 * DAY).toISOString()}`,
        agent,
      )
    ).json();
    expect(old.validFrom).toBe(before.toISOString());
    const history = (await get(`/api/v1/customers/${c.customerNo}/portrait/history`, agent)).json();
    expect(history.items).toHaveLength(2);
  });

  it('writes nothing when a recomputation finds the same values', async () => {
    const c = await insertCustomer(t.db);
    const key = String(c.customerId);
    await engine.refresh('customer', [key], new Date(Date.now() - DAY));
    expect(await engine.refresh('customer', [key], new Date())).toBe(0);
  });

  it('replaces a portrait recomputed at the same instant with other values instead of closing it', async () => {
    const c = await insertCustomer(t.db);
    const key = String(c.customerId);
    const at = new Date(Date.now() - DAY);
    await engine.refresh('customer', [key], at);
    await insertTrace(t.db, {
      customerId: c.customerId,
      occurredAt: daysAgo(3),
      traceType: 'social_post',
      channel: 'social_media',
      attributes: { followers: 80_000 },
    });
    expect(await engine.refresh('customer', [key], at)).toBe(1);
    const rows = await t.db.query<{ valid_to: Date | null; tags: string[] }>(
      'SELECT valid_to, tags FROM customer_portrait WHERE customer_id = $1',
      [c.customerId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.valid_to).toBeNull();
    expect(rows[0]?.tags).toContain('high_social_influence');
  });

  it('shows a trace accepted after start-up in the portrait within a second', async () => {
    const c = await insertCustomer(t.db);
    await engine.refresh('customer', [String(c.customerId)], new Date());
    await t.db.query('DELETE FROM portrait_dirty');
    const refresher = new PortraitRefresher(t.db, engine, { idleMs: 50 });
    refresher.start();
    try {
      const accepted = Date.now();
      await insertTrace(t.db, {
        customerId: c.customerId,
        occurredAt: new Date().toISOString(),
        traceType: 'social_post',
        channel: 'social_media',
        attributes: { followers: 20 },
      });
      let tags: string[] = [];
      while (Date.now() - accepted < 1000 && !tags.includes('social_media_active')) {
        tags = (await get(`/api/v1/customers/${c.customerNo}/portrait`, agent))
          .json()
          .dimensions.flatMap((d: { tags: Array<{ code: string }> }) => d.tags.map((x) => x.code));
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(tags).toContain('social_media_active');
    } finally {
      await refresher.stop();
    }
  });
});

describe('the rebuild and the stale marks', () => {
  it('clears the marks it read, and leaves one an ingest committed meanwhile even if stamped before it began', async () => {
    const answered = await insertCustomer(t.db);
    const late = await insertCustomer(t.db);
    const stampedBefore = (await t.db.query<{ at: string }>('SELECT clock_timestamp()::text AS at'))[0]?.at;
    await t.db.query("DELETE FROM portrait_dirty WHERE subject_kind = 'customer'");
    await insertTrace(t.db, {
      customerId: answered.customerId,
      occurredAt: daysAgo(1),
      traceType: 'app_login',
      channel: 'app',
    });
    let committedMeanwhile: Promise<unknown> | undefined;
    await new PortraitEngine(t.db, { batchSize: 1 }).rebuild({
      asOf: new Date(),
      kinds: ['customer'],
      onProgress: (p) => {
        // After the first batch: a mark stamped before the rebuild, by a transaction that
        // commits only now. Its data was in no batch's snapshot, so the mark must stay.
        committedMeanwhile ??=
          p.phase === 'portraits'
            ? t.db.query(
                `INSERT INTO portrait_dirty (subject_kind, subject_key, changes, marked_at)
                 VALUES ('customer', $1, '{trace:app_query}', $2::timestamptz)`,
                [String(late.customerId), stampedBefore],
              )
            : undefined;
      },
    });
    await committedMeanwhile;
    const left = await t.db.query<{ subject_key: string }>(
      "SELECT subject_key FROM portrait_dirty WHERE subject_kind = 'customer' AND subject_key = ANY($1::text[])",
      [[String(answered.customerId), String(late.customerId)]],
    );
    expect(left.map((r) => r.subject_key)).toEqual([String(late.customerId)]);
  });
});

describe('precomputations in the incremental path', () => {
  it('reruns a precomputation only for subjects whose change affects it', async () => {
    const ran: number[][] = [];
    const tracked = new PortraitEngine(t.db, {
      precompute: {
        customer: [
          {
            name: 'billing-only',
            affectedBy: ['billing'],
            run: async (_db, o) => void ran.push([...(o.customerIds ?? [])]),
          },
        ],
      },
    });
    const login = await insertCustomer(t.db);
    const payer = await insertCustomer(t.db);
    await t.db.query('DELETE FROM portrait_dirty');
    await insertTrace(t.db, {
      customerId: login.customerId,
      occurredAt: daysAgo(1),
      traceType: 'app_login',
      channel: 'app',
    });
    await insertTrace(t.db, {
      customerId: payer.customerId,
      occurredAt: daysAgo(1),
      traceType: 'payment',
      channel: 'billing',
    });
    const changes = await t.db.query<{ subject_key: string; changes: string[] }>(
      "SELECT subject_key, changes FROM portrait_dirty WHERE subject_kind = 'customer'",
    );
    expect(Object.fromEntries(changes.map((c) => [c.subject_key, [...c.changes].sort()]))).toEqual({
      [login.customerId]: ['trace:app_login'],
      [payer.customerId]: ['billing', 'trace:payment'],
    });
    const refresher = new PortraitRefresher(t.db, tracked);
    await refresher.drainOnce();
    expect(ran).toEqual([[payer.customerId]]);
    expect(await t.db.query("SELECT 1 FROM portrait_dirty WHERE subject_kind = 'customer'")).toHaveLength(0);
  });
});

describe('sources in the incremental path', () => {
  it('reruns only the sources a change touches and keeps the other stored features', async () => {
    const c = await insertCustomer(t.db);
    const key = String(c.customerId);
    await engine.refresh('customer', [key], new Date());
    // With the work order's own mark gone (as if refreshed before its trace came), a bill
    // look-up marks the trace source only.
    await insertWorkOrder(c.customerId, { type: 'complaint', topic: 'fee', createdAt: daysAgo(3) });
    await t.db.query('DELETE FROM portrait_dirty');
    await insertTrace(t.db, {
      customerId: c.customerId,
      occurredAt: daysAgo(1),
      traceType: 'app_query',
      channel: 'app',
      attributes: { query: 'bill' },
    });
    await new PortraitRefresher(t.db, engine).drainOnce();
    const partial = await readPortrait(t.db, 'customer', key);
    expect(partial?.features).toMatchObject({ bill_queries_12m: 1, complaints_12m: 0 });
    // A full recomputation sees the complaint too.
    await engine.refresh('customer', [key], new Date());
    expect((await readPortrait(t.db, 'customer', key))?.features).toMatchObject({
      bill_queries_12m: 1,
      complaints_12m: 1,
    });
  });

  it('reruns the work-order source for a work-order trace', async () => {
    const c = await insertCustomer(t.db);
    const key = String(c.customerId);
    await engine.refresh('customer', [key], new Date());
    await insertWorkOrder(c.customerId, { type: 'complaint', topic: 'fee', createdAt: daysAgo(2) });
    await t.db.query('DELETE FROM portrait_dirty');
    await insertTrace(t.db, {
      customerId: c.customerId,
      occurredAt: daysAgo(2),
      traceType: 'work_order_created',
      channel: 'phone_95598',
    });
    await new PortraitRefresher(t.db, engine).drainOnce();
    expect((await readPortrait(t.db, 'customer', key))?.features).toMatchObject({ complaints_12m: 1 });
  });
});

describe('access', () => {
  it("answers 403 for a customer outside the caller's unit", async () => {
    const other = await insertCustomer(t.db, { orgUnitId: 'HN0102' });
    for (const path of ['portrait', 'portrait/why?element=tag:emotional', 'portrait/history']) {
      const reply = await get(`/api/v1/customers/${other.customerNo}/${path}`, countyManager);
      expect(reply.statusCode, path).toBe(403);
    }
  });

  it('lets hall staff add an audited note and refuses an agent', async () => {
    const c = await insertCustomer(t.db);
    const body = { element: 'tag:emotional', stance: 'dispute', note: '客户当日情绪系因停电，平时沟通顺畅' };
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/customers/${c.customerNo}/portrait/notes`,
      headers: { cookie: agent },
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/customers/${c.customerNo}/portrait/notes`,
      headers: { cookie: hall },
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    const audit = await t.db.query<{ detail: { element: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'portrait_note' AND subject_id = $1",
      [c.customerNo],
    );
    expect(audit.map((a) => a.detail.element)).toEqual(['tag:emotional']);
    const portrait = (await get(`/api/v1/customers/${c.customerNo}/portrait`, agent)).json();
    expect(portrait.notes[0]).toMatchObject({ element: 'tag:emotional', stance: 'dispute' });
  });

  it('lists the definitions with versions, at least 24 customer tags with strategies', async () => {
    const defs = (await get('/api/v1/portraits/definitions', agent)).json();
    const customerTags = defs.tags.filter((x: { subject: string }) => x.subject === 'customer');
    expect(customerTags.length).toBeGreaterThanOrEqual(24);
    expect(customerTags.filter((x: { strategy: unknown }) => x.strategy).length).toBeGreaterThanOrEqual(20);
    expect(defs.catalogVersion).toMatch(/^[0-9a-f]{12}$/);
  });
});
