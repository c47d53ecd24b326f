import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedOrgUnits, uid } from '../../test/support/api-world.js';
import { createTestDb, TEST_TARGET, type TestDb } from '../../test/support/test-db.js';
import { verifyPassword } from '../auth/passwords.js';
import { openConfiguredDb } from '../db/open-configured.js';
import { main } from './gridcare.js';
import { runUserAdd, runUserDisable, runUserList, runUserSetPassword } from './user-command.js';

let t: TestDb;
const dataDir = mkdtempSync(path.join(tmpdir(), 'gridcare-user-cli-'));

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
});
afterAll(async () => {
  await t.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const hashOf = async (username: string) =>
  (await t.db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE username = $1', [username]))[0]?.password_hash ?? '';

describe('gridcare user (command functions)', () => {
  it('adds an account with a generated password printed once, and lists it', async () => {
    const lines: string[] = [];
    const username = uid('cli_');
    await runUserAdd(t.db, { username, role: 'hall_staff', orgUnit: 'HN0101', displayName: '柜员甲' }, (l) => lines.push(l));
    const shown = lines.find((l) => l.startsWith('Password'))?.split(': ')[1] ?? '';
    expect(shown.length).toBeGreaterThanOrEqual(16);
    expect(await verifyPassword(await hashOf(username), shown)).toBe(true);
    const listed: string[] = [];
    const users = await runUserList(t.db, (l) => listed.push(l));
    expect(users.find((u) => u.username === username)).toMatchObject({ role: 'hall_staff', orgUnitId: 'HN0101', displayName: '柜员甲' });
    expect(listed.find((l) => l.startsWith(username))).toContain('HN0101');
    expect(listed.join('\n')).not.toContain(shown);
    const audit = await t.db.query<{ user_id: number | null; detail: Record<string, unknown> }>(
      `SELECT user_id, detail FROM audit_log WHERE action = 'user_create' AND subject_id = $1`,
      [username],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: null, detail: { via: 'cli', after: { username } } });
    expect(JSON.stringify(audit)).not.toContain(shown);
  });

  it('uses a given password, resets it, and disables the account', async () => {
    const username = uid('cli_');
    const quiet = () => undefined;
    await runUserAdd(t.db, { username, role: 'agent', orgUnit: 'HN', password: 'Given-Pass-1' }, quiet);
    expect(await verifyPassword(await hashOf(username), 'Given-Pass-1')).toBe(true);
    await runUserSetPassword(t.db, username, 'Other-Pass-2', quiet);
    expect(await verifyPassword(await hashOf(username), 'Other-Pass-2')).toBe(true);
    await runUserDisable(t.db, username, quiet);
    const row = await t.db.query<{ disabled: boolean }>('SELECT disabled FROM app_user WHERE username = $1', [username]);
    expect(row[0]?.disabled).toBe(true);
  });

  it('refuses a short password, an unknown org unit and a username unfit for URLs with their codes', async () => {
    const quiet = () => undefined;
    await expect(runUserAdd(t.db, { username: uid('cli_'), role: 'agent', orgUnit: 'HN', password: 'short' }, quiet)).rejects.toMatchObject({
      code: 'USER_PASSWORD_TOO_SHORT',
    });
    await expect(runUserAdd(t.db, { username: uid('cli_'), role: 'agent', orgUnit: 'NOPE' }, quiet)).rejects.toMatchObject({
      code: 'USER_INVALID_FIELD',
    });
    await expect(runUserAdd(t.db, { username: 'zhang san/1', role: 'agent', orgUnit: 'HN' }, quiet)).rejects.toMatchObject({
      code: 'USER_INVALID_FIELD',
      details: { field: 'username' },
    });
  });
});

describe('gridcare user (command line)', () => {
  it('parses user add and user list with the database flags', async () => {
    const flags = TEST_TARGET === 'postgres' ? ['--database-url', t.url ?? ''] : ['--data-dir', dataDir];
    if (TEST_TARGET === 'pglite') {
      // The command opens its own database: on this target an embedded one in dataDir.
      const own = await openConfiguredDb({ dataDir, databaseUrl: undefined });
      await seedOrgUnits(own);
      await own.close();
    }
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const username = uid('cli_');
      await main(['node', 'gridcare', 'user', 'add', '--username', username, '--role', 'admin', '--org-unit', 'HN', '--password', 'Cli-Pass-123', ...flags]);
      expect(log).toHaveBeenCalledWith(expect.stringContaining(`Created account ${username} (admin`));
      log.mockClear();
      await main(['node', 'gridcare', 'user', 'list', ...flags]);
      expect(log.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringMatching(new RegExp(`^${username}\\tadmin\\tHN\\t`)));
    } finally {
      log.mockRestore();
    }
  });
});
