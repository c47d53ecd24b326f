import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgUnits, sessionFor } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { buildApp } from './app.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe('collection points API', () => {
  it('lists the shipped collection points to any staff role', async () => {
    const cookie = await sessionFor(t.db, app, 'agent', null);
    const reply = await app.inject({ method: 'GET', url: '/api/v1/collection-points', headers: { cookie } });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().items).toContainEqual(expect.objectContaining({ traceType: 'app_login', minIntervalMinutes: 60 }));
  });

  it('lets an administrator change a point and audits before and after', async () => {
    const cookie = await sessionFor(t.db, app, 'admin', null);
    const body = { enabled: true, detail: 'listed', attributes: ['device'], minIntervalMinutes: 30, purpose: 'test' };
    const reply = await app.inject({ method: 'PUT', url: '/api/v1/collection-points/website_visit', headers: { cookie }, payload: body });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ traceType: 'website_visit', detail: 'listed', minIntervalMinutes: 30 });
    const audit = await t.db.query<{ detail: { before: { minIntervalMinutes: number } } }>(
      `SELECT detail FROM audit_log WHERE action = 'collection_point_change' AND subject_id = 'website_visit'`,
    );
    expect(audit[0]?.detail.before.minIntervalMinutes).toBe(60);
  });

  it('refuses roles without collection:manage, unknown trace types and listed detail with no attribute', async () => {
    const manager = await sessionFor(t.db, app, 'manager', null);
    const body = { enabled: false, detail: 'full', attributes: [], minIntervalMinutes: 0 };
    const forbidden = await app.inject({ method: 'PUT', url: '/api/v1/collection-points/hall_visit', headers: { cookie: manager }, payload: body });
    expect(forbidden.statusCode).toBe(403);
    const admin = await sessionFor(t.db, app, 'admin', null);
    const unknown = await app.inject({ method: 'PUT', url: '/api/v1/collection-points/teleport', headers: { cookie: admin }, payload: body });
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const empty = await app.inject({
      method: 'PUT',
      url: '/api/v1/collection-points/hall_visit',
      headers: { cookie: admin },
      payload: { ...body, detail: 'listed' },
    });
    expect(empty.json().error.message).toMatch(/at least one attribute/);
  });
});
