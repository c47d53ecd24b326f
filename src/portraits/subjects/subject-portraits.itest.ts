import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, insertTrace, loginAs, seedOrgUnits, sessionFor } from '../../../test/support/api-world.js';
import { buildSubjectWorld, DAY, type SubjectWorld } from '../../../test/support/subject-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildApp } from '../../api/app.js';
import type { GridcareApp } from '../../api/types.js';
import { AREA_KINDS } from '../definitions/area-sources.js';
import { PortraitEngine } from '../engine/portrait-engine.js';
import { PortraitRefresher } from '../engine/portrait-refresher.js';
import { readPortrait } from '../engine/portrait-store.js';
import type { AreaPortraitReply, EmployeePortraitReply, HotZonesReply } from './subject-portrait-view.js';

let t: TestDb;
let app: GridcareApp;
let engine: PortraitEngine;
let w: SubjectWorld;
let admin: string;
let countyManager: string;
let otherCountyManager: string;
let agentSession: string;
let ownAgentSession: string;

const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  w = await buildSubjectWorld(t.db);
  engine = new PortraitEngine(t.db);
  const asOf = new Date();
  // Rebuild order: employees first, then areas (area staff risk reads employee portraits).
  await engine.refresh('employee', [String(w.gridManager.employeeId), String(w.agent.employeeId)], asOf);
  await engine.refresh('transformer_area', [w.area1, w.area2, w.otherArea], asOf);
  await engine.refresh('feeder', [w.feeder], asOf);
  await engine.refresh('grid', [w.grid1, w.grid2, w.otherGrid], asOf);
  await engine.refresh('station', [w.station, w.otherStation], asOf);
  app = await buildApp({ logLevel: 'silent' }, t.db, { portraitEngine: engine });
  admin = await sessionFor(t.db, app, 'admin', null);
  countyManager = await sessionFor(t.db, app, 'manager', 'HN0101');
  otherCountyManager = await sessionFor(t.db, app, 'manager', 'HN0102');
  agentSession = await sessionFor(t.db, app, 'agent', 'HN');
  ownAgentSession = await loginAs(app, await createUser(t.db, 'agent', 'HN', { employeeId: w.agent.employeeId }));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('employee portrait (E1, E3)', () => {
  it('computes the operation violations, complaints and real-time status of a grid manager', async () => {
    const stored = await readPortrait(t.db, 'employee', String(w.gridManager.employeeId));
    expect(stored?.features).toMatchObject({
      disconnections_12m: 3,
      reconnections_12m: 2,
      disconnections_without_notice_12m: 1,
      disconnection_notice_short_12m: 1,
      late_reconnections_12m: 1,
      operation_violations_12m: 3,
      violation_share_12m: 0.6,
      complaints_12m: 4,
      complaints_30d: 2,
      substantiated_complaints_12m: 2,
      substantiated_rate_12m: 0.5,
      substantiated_attitude_complaints_12m: 1,
      praise_12m: 1,
      orders_12m: 8,
      rated_orders_12m: 3,
      online_now: 1,
      skill_level: 2,
      gender_female: 1,
      customers_served: 4,
      areas_served: 1,
    });
    expect(stored?.features.satisfaction_avg_12m).toBeCloseTo(14 / 3, 6);
    expect(stored?.features.max_reconnect_hours_12m).toBeCloseTo(30, 3);
    expect(stored?.features.years_of_service).toBeGreaterThan(2.9);
    expect(stored?.tags).toEqual(
      expect.arrayContaining(['violation_risk', 'skill_gap', 'online', 'substantiated_complaint']),
    );
    expect(stored?.tags).not.toContain('late_reconnection');
  });

  it('rates the grid manager one star: the points table lists every fired row', async () => {
    const reply = await get(`/api/v1/employees/${w.gridManager.employeeNo}/portrait`, countyManager);
    expect(reply.statusCode).toBe(200);
    const p = reply.json<EmployeePortraitReply>();
    expect(p.stars).toMatchObject({ stars: 1, score: 30 });
    expect(p.stars.reasons.map((r) => r.points)).toEqual([5, -10, -10, -15]);
    expect(p.aspects.map((a) => a.code)).toEqual(['personal', 'business', 'service', 'complaint', 'realtime']);
    const business = p.aspects.find((a) => a.code === 'business');
    expect(business?.tags.map((x) => x.code)).toContain('violation_risk');
    expect(business?.features.map((f) => f.code)).not.toContain('calls_12m');
    expect(p.strategies[0]?.tag).toBe('violation_risk');
    expect(p.realtime.lastOperation).toMatchObject({ operation: 'login', system: 'sg186' });
    expect(p.complaintHistory.months).toHaveLength(12);
    expect(p.complaintHistory.months.reduce((s, m) => s + m.complaints, 0)).toBe(4);
    expect(p.complaintHistory.recent).toHaveLength(4);
  });

  it('says why: the disconnection without notice is among the rows behind the violation tag', async () => {
    const reply = await get(
      `/api/v1/employees/${w.gridManager.employeeNo}/portrait/why?element=tag:violation_risk`,
      countyManager,
    );
    const why = reply.json();
    expect(why.held).toBe(true);
    const violations = why.features.find((f: { code: string }) => f.code === 'operation_violations_12m');
    expect(violations.items.map((i: { id: string }) => i.id)).toEqual([
      w.breaches.lateReconnection,
      w.breaches.shortNotice,
      w.breaches.noNotice,
    ]);
    expect(violations.items[2].detail).toContain('无停电通知');
    const star = (
      await get(`/api/v1/employees/${w.gridManager.employeeNo}/portrait/why?element=score:star_points`, countyManager)
    ).json();
    expect(star.value).toBe(30);
    const complaintItems = (
      await get(
        `/api/v1/employees/${w.gridManager.employeeNo}/portrait/why?element=tag:substantiated_complaint`,
        countyManager,
      )
    ).json().features[0].items;
    expect(complaintItems[0].detail).toContain('139****5678');
  });

  it('gives 95598 agents the call points besides the common frame', async () => {
    const p = (await get(`/api/v1/employees/${w.agent.employeeNo}/portrait`, admin)).json<EmployeePortraitReply>();
    expect(p.employee.agent).toBe(true);
    const business = p.aspects.find((a) => a.code === 'business');
    expect(business?.features.find((f) => f.code === 'calls_12m')?.value).toBe(1);
    expect(business?.features.find((f) => f.code === 'avg_handle_seconds_12m')?.value).toBe(300);
  });

  it('refuses without a session, out of scope, and other people’s portraits without employee:read', async () => {
    const url = `/api/v1/employees/${w.gridManager.employeeNo}/portrait`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, otherCountyManager)).statusCode).toBe(403);
    expect((await get(`${url}/why?element=tag:online`, otherCountyManager)).statusCode).toBe(403);
    const agentReply = await get(url, agentSession);
    expect(agentReply.statusCode).toBe(403);
    expect(agentReply.json().error.details.permission).toBe('employee:read');
    expect((await get(`/api/v1/employees/${w.agent.employeeNo}/portrait`, ownAgentSession)).statusCode).toBe(200);
    expect((await get('/api/v1/employees/NO_SUCH_EMPLOYEE/portrait', admin)).statusCode).toBe(404);
  });

  it('answers 404 PORTRAIT_NOT_AVAILABLE before the first computation', async () => {
    const before = new Date(Date.now() - 400 * DAY).toISOString();
    const reply = await get(`/api/v1/employees/${w.gridManager.employeeNo}/portrait?asOf=${before}`, admin);
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe('PORTRAIT_NOT_AVAILABLE');
  });
});

