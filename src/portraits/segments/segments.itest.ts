import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, seedOrgUnits, sessionFor } from '../../../test/support/api-world.js';
import { createSegmentWorld, type SegmentWorld } from '../../../test/support/segment-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildApp } from '../../api/app.js';
import type { GridcareApp } from '../../api/types.js';
import { COMPLAINT_RISK_SCORE } from '../definitions/customer-scores.js';
import { PortraitEngine } from '../engine/portrait-engine.js';

let t: TestDb;
let app: GridcareApp;
let admin: string;
let world: SegmentWorld;
let engine: PortraitEngine;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  engine = new PortraitEngine(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db, { portraitEngine: engine });
  admin = await sessionFor(t.db, app, 'admin', null);
  world = await createSegmentWorld(t.db);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

interface SegmentPage {
  total: number;
  items: Array<{
    customerNo: string;
    name: string;
    tags: string[];
    creditGrade: string | null;
    scores: Record<string, number>;
  }>;
  facets: {
    creditGrade: Array<{ key: string; count: number }>;
    feeRiskClass: Array<{ key: string; count: number }>;
    tags: Array<{ key: string; count: number }>;
    customerType: Array<{ key: string; count: number }>;
    orgUnits: { unit: { id: string } | null; children: Array<{ id: string; count: number }>; direct: number };
  };
}

async function segment(query: string, cookie = admin): Promise<SegmentPage> {
  const reply = await get(`/api/v1/segments/query?${query}`, cookie);
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json();
}

const names = (page: SegmentPage) =>
  page.items
    .map((i) => Object.entries(world.customers).find(([, c]) => c.customerNo === i.customerNo)?.[0] ?? i.customerNo)
    .sort();

