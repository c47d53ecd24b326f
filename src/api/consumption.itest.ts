import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, seedOrgUnits, sessionFor } from '../../test/support/api-world.js';
import { insertReadingCustomer, insertTransformerArea, YEAR_END } from '../../test/support/consumption-readings.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { rebuildConsumptionProfiles } from '../portraits/consumption/rebuild.js';
import { buildApp } from './app.js';
import type { ConsumptionReply } from './contract.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let thiefNo: string;
let peerNo: string;
let otherCountyNo: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db);
  const area = await insertTransformerArea(t.db);
  for (let i = 0; i < 6; i++) {
    const peer = await insertReadingCustomer(t.db, area, { baseKwh: 5 + i, seed: 500 + i });
    peerNo = peer.customerNo;
  }
  thiefNo = (
    await insertReadingCustomer(t.db, area, { baseKwh: 6, seed: 42, changes: [{ from: '2026-05-20', factor: 0.35 }] })
  ).customerNo;
  const otherArea = await insertTransformerArea(t.db, 'HN0102');
  otherCountyNo = (await insertReadingCustomer(t.db, otherArea, { baseKwh: 5, seed: 600 }, { orgUnitId: 'HN0102' }))
    .customerNo;
  await rebuildConsumptionProfiles(t.db, { asOf: YEAR_END });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

describe('GET /api/v1/customers/:no/consumption', () => {
  it('explains a sudden sustained drop with its thresholds, in Chinese by default', async () => {
    const agent = await sessionFor(t.db, app, 'agent', 'HN');
    const reply = await get(`/api/v1/customers/${thiefNo}/consumption`, agent);
    expect(reply.statusCode).toBe(200);
    const body = reply.json<ConsumptionReply>();
    const drop = body.profile?.patterns.find((p) => p.code === 'sudden_sustained_drop');
    expect(drop).toMatchObject({ name: '电量突降且持续', holds: true });
    expect(drop?.checks).toContainEqual(
      expect.objectContaining({ figure: 'recent_vs_peers', op: '<=', threshold: 0.6, passed: true }),
    );
    expect(body.profile?.advice.map((a) => a.code)).toEqual(['site_inspection', 'meter_check']);
    expect(body.profile?.dropStartedOn).toMatch(/^2026-05-(1[7-9]|2[0-3])$/);
    // Read to the same day as its area: not behind, so no 采集中断.
    expect(body.profile?.lastReadOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.profile?.areaReadUntil).toBe(body.profile?.lastReadOn);
    expect(body.profile?.figures.find((f) => f.code === 'days_behind_peers')?.value).toBe(0);
    expect(body.profile?.figures.find((f) => f.code === 'avg_daily_kwh')).toMatchObject({
      name: '日均电量',
      unit: 'kWh/日',
    });
  });

  it('returns the last 90 days, the months against the peer median and the time-of-use split, in English when asked', async () => {
    const agent = await sessionFor(t.db, app, 'agent', 'HN');
    const reply = await get(`/api/v1/customers/${peerNo}/consumption?lang=en`, agent);
    const body = reply.json<ConsumptionReply>();
    expect(body.daily).toHaveLength(90);
    expect(body.daily[0]?.date).toBe('2026-08-03');
    expect(body.daily.at(-1)).toMatchObject({ date: '2026-10-31', kwh: expect.any(Number), peak: expect.any(Number) });
    expect(body.monthly).toHaveLength(12);
    expect(body.monthly[0]).toMatchObject({ month: '2025-11', daysRead: 30, peerMedianKwh: expect.any(Number) });
    expect(body.touShare?.peak).toBeCloseTo(0.36, 2);
    expect(body.touShare?.flat).toBeCloseTo(0.4, 2);
    expect(body.profile?.patterns.map((p) => p.name)).toEqual(['Summer peaking', 'Winter peaking']);
    expect(body.profile?.levelBand?.name).toMatch(/Low|Medium|High/);
  });

  it('answers with no profile (but the readings) for a customer not yet rebuilt', async () => {
    const admin = await sessionFor(t.db, app, 'admin', null);
    const fresh = await insertCustomer(t.db);
    const body = (await get(`/api/v1/customers/${fresh.customerNo}/consumption`, admin)).json<ConsumptionReply>();
    expect(body).toEqual({ profile: null, daily: [], monthly: [], touShare: null });
  });

  it('is guarded by portrait:read (every role holds it, so the route catalogue is what can fail)', () => {
    const route = app.routeCatalog.find((r) => r.url === '/api/v1/customers/:no/consumption' && r.method === 'GET');
    expect(route?.permission).toBe('portrait:read');
  });

  it('answers 401 without a session, 403 outside the data scope and for a special customer, 404 for an unknown number', async () => {
    const unauthenticated = await get(`/api/v1/customers/${thiefNo}/consumption`);
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.json().error.code).toBe('AUTH_REQUIRED');

    const countyManager = await sessionFor(t.db, app, 'manager', 'HN0101');
    const outOfScope = await get(`/api/v1/customers/${otherCountyNo}/consumption`, countyManager);
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    expect(outOfScope.body).not.toContain('daily');

    const agent = await sessionFor(t.db, app, 'agent', 'HN');
    const special = await insertCustomer(t.db, { special: true });
    const confidential = await get(`/api/v1/customers/${special.customerNo}/consumption`, agent);
    expect(confidential.statusCode).toBe(403);
    expect(confidential.json().error.code).toBe('CUSTOMER_CONFIDENTIAL');

    expect((await get('/api/v1/customers/NOPE/consumption', agent)).statusCode).toBe(404);
  });
});
