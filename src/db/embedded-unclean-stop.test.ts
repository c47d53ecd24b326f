import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { damageIndex } from '../../test/support/damage-index.js';
import { openDb } from './db.js';
import { lockFileOf } from './embedded-lock.js';
import { checkIntegrity } from './integrity-check.js';
import { migrate } from './migrate.js';
import { openConfiguredDb } from './open-configured.js';

// The embedded database only (a server recovers on its own): in-process PGlite on a folder.
describe('an embedded database after an unclean stop', () => {
  it('is checked and its damaged index rebuilt when next opened; a second opener is refused', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gridcare-unclean-'));
    const first = await openDb({ dataDir });
    await migrate(first);
    await damageIndex(first);
    await expect(openDb({ dataDir })).rejects.toMatchObject({ code: 'DB_IN_USE' });
    await first.close();
    // What a killed process leaves: its pid file, naming a process that is gone.
    writeFileSync(lockFileOf(dataDir), '999999999\n2026-12-07T10:00:00.000Z\n');
    const lines: string[] = [];
    const db = await openConfiguredDb({ dataDir, databaseUrl: undefined }, (line) => lines.push(line));
    try {
      expect(lines[0]).toMatch(/was not closed by its last process/);
      expect(lines.join('\n')).toMatch(
        /index org_unit_parent_idx on org_unit: .*lacks matching index tuple.*\(rebuilt from its table\)/,
      );
      expect((await checkIntegrity(db)).unresolved).toBe(0);
    } finally {
      await db.close();
    }
    const clean: string[] = [];
    const reopened = await openConfiguredDb({ dataDir, databaseUrl: undefined }, (line) => clean.push(line));
    await reopened.close();
    expect(clean).toEqual([]);
  });
});