describe('GET /api/v1/segments/query: each filter narrows', () => {
  // Every case also names the world's county, so customers of other tests never count.
  it.each([
    ['no filter', '', ['c1', 'c2', 'c3', 'c4', 'c5']],
    ['all of two tags', 'tag=fee_sensitive&tag=outage_sensitive', ['c1']],
    ['one tag', 'tag=fee_sensitive', ['c1', 'c2', 'c4']],
    ['any of two tags', 'anyTag=important_customer&anyTag=special_customer', ['c3', 'c4']],
    ['none of a tag', 'notTag=fee_sensitive', ['c3', 'c5']],
    ['a past portrait does not count', 'tag=repeat_complainer', []],
    ['credit grades', 'creditGrade=A&creditGrade=E', ['c1', 'c3', 'c5']],
    ['fee risk class', 'feeRiskClass=2', ['c2']],
    ['credit score range', 'score=credit:70:90', ['c2', 'c4']],
    ['open-ended score range', 'score=fee_risk:50:', ['c3']],
    ['a missing score is outside every range', 'score=activity::30', ['c2']],
    ['customer type', 'customerType=non_residential', ['c3']],
    ['industry prefix', 'industry=C26', ['c3']],
    ['important flag', 'important=true', ['c3']],
    ['special flag off', 'special=false', ['c1', 'c2', 'c3', 'c5']],
    ['substation', 'substation={substation1}', ['c1', 'c2']],
    ['feeder', 'feeder={feeder2}', ['c3', 'c4', 'c5']],
    ['transformer area', 'transformerArea={area1}', ['c1', 'c2']],
    ['tags, grade and score together', 'tag=fee_sensitive&creditGrade=C&creditGrade=B&score=credit:80:', ['c4']],
  ])('%s', async (_, query, expected) => {
    const filled = query.replace(/\{(\w+)\}/g, (_m, key: string) => String(world[key as keyof SegmentWorld]));
    const page = await segment(`orgUnit=${world.county}&${filled}`);
    expect(names(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('narrows to an org unit subtree', async () => {
    expect(names(await segment(`orgUnit=${world.grid1}`))).toEqual(['c1', 'c2']);
  });

  it('counts facets over the whole selection, not the page', async () => {
    const page = await segment(`orgUnit=${world.county}&pageSize=1`);
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(1);
    expect(page.facets.creditGrade).toEqual([
      { key: 'A', count: 2 },
      { key: 'B', count: 1 },
      { key: 'C', count: 1 },
      { key: 'E', count: 1 },
    ]);
    expect(page.facets.feeRiskClass).toEqual([
      { key: '1', count: 3 },
      { key: '2', count: 1 },
      { key: '3', count: 1 },
    ]);
    expect(page.facets.tags[0]).toEqual({ key: 'fee_sensitive', count: 3 });
    expect(page.facets.customerType).toEqual([
      { key: 'residential', count: 4 },
      { key: 'non_residential', count: 1 },
    ]);
    expect(page.facets.orgUnits.unit?.id).toBe(world.county);
    expect(page.facets.orgUnits.children).toEqual(
      [
        { id: world.grid1, name: '测试一网格', count: 2 },
        { id: world.grid2, name: '测试二网格', count: 3 },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('pages and sorts by a score, highest first, with masked names', async () => {
    const first = await segment(`orgUnit=${world.county}&sort=credit&pageSize=2`);
    expect(first.items.map((i) => i.scores.credit)).toEqual([99, 95]);
    const second = await segment(`orgUnit=${world.county}&sort=credit&pageSize=2&page=2`);
    expect(second.items.map((i) => i.scores.credit)).toEqual([85, 72]);
    const c1 = (await segment(`orgUnit=${world.grid1}&tag=outage_sensitive`)).items[0];
    expect(c1?.name).not.toBe(world.customers.c1.name);
    expect(c1?.name).toMatch(/^张\*+明$/);
    // Company names are public.
    const c3 = (await segment(`orgUnit=${world.county}&important=true`)).items[0];
    expect(c3?.name).toBe('湘江化工有限公司');
  });

  it('finds what the portrait engine computed, not only rows written by hand', async () => {
    // A world of its own, so the extra customer leaves the shared world's counts alone. The
    // important-customer tag is read straight off the customer record, so this test does
    // not hang on thresholds that are tuned elsewhere.
    const own = await createSegmentWorld(t.db);
    const before = await segment(`orgUnit=${own.county}&tag=important_customer`);
    const c = await insertCustomer(t.db, {
      orgUnitId: own.grid1,
      customerType: 'non_residential',
      name: '长沙市第一医院',
    });
    await t.db.query('UPDATE customer SET important = true WHERE customer_id = $1', [c.customerId]);
    await new PortraitEngine(t.db).refresh('customer', [String(c.customerId)], new Date());
    const after = await segment(`orgUnit=${own.county}&tag=important_customer`);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((i) => i.customerNo)).toContain(c.customerNo);
  });
});

describe('GET /api/v1/segments/query: the catalog it checks against', () => {
  it("takes up a score the engine's catalog gained after start (a model trained since)", async () => {
    const query = `orgUnit=${world.county}&score=complaint_risk:20:`;
    const started = engine.catalog;
    expect(started.scores.some((s) => s.code === 'complaint_risk')).toBe(false);
    expect((await get(`/api/v1/segments/query?${query}`, admin)).statusCode).toBe(400);
    try {
      engine.catalog = {
        ...started,
        scores: [...started.scores, { ...COMPLAINT_RISK_SCORE, intercept: 0, weights: {}, version: 1 }],
      };
      await t.db.query(
        `UPDATE customer_portrait SET scores = scores || '{"complaint_risk": 35}' WHERE customer_id = $1`,
        [world.customers.c2.customerId],
      );
      expect(names(await segment(query))).toEqual(['c2']);
    } finally {
      engine.catalog = started;
    }
  });
});

describe('GET /api/v1/segments/query: fences', () => {
  it('keeps a scoped caller inside their scope and refuses a unit outside it', async () => {
    const gridManager = await sessionFor(t.db, app, 'grid_manager', world.grid1);
    expect(names(await segment('tag=fee_sensitive', gridManager))).toEqual(['c1', 'c2']);
    const outside = await get(`/api/v1/segments/query?orgUnit=${world.county}`, gridManager);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
  });

  it('hides special customers from callers without customer:confidential, even as counts', async () => {
    const agent = await sessionFor(t.db, app, 'agent', world.county);
    const page = await segment('tag=fee_sensitive', agent);
    expect(names(page)).toEqual(['c1', 'c2']);
    expect((await segment('special=true', agent)).total).toBe(0);
    expect((await segment('tag=special_customer', agent)).total).toBe(0);
    const manager = await sessionFor(t.db, app, 'manager', world.county);
    expect(names(await segment('special=true', manager))).toEqual(['c4']);
  });

  it('answers 401 without a session', async () => {
    const reply = await app.inject({ method: 'GET', url: '/api/v1/segments/query' });
    expect(reply.statusCode).toBe(401);
  });

  it('answers 404 for an unknown org unit', async () => {
    const reply = await get('/api/v1/segments/query?orgUnit=NO_SUCH_UNIT', admin);
    expect(reply.statusCode).toBe(404);
  });
});

describe('GET /api/v1/segments/query: filter validation', () => {
  it.each([
    ['an injection attempt in a tag code', `tag=${encodeURIComponent("fee_sensitive') OR 1=1 --")}`, 'tag'],
    ['an unknown tag in anyTag', 'anyTag=no_such_tag', 'anyTag'],
    ['an unknown credit grade', 'creditGrade=F', 'creditGrade'],
    ['a fee risk class out of range', 'feeRiskClass=4', 'feeRiskClass'],
    ['an unknown score in a range', `score=${encodeURIComponent("credit'::text)--:0:1")}`, 'score'],
    ['a range with min above max', 'score=credit:90:10', 'score'],
    ['a range without bounds', 'score=credit::', 'score'],
    ['a tag both required and excluded', 'tag=fee_sensitive&notTag=fee_sensitive', 'notTag'],
    ['a malformed transformer area id', `transformerArea=${encodeURIComponent("x' OR '1'='1")}`, 'transformerArea'],
    ['a sort that is not a score', `sort=${encodeURIComponent('1; DROP TABLE customer')}`, 'sort'],
  ])('rejects %s with SEGMENT_FILTER_INVALID naming the field', async (_, query, field) => {
    const reply = await get(`/api/v1/segments/query?${query}`, admin);
    expect(reply.statusCode).toBe(400);
    const { error } = reply.json();
    expect(error.code).toBe('SEGMENT_FILTER_INVALID');
    expect(error.details.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('names the unknown tag and lists the known ones', async () => {
    const reply = await get(`/api/v1/segments/query?tag=${encodeURIComponent("x' OR '1'='1")}`, admin);
    const { error } = reply.json();
    expect(error.message).toContain(`Unknown tag "x' OR '1'='1"`);
    expect(error.details.allowed).toContain('fee_sensitive');
    // The customer table is still there and answers.
    expect((await segment(`orgUnit=${world.county}`)).total).toBe(5);
  });
});
