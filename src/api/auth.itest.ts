import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAs, seedOrgUnits, TEST_PASSWORD } from '../../test/support/api-world.js';
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

describe('login', () => {
  it('returns the user and sets an httpOnly SameSite=Lax session cookie whose token is stored only hashed', async () => {
    const user = await createUser(t.db, 'manager', 'HN0101');
    const reply = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: user });
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body.user).toMatchObject({ username: user.username, role: 'manager', orgUnit: { id: 'HN0101', name: '岳麓区供电公司' } });
    expect(body.user.permissions).toContain('customer:pii_unmask');
    const cookie = reply.cookies.find((c) => c.name === 'gridcare_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const stored = await t.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM user_session s JOIN app_user u USING (user_id) WHERE u.username = $1',
      [user.username],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toBe(cookie?.value);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a wrong password with AUTH_INVALID_CREDENTIALS and sets no cookie', async () => {
    const user = await createUser(t.db, 'agent', 'HN');
    const reply = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ...user, password: 'wrong' } });
    expect(reply.statusCode).toBe(401);
    expect(reply.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(reply.cookies).toHaveLength(0);
  });

  it('locks a username after five failures in ten minutes, even for the right password, with retry-after', async () => {
    const user = await createUser(t.db, 'agent', 'HN');
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ...user, password: `bad${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ...user, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('AUTH_RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    expect(locked.json().error.details.limitedBy).toBe('username');
  });

  it('locks a client address after twenty failures across usernames', async () => {
    const ip = '10.9.8.7';
    for (let i = 0; i < 20; i++) {
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `nobody${i}`, password: 'x' }, remoteAddress: ip });
    }
    const user = await createUser(t.db, 'agent', 'HN');
    const reply = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: user, remoteAddress: ip });
    expect(reply.statusCode).toBe(429);
    expect(reply.json().error.details.limitedBy).toBe('address');
  });

  it('names the missing field when the body is incomplete', async () => {
    const reply = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.password' } });
  });
});

describe('session', () => {
  it('answers me with the account and ends the session at logout', async () => {
    const user = await createUser(t.db, 'hall_staff', 'HN0101');
    const cookie = await loginAs(app, user);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({ username: user.username, role: 'hall_staff' });
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('refuses an expired session', async () => {
    const user = await createUser(t.db, 'agent', 'HN');
    const cookie = await loginAs(app, user);
    await t.db.query(
      `UPDATE user_session SET expires_at = now() - interval '1 minute'
       WHERE user_id = (SELECT user_id FROM app_user WHERE username = $1)`,
      [user.username],
    );
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });
});
