import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgUnits, sessionFor, uid } from '../../../test/support/api-world.js';
import { createSegmentWorld, type SegmentWorld } from '../../../test/support/segment-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildApp } from '../../api/app.js';
import type { GridcareApp } from '../../api/types.js';
import { CUSTOMER_TAGS } from '../definitions/customer-tags.js';
import { PortraitEngine } from '../engine/portrait-engine.js';

let t: TestDb;
let app: GridcareApp;
let world: SegmentWorld;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db, { portraitEngine: new PortraitEngine(t.db) });
  world = await createSegmentWorld(t.db);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

interface Coverage {
  unit: { id: string } | null;
  customers: number;
  orgUnits: Array<{ id: string; name: string; customers: number }>;
  tags: Array<{
    code: string;
    count: number;
    share: number;
    byOrgUnit: Array<{ id: string; count: number; share: number }>;
  }>;
}

async function coverage(cookie: string, orgUnit?: string): Promise<Coverage> {
  const reply = await app.inject({
    method: 'GET',
    url: `/api/v1/portraits/tags/coverage${orgUnit ? `?orgUnit=${orgUnit}` : ''}`,
    headers: { cookie },
  });
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json();
}
const tagOf = (c: Coverage, code: string) => c.tags.find((t) => t.code === code);

describe('GET /api/v1/portraits/tags/coverage', () => {
  it('counts holders per tag, their share, and their spread over the child units', async () => {
    const admin = await sessionFor(t.db, app, 'admin', null);
    const c = await coverage(admin, world.county);
    expect(c.unit?.id).toBe(world.county);
    expect(c.customers).toBe(5);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(c.orgUnits)).toEqual(
      byId([
        { id: world.grid1, name: '测试一网格', customers: 2 },
        { id: world.grid2, name: '测试二网格', customers: 3 },
      ]),
    );
    const fee = tagOf(c, 'fee_sensitive');
    expect(fee).toMatchObject({ count: 3, share: 0.6 });
    expect(byId(fee?.byOrgUnit ?? [])).toEqual(
      byId([
        { id: world.grid1, count: 2, share: 1 },
        { id: world.grid2, count: 1, share: 0.3333 },
      ]),
    );
    // A past portrait's tag does not count; every customer tag is listed, held or not.
    expect(tagOf(c, 'repeat_complainer')).toMatchObject({ count: 0, share: 0 });
    expect(c.tags.map((t) => t.code)).toEqual(CUSTOMER_TAGS.map((t) => t.code));
  });

  it("defaults to the caller's scope and hides special customers without customer:confidential", async () => {
    const agent = await sessionFor(t.db, app, 'agent', world.county);
    const c = await coverage(agent);
    expect(c.unit?.id).toBe(world.county);
    expect(c.customers).toBe(4);
    expect(tagOf(c, 'fee_sensitive')?.count).toBe(2);
    expect(tagOf(c, 'special_customer')?.count).toBe(0);
    const manager = await sessionFor(t.db, app, 'manager', world.county);
    expect(tagOf(await coverage(manager), 'special_customer')?.count).toBe(1);
  });

  it('goes down through units with a single child, but never to a leaf', async () => {
    const admin = await sessionFor(t.db, app, 'admin', null);
    // HN → HN01 → (HN0101, HN0102, this test file's counties…): the company is passed over.
    expect((await coverage(admin)).unit?.id).toBe('HN01');
    // A county whose only child is a grid keeps the county, with the grid as its one unit.
    const county = uid('CY');
    const grid = uid('G');
    await t.db.query(
      `INSERT INTO org_unit (org_unit_id, parent_id, level, name, path) VALUES
         ($1, 'HN01', 'county', '单网格县', '/HN/HN01/' || $1 || '/'),
         ($2, $1, 'grid', '唯一网格', '/HN/HN01/' || $1 || '/' || $2 || '/')`,
      [county, grid],
    );
    const c = await coverage(admin, county);
    expect(c.unit?.id).toBe(county);
    expect(c.orgUnits).toEqual([{ id: grid, name: '唯一网格', customers: 0 }]);
  });

  it('refuses a unit outside the scope (403) and answers 401 without a session', async () => {
    const gridManager = await sessionFor(t.db, app, 'grid_manager', world.grid1);
    const reply = await app.inject({
      method: 'GET',
      url: `/api/v1/portraits/tags/coverage?orgUnit=${world.county}`,
      headers: { cookie: gridManager },
    });
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    expect((await app.inject({ method: 'GET', url: '/api/v1/portraits/tags/coverage' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/segments/transformer-areas', () => {
  it('lists areas in scope matching the text, with feeder and substation', async () => {
    const gridManager = await sessionFor(t.db, app, 'grid_manager', world.grid1);
    const reply = await app.inject({
      method: 'GET',
      url: `/api/v1/segments/transformer-areas?q=${encodeURIComponent('公变')}`,
      headers: { cookie: gridManager },
    });
    expect(reply.statusCode).toBe(200);
    const items: Array<{ id: string; feeder: { name: string }; substation: { id: string } }> = reply.json().items;
    expect(items.map((i) => i.id)).toEqual([world.area1]);
    expect(items[0]).toMatchObject({ feeder: { name: '一线' }, substation: { id: world.substation1 } });
    // area2 lies in grid2, outside this grid manager's scope.
    const all = await app.inject({
      method: 'GET',
      url: '/api/v1/segments/transformer-areas',
      headers: { cookie: gridManager },
    });
    expect(all.json().items.map((i: { id: string }) => i.id)).not.toContain(world.area2);
  });
});
