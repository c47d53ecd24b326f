import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, insertEmployee, loginAs, seedOrgUnits, sessionFor, uid } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { buildApp } from './app.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let admin: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db);
  admin = await sessionFor(t.db, app, 'admin', null);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const PASSWORD = 'Initial-Pass-1';

async function post(url: string, payload: object, cookie = admin) {
  return app.inject({ method: 'POST', url, headers: { cookie }, payload });
}
async function patch(username: string, payload: object, cookie = admin) {
  return app.inject({ method: 'PATCH', url: `/api/v1/users/${username}`, headers: { cookie }, payload });
}
async function newAccount(overrides: Record<string, unknown> = {}) {
  const body = { username: uid('u_'), displayName: '新账号', role: 'agent', orgUnitId: 'HN0101', password: PASSWORD, ...overrides };
  const reply = await post('/api/v1/users', body);
  expect(reply.statusCode, reply.body).toBe(201);
  return body;
}
const auditRows = (username: string) =>
  t.db.query<{ action: string; detail: Record<string, unknown>; user_id: number | null }>(
    'SELECT action, detail, user_id FROM audit_log WHERE subject_type = $1 AND subject_id = $2 ORDER BY audit_id',
    ['app_user', username],
  );
const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('account management API', () => {
  it('creates an account that can log in, lists it with its employee number, and audits without the password', async () => {
    const employee = await insertEmployee(t.db, { orgUnitId: 'HN0101' });
    const body = await newAccount({ permissions: ['customer:pii_unmask'], employeeNo: employee.employeeNo, role: 'agent' });
    const list = await app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin } });
    const listed = list.json().items.find((u: { username: string }) => u.username === body.username);
    expect(listed).toMatchObject({
      displayName: '新账号', role: 'agent', orgUnitId: 'HN0101', permissions: ['customer:pii_unmask'],
      employeeNo: employee.employeeNo, disabled: false,
    });
    expect(listed.effectivePermissions).toEqual(expect.arrayContaining(['case:read', 'customer:pii_unmask']));
    expect(JSON.stringify(list.json())).not.toMatch(/password|argon2/i);
    expect((await me(await loginAs(app, body))).json().user.username).toBe(body.username);
    const audit = await auditRows(body.username);
    expect(audit.map((a) => a.action)).toEqual(['user_create']);
    expect(audit[0]?.detail).toMatchObject({ before: null, after: { role: 'agent', orgUnitId: 'HN0101' } });
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(JSON.stringify(audit)).not.toMatch(/argon2/);
  });

  it('refuses a duplicate username, a short password, an unknown org unit, role or permission with clear codes', async () => {
    const body = await newAccount();
    const duplicate = await post('/api/v1/users', { ...body, displayName: '另一个' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'USER_EXISTS' });
    const short = await post('/api/v1/users', { ...body, username: uid('u_'), password: 'short7!' });
    expect(short.json().error.code).toBe('USER_PASSWORD_TOO_SHORT');
    const unit = await post('/api/v1/users', { ...body, username: uid('u_'), orgUnitId: 'XX99' });
    expect(unit.json().error).toMatchObject({ code: 'USER_INVALID_FIELD', details: { field: 'orgUnitId' } });
    const role = await post('/api/v1/users', { ...body, username: uid('u_'), role: 'superuser' });
    expect(role.json().error).toMatchObject({ code: 'USER_INVALID_FIELD', details: { field: 'role' } });
    const permission = await post('/api/v1/users', { ...body, username: uid('u_'), permissions: ['customer:read', 'root:all'] });
    expect(permission.json().error).toMatchObject({ code: 'USER_INVALID_FIELD', details: { field: 'permissions', value: 'root:all' } });
  });

  it('changes role, org unit, permissions and display name, auditing before and after', async () => {
    const body = await newAccount();
    const reply = await patch(body.username, { role: 'manager', orgUnitId: 'HN01', permissions: ['trace:write'], displayName: '改名' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ role: 'manager', orgUnitId: 'HN01', permissions: ['trace:write'], displayName: '改名' });
    const change = (await auditRows(body.username)).find((a) => a.action === 'user_change');
    expect(change?.detail).toMatchObject({ before: { role: 'agent', orgUnitId: 'HN0101' }, after: { role: 'manager', orgUnitId: 'HN01' } });
    expect(change?.user_id).not.toBeNull();
    const missing = await patch('nobody_here', { disabled: true });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses every account route to a manager with 403', async () => {
    const manager = await sessionFor(t.db, app, 'manager', 'HN01');
    const target = await createUser(t.db, 'agent', 'HN0101');
    const replies = await Promise.all([
      app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: manager } }),
      post('/api/v1/users', { username: uid('u_'), displayName: 'x', role: 'admin', orgUnitId: null, password: PASSWORD }, manager),
      patch(target.username, { role: 'admin' }, manager),
      post(`/api/v1/users/${target.username}/password`, { password: 'Taken-Over-1' }, manager),
    ]);
    expect(replies.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect(replies[0]?.json().error.code).toBe('AUTH_FORBIDDEN');
  });

  it('refuses a disabled account at login and stops its open session', async () => {
    const body = await newAccount();
    const cookie = await loginAs(app, body);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await patch(body.username, { disabled: true })).json().disabled).toBe(true);
    expect((await me(cookie)).statusCode).toBe(401);
    const login = await post('/api/v1/auth/login', { username: body.username, password: PASSWORD });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('resets a password: the old one and the open sessions stop working, and the audit holds no password', async () => {
    const body = await newAccount();
    const cookie = await loginAs(app, body);
    const reset = await post(`/api/v1/users/${body.username}/password`, { password: 'Brand-New-Pass-2' });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', body)).statusCode).toBe(401);
    await loginAs(app, { username: body.username, password: 'Brand-New-Pass-2' });
    const audit = (await auditRows(body.username)).find((a) => a.action === 'user_password_reset');
    expect(audit?.detail).toEqual({ sessionsEnded: 1 });
    expect(JSON.stringify(await auditRows(body.username))).not.toMatch(/Brand-New-Pass-2|argon2/);
    const short = await post(`/api/v1/users/${body.username}/password`, { password: '1234567' });
    expect(short.json().error.code).toBe('USER_PASSWORD_TOO_SHORT');
  });
});

describe('last-admin guard', () => {
  it('refuses to demote or disable the last active admin, and allows it once another admin is active', async () => {
    // Leave exactly one active admin: the one this file logged in with.
    const self = (await me(admin)).json().user.username as string;
    await t.db.query(`UPDATE app_user SET disabled = true WHERE role = 'admin' AND username <> $1`, [self]);
    const demote = await patch(self, { role: 'manager' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('USER_LAST_ADMIN');
    const disable = await patch(self, { disabled: true });
    expect(disable.json().error.code).toBe('USER_LAST_ADMIN');
    // A disabled admin does not count as another admin.
    const other = await newAccount({ role: 'admin', orgUnitId: null });
    await patch(other.username, { disabled: true });
    expect((await patch(self, { role: 'manager' })).statusCode).toBe(409);
    await patch(other.username, { disabled: false });
    const cookie = await loginAs(app, other);
    expect((await patch(self, { role: 'manager' }, cookie)).statusCode).toBe(200);
    expect((await patch(other.username, { disabled: true }, cookie)).json().error.code).toBe('USER_LAST_ADMIN');
  });
});
