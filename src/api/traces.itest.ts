import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, seedOrgUnits, sessionFor } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { buildApp } from './app.js';
import type { AcceptTraceBatch } from './routes/traces.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
const seen: { source: string; count: number }[] = [];

// Stands in for src/ingest/trace-batch.ts so the route's plumbing is tested on its own;
// the ingest's per-item decisions are tested with the ingest.
const acceptTraceBatch: AcceptTraceBatch = async (_db, source, items) => {
  seen.push({ source, count: items.length });
  return items.map((item, index) =>
    (item as { source_id?: string }).source_id ? { index, status: 'accepted' as const, trace_id: index + 1 } : { index, status: 'rejected' as const, field: 'source_id', reason: 'missing' },
  );
};

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db, { acceptTraceBatch });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe('POST /api/v1/traces', () => {
  it('answers per item with counts for an account holding trace:write', async () => {
    const cookie = await sessionFor(t.db, app, 'agent', 'HN', { permissions: ['trace:write'] });
    const reply = await app.inject({
      method: 'POST', url: '/api/v1/traces', headers: { cookie },
      payload: { source: 'wechat', items: [{ source_id: 'a1', occurred_at: '2026-05-01T00:00:00+08:00' }, { occurred_at: 'x' }] },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      source: 'wechat', received: 2, counts: { accepted: 1, rejected: 1 },
      items: [{ index: 0, status: 'accepted', trace_id: 1 }, { index: 1, status: 'rejected', field: 'source_id' }],
    });
    expect(seen.at(-1)).toEqual({ source: 'wechat', count: 2 });
  });

  it('refuses more than 10,000 items with BATCH_TOO_LARGE before ingesting any', async () => {
    const cookie = await sessionFor(t.db, app, 'admin', null);
    const before = seen.length;
    const items = Array.from({ length: 10_001 }, (_, i) => ({ source_id: String(i) }));
    const reply = await app.inject({ method: 'POST', url: '/api/v1/traces', headers: { cookie }, payload: { source: 's', items } });
    expect(reply.statusCode).toBe(413);
    expect(reply.json().error).toMatchObject({ code: 'BATCH_TOO_LARGE', details: { max: 10_000, received: 10_001 } });
    expect(seen.length).toBe(before);
  });

  it('requires trace:write and a source', async () => {
    const manager = await sessionFor(t.db, app, 'manager', 'HN');
    const denied = await app.inject({ method: 'POST', url: '/api/v1/traces', headers: { cookie: manager }, payload: { source: 's', items: [] } });
    expect(denied.statusCode).toBe(403);
    const admin = await sessionFor(t.db, app, 'admin', null);
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/traces', headers: { cookie: admin }, payload: { items: [] } });
    expect(invalid.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.source' } });
  });
});

describe('POST /api/v1/traces with the real ingest', () => {
  it('accepts new traces, answers duplicates on re-post and rejects a bad item with its field', async () => {
    const real = await buildApp({ logLevel: 'silent' }, t.db);
    const customer = await insertCustomer(t.db);
    const cookie = await sessionFor(t.db, real, 'admin', null);
    const items = [
      { source_id: `${customer.customerNo}-1`, occurred_at: '2026-05-01T10:00:00+08:00', trace_type: 'hall_visit', channel: 'hall', customer_no: customer.customerNo, topic: 'fee' },
      { source_id: `${customer.customerNo}-2`, occurred_at: '2026-05-02T10:00:00+08:00', trace_type: 'no_such_type', channel: 'hall', customer_no: customer.customerNo },
    ];
    const post = () => real.inject({ method: 'POST', url: '/api/v1/traces', headers: { cookie }, payload: { source: 'hall_system', items } });
    const first = (await post()).json();
    expect(first.items[0]).toMatchObject({ index: 0, status: 'accepted' });
    expect(first.items[1]).toMatchObject({ index: 1, status: 'rejected', field: 'trace_type' });
    const again = (await post()).json();
    expect(again.items[0]).toMatchObject({ index: 0, status: 'duplicate' });
    const timeline = (await real.inject({ method: 'GET', url: `/api/v1/customers/${customer.customerNo}/timeline`, headers: { cookie } })).json();
    expect(timeline.items.map((i: { type: string }) => i.type)).toEqual(['hall_visit']);
    await real.close();
  });
});
