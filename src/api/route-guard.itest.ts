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
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const apiRoutes = () =>
  app.routeCatalog.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');

describe('every API route is guarded', () => {
  it('registers the routes the UI relies on', () => {
    const urls = apiRoutes().map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /api/v1/customers/:no',
        'GET /api/v1/customers/:no/timeline',
        'POST /api/v1/customers/:no/unmask',
        'GET /api/v1/cases/:caseId',
        'GET /api/v1/employees/:no/timeline',
        'POST /api/v1/traces',
        'GET /api/v1/audit',
      ]),
    );
  });

  it('leaves only health and login open', () => {
    expect(apiRoutes().filter((r) => r.public).map((r) => r.url).sort()).toEqual(['/api/health', '/api/v1/auth/login']);
  });

  it('answers 401 AUTH_REQUIRED without a session on every other route', async () => {
    const guarded = apiRoutes().filter((r) => !r.public);
    expect(guarded.length).toBeGreaterThanOrEqual(14);
    for (const route of guarded) {
      const url = route.url.replace(/:[A-Za-z]+/g, 'X1');
      const reply = await app.inject({ method: route.method as 'GET', url, ...(route.method === 'POST' ? { payload: {} } : {}) });
      expect(reply.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(reply.json().error.code).toBe('AUTH_REQUIRED');
    }
  });

  it('refuses a forged session cookie', async () => {
    const reply = await app.inject({ method: 'GET', url: '/api/v1/customers', headers: { cookie: 'gridcare_session=forged' } });
    expect(reply.statusCode).toBe(401);
  });
});

describe('role permissions', () => {
  it.each([
    ['agent', 'GET', '/api/v1/employees'],
    ['agent', 'GET', '/api/v1/audit'],
    ['agent', 'POST', '/api/v1/customers/C1/unmask'],
    ['hall_staff', 'POST', '/api/v1/traces'],
    ['grid_manager', 'GET', '/api/v1/employees/E1'],
  ] as const)('%s gets 403 AUTH_FORBIDDEN for %s %s', async (role, method, url) => {
    const cookie = await sessionFor(t.db, app, role, 'HN');
    const reply = await app.inject({
      method,
      url,
      headers: { cookie },
      ...(method === 'POST' ? { payload: url.endsWith('unmask') ? { fields: ['phone'], reason: 'x' } : { source: 's', items: [] } } : {}),
    });
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('AUTH_FORBIDDEN');
  });

  it('lets an extra per-account permission open a route the role lacks', async () => {
    const cookie = await sessionFor(t.db, app, 'agent', 'HN', { permissions: ['employee:read'] });
    const reply = await app.inject({ method: 'GET', url: '/api/v1/employees', headers: { cookie } });
    expect(reply.statusCode).toBe(200);
  });
});