describe('area portraits (E4)', () => {
  it('counts a feeder outage for every area it reaches, and distinct outages for the feeder', async () => {
    const area1 = (await readPortrait(t.db, 'transformer_area', w.area1))?.features;
    expect(area1).toMatchObject({
      customers: 4,
      fault_outages_12m: 2,
      fault_customer_interruptions_12m: 8,
      fault_saifi_12m: 2,
      slow_restorations_12m: 1,
      slow_restoration_exposure_12m: 1,
      short_notice_planned_12m: 1,
      planned_outages_12m: 1,
      complaints_12m: 4,
      complaints_per_1000_12m: 1000,
      sensitive_customers: 2,
      sensitive_share: 0.5,
      staff: 1,
      staff_violation_risk: 1,
      staff_low_star: 1,
    });
    expect(area1?.saidi_minutes_12m).toBeCloseTo(660, 3);
    expect(area1?.fault_saidi_minutes_12m).toBeCloseTo(420, 3);
    const feeder = (await readPortrait(t.db, 'feeder', w.feeder))?.features;
    expect(feeder).toMatchObject({ customers: 6, fault_outages_12m: 2, fault_customer_interruptions_12m: 10 });
    const other = (await readPortrait(t.db, 'transformer_area', w.otherArea))?.features;
    expect(other).toMatchObject({ customers: 2, fault_outages_12m: 0, outages_12m: 0, staff: 0 });
  });

  it('scores service risk from the points table and explains it', async () => {
    const reply = await get(`/api/v1/areas/transformer_area/${w.area1}/portrait`, countyManager);
    expect(reply.statusCode).toBe(200);
    const p = reply.json<AreaPortraitReply>();
    expect(p.risk).toMatchObject({ score: 67, level: 'red' });
    expect(p.risk.reasons.reduce((s, r) => s + r.points, 0)).toBe(67);
    expect(p.dimensions.map((d) => d.code)).toEqual(['equipment', 'outage', 'demand', 'customer_mix', 'staff']);
    expect(p.dimensions.find((d) => d.code === 'outage')?.tags.map((x) => x.code)).toEqual(
      expect.arrayContaining(['slow_restoration', 'short_notice_outage']),
    );
    const why = (
      await get(`/api/v1/areas/transformer_area/${w.area1}/portrait/why?element=tag:slow_restoration`, countyManager)
    ).json();
    expect(why.held).toBe(true);
    expect(why.features[0].items.map((i: { id: string }) => i.id)).toEqual([w.outages.feederFault]);
    const grid = (await get(`/api/v1/areas/grid/${w.grid1}/portrait`, countyManager)).json<AreaPortraitReply>();
    expect(grid.risk.score).toBe(67);
    const station = (await get(`/api/v1/areas/station/${w.station}/portrait`, countyManager)).json<AreaPortraitReply>();
    expect(station.risk.score).toBe(64);
  });

  it('refuses areas out of scope and unknown ones', async () => {
    expect((await get(`/api/v1/areas/transformer_area/${w.area1}/portrait`)).statusCode).toBe(401);
    expect((await get(`/api/v1/areas/transformer_area/${w.area1}/portrait`, otherCountyManager)).statusCode).toBe(403);
    expect(
      (await get(`/api/v1/areas/feeder/${w.feeder}/portrait/why?element=score:service_risk`, otherCountyManager))
        .statusCode,
    ).toBe(403);
    expect((await get(`/api/v1/areas/grid/${w.area1}/portrait`, admin)).statusCode).toBe(404);
    expect((await get(`/api/v1/areas/meter/${w.area1}/portrait`, admin)).statusCode).toBe(400);
  });
});

