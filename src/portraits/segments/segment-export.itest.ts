import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAs, seedOrgUnits, sessionFor, uid } from '../../../test/support/api-world.js';
import { createSegmentWorld, insertPortrait, type SegmentWorld } from '../../../test/support/segment-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildApp } from '../../api/app.js';
import type { GridcareApp } from '../../api/types.js';
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

const exportCsv = (query: string, cookie: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: `/api/v1/segments/export.csv?${query}`, headers: { cookie, ...headers } });

/** Rows of a CSV without quoted line breaks (what these tests write). */
const rowsOf = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

async function exportAudits(username: string) {
  return t.db.query<{ subject_id: string; detail: { filter: Record<string, unknown>; rowCount: number } }>(
    `SELECT a.subject_id, a.detail FROM audit_log a JOIN app_user u ON u.user_id = a.user_id
     WHERE u.username = $1 AND a.action = 'segment_export' ORDER BY a.audit_id`,
    [username],
  );
}

describe('GET /api/v1/segments/export.csv', () => {
  it('streams UTF-8 CSV with a BOM, Chinese headers, masked names, and audits the filter and row count', async () => {
    const user = await createUser(t.db, 'manager', world.county);
    const cookie = await loginAs(app, user);
    const reply = await exportCsv(`tag=fee_sensitive&orgUnit=${world.county}`, cookie);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="segment-\d{8}\.csv"$/);
    expect(reply.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const [header, ...rows] = rowsOf(reply.body);
    expect(header?.split(',').slice(0, 3)).toEqual(['户号', '客户名称', '用户类别']);
    expect(header).toContain('信用分');
    expect(header?.endsWith('标签')).toBe(true);
    const { c1, c2, c4 } = world.customers;
    expect(rows.map((r) => r.split(',')[0]).sort()).toEqual([c1.customerNo, c2.customerNo, c4.customerNo].sort());
    const c1Row = rows.find((r) => r.startsWith(c1.customerNo)) ?? '';
    expect(c1Row).not.toContain(c1.name);
    expect(c1Row.split(',')[1]).toMatch(/^张\*+明$/);
    expect(c1Row).toContain('电费敏感、停电敏感');
    expect(c1Row).toContain('和平小区1#公变');
    // No phone, ID number or address leaves in an export.
    expect(reply.body).not.toMatch(/139\d{8}|430104\d{12}|麓山南路/);

    const audits = await exportAudits(user.username);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.subject_id).toBe(world.county);
    expect(audits[0]?.detail).toEqual({ filter: { allTags: ['fee_sensitive'], orgUnit: world.county }, rowCount: 3 });
  });

  it('writes English headers and tag names when asked', async () => {
    const cookie = await sessionFor(t.db, app, 'admin', null);
    const reply = await exportCsv(`orgUnit=${world.grid1}&tag=outage_sensitive&lang=en`, cookie);
    const [header, row] = rowsOf(reply.body);
    expect(header?.startsWith('Customer no.,Name,Type')).toBe(true);
    expect(row).toContain('Fee-sensitive; Outage-sensitive');
  });

  it('leaves special customers out for a caller without customer:confidential', async () => {
    // An agent granted exports: portrait:manage but not customer:confidential.
    const user = await createUser(t.db, 'agent', world.county, { permissions: ['portrait:manage'] });
    const reply = await exportCsv(`tag=fee_sensitive&orgUnit=${world.county}`, await loginAs(app, user));
    expect(reply.statusCode).toBe(200);
    expect(rowsOf(reply.body)).toHaveLength(1 + 2);
    expect(reply.body).not.toContain(world.customers.c4.customerNo);
    expect((await exportAudits(user.username))[0]?.detail.rowCount).toBe(2);
  });

  it('streams every row exactly once across its internal batches', async () => {
    // 2,100 customers: more than one batch of the keyset stream.
    const grid = uid('G');
    await t.db.query(
      `INSERT INTO org_unit (org_unit_id, parent_id, level, name, path) VALUES ($1, 'HN0102', 'grid', '批量网格', '/HN/HN01/HN0102/' || $1 || '/')`,
      [grid],
    );
    const ids = await t.db.query<{ customer_id: number }>(
      `INSERT INTO customer (customer_no, name, customer_type, org_unit_id)
       SELECT $1 || lpad(g::text, 5, '0'), '批量客户' || g, 'residential', $2 FROM generate_series(1, 2100) AS g
       RETURNING customer_id`,
      [uid('B'), grid],
    );
    await insertPortrait(t.db, ids[0]?.customer_id ?? 0, { tags: ['silent'] });
    await t.db.query(
      `INSERT INTO customer_portrait (customer_id, valid_from, feature_values, tags, scores, grades, content_hash, catalog_version)
       SELECT id, now(), '{}', '{silent}', '{}', '{}', 'h', 'test-segments' FROM unnest($1::bigint[]) AS id`,
      [ids.slice(1).map((r) => r.customer_id)],
    );
    const cookie = await sessionFor(t.db, app, 'admin', null);
    const reply = await exportCsv(`orgUnit=${grid}`, cookie);
    const rows = rowsOf(reply.body).slice(1);
    expect(rows).toHaveLength(2100);
    expect(new Set(rows.map((r) => r.split(',')[0])).size).toBe(2100);
    expect(reply.headers['x-row-count']).toBe('2100');
  });

  it('needs portrait:manage (403) and a session (401), and validates like the query', async () => {
    const agent = await sessionFor(t.db, app, 'agent', world.county);
    const forbidden = await exportCsv('tag=fee_sensitive', agent);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('AUTH_FORBIDDEN');
    expect((await app.inject({ method: 'GET', url: '/api/v1/segments/export.csv' })).statusCode).toBe(401);
    const manager = await sessionFor(t.db, app, 'manager', world.grid1);
    const outside = await exportCsv(`orgUnit=${world.county}`, manager);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    const bad = await exportCsv(`tag=${encodeURIComponent('x;DROP TABLE customer')}`, manager);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SEGMENT_FILTER_INVALID');
  });
});
