import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { buildApp } from './app.js';

let t: TestDb;
const webRoot = mkdtempSync(path.join(tmpdir(), 'gridcare-web-'));

beforeAll(async () => {
  t = await createTestDb();
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><div id="root">gridcare-spa</div>');
  writeFileSync(path.join(webRoot, 'app.js'), 'console.log(1)');
});
afterAll(async () => {
  await t.drop();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('the app shell', () => {
  it('reports health with the database kind and the migrations applied', async () => {
    const app = await buildApp({ logLevel: 'silent' }, t.db, { webRoot });
    const reply = await app.inject({ method: 'GET', url: '/api/health' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'ok', database: t.db.kind, version: expect.any(String) });
    expect(reply.json().migrations.count).toBeGreaterThanOrEqual(7);
    await app.close();
  });

  it('publishes OpenAPI with the customer routes and serves the docs UI', async () => {
    const app = await buildApp({ logLevel: 'silent' }, t.db, { webRoot });
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toContain('/api/v1/customers/{no}/timeline');
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
    await app.close();
  });

  it('serves built files, falls back to index.html for client routes, and answers unknown /api paths in JSON', async () => {
    const app = await buildApp({ logLevel: 'silent' }, t.db, { webRoot });
    expect((await app.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
    const route = await app.inject({ method: 'GET', url: '/customers/C123' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('gridcare-spa');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    await app.close();
  });

  it('tells the user to build the web app when dist/web is missing', async () => {
    const app = await buildApp({ logLevel: 'silent' }, t.db, { webRoot: path.join(webRoot, 'missing') });
    const reply = await app.inject({ method: 'GET', url: '/' });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toContain('npm run build');
    await app.close();
  });
});