describe('hot zones (E5)', () => {
  it('ranks areas by service risk under an org unit, with top reasons and a treemap tree', async () => {
    const reply = await get(`/api/v1/hot-zones?orgUnit=${w.station}`, countyManager);
    expect(reply.statusCode).toBe(200);
    const z = reply.json<HotZonesReply>();
    expect(z.items.map((i) => i.id)).toEqual([w.area1, w.area2]);
    expect(z.items[0]).toMatchObject({ riskScore: 67, riskLevel: 'red', customers: 4 });
    expect(z.items[0]?.reasons).toHaveLength(3);
    expect(z.items[0]?.reasons[0]?.points).toBe(10);
    expect(z.items[1]).toMatchObject({ riskScore: 19, riskLevel: 'yellow' });
    expect(z.tree?.id).toBe(w.station);
    const grids = z.tree?.children ?? [];
    expect(grids.map((g) => g.id).sort()).toEqual([w.grid1, w.grid2].sort());
    const grid1 = grids.find((g) => g.id === w.grid1);
    expect(grid1).toMatchObject({ value: 67, riskLevel: 'red', children: [{ id: w.area1, value: 67 }] });
    expect(z.tree?.value).toBe(67 + 19);

    const grids2 = (await get(`/api/v1/hot-zones?kind=grid&orgUnit=${w.station}&limit=1`, countyManager)).json();
    expect(grids2.total).toBe(2);
    expect(grids2.items.map((i: { id: string }) => i.id)).toEqual([w.grid1]);
  });

  it('lists only the areas holding a tag, and refuses a tag areas do not have', async () => {
    const all = (await get(`/api/v1/hot-zones?orgUnit=${w.station}`, countyManager)).json<HotZonesReply>();
    const [first, second] = all.items;
    const tagOfFirst = first?.tags.find((tag) => !second?.tags.some((other) => other.code === tag.code))?.code;
    expect(tagOfFirst).toBeDefined();
    const tagged = (
      await get(`/api/v1/hot-zones?orgUnit=${w.station}&tag=${tagOfFirst}`, countyManager)
    ).json<HotZonesReply>();
    expect(tagged.items.map((i) => i.id)).toEqual([w.area1]);
    expect(tagged.total).toBe(1);
    // The treemap still shows every area: the filter narrows the ranking.
    expect(tagged.tree?.value).toBe(all.tree?.value);

    const none = (await get(`/api/v1/hot-zones?orgUnit=${w.station}&tag=collection_stopped`, countyManager)).json();
    expect(none).toMatchObject({ total: 0, items: [] });
    const unknown = await get(`/api/v1/hot-zones?tag=credit_grade_a`, countyManager);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'PORTRAIT_ELEMENT_UNKNOWN',
      details: { tag: 'credit_grade_a' },
    });
  });

  it("keeps to the caller's scope", async () => {
    const own = (await get('/api/v1/hot-zones?limit=200', otherCountyManager)).json<HotZonesReply>();
    const ids = own.items.map((i) => i.id);
    expect(ids).toContain(w.otherArea);
    expect(ids).not.toContain(w.area1);
    expect(own.orgUnit?.id).toBe('HN0102');
    expect((await get(`/api/v1/hot-zones?orgUnit=${w.station}`, otherCountyManager)).statusCode).toBe(403);
    expect((await get('/api/v1/hot-zones?orgUnit=NO_SUCH_UNIT', admin)).statusCode).toBe(404);
    expect((await get('/api/v1/hot-zones')).statusCode).toBe(401);
  });
});

describe('area stale marks', () => {
  it("marks the customer's transformer area, feeder, grid and supply station with its trace; the area refresher takes only those", async () => {
    await t.db.query('DELETE FROM portrait_dirty');
    await insertTrace(t.db, {
      customerId: w.customers1[0] as number,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      traceType: 'app_query',
      channel: 'app',
      attributes: { query: 'bill' },
    });
    const marks = async (where: string) =>
      t.db.query<{ subject_kind: string; subject_key: string; changes: string[] }>(
        `SELECT subject_kind, subject_key, changes FROM portrait_dirty WHERE ${where} ORDER BY subject_kind`,
      );
    expect(await marks("subject_kind <> 'customer'")).toEqual([
      { subject_kind: 'feeder', subject_key: w.feeder, changes: ['trace:app_query'] },
      { subject_kind: 'grid', subject_key: w.grid1, changes: ['trace:app_query'] },
      { subject_kind: 'station', subject_key: w.station, changes: ['trace:app_query'] },
      { subject_kind: 'transformer_area', subject_key: w.area1, changes: ['trace:app_query'] },
    ]);
    const areas = new PortraitRefresher(t.db, engine, { kinds: AREA_KINDS });
    expect(await areas.drainOnce()).toBe(4);
    expect(await marks("subject_kind <> 'customer'")).toEqual([]);
    // The customer's mark is the other refresher's.
    expect((await marks("subject_kind = 'customer'")).map((m) => m.subject_key)).toEqual([String(w.customers1[0])]);
    expect((await readPortrait(t.db, 'transformer_area', w.area1))?.features).toMatchObject({ customers: 4 });
  });
});
