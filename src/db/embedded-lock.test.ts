import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { acquireEmbeddedLock, lockFileOf } from './embedded-lock.js';

const folder = () => mkdtempSync(path.join(tmpdir(), 'gridcare-lock-'));

/** A pid that no process holds any more: a child that has exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (!child.pid) throw new Error('no child pid');
  return child.pid;
};

describe('the embedded database lock', () => {
  it('holds the folder with its pid, refuses a second opener by name, and lets go on release', () => {
    const dir = folder();
    const lock = acquireEmbeddedLock(dir);
    expect(lock.uncleanStop).toBe(false);
    expect(readFileSync(lockFileOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
    let refused: unknown;
    try {
      acquireEmbeddedLock(dir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('DB_IN_USE');
    expect((refused as AppError).message).toContain(`process ${process.pid}`);
    expect((refused as AppError).message).toContain(lockFileOf(dir));
    lock.release();
    expect(existsSync(lockFileOf(dir))).toBe(false);
    const again = acquireEmbeddedLock(dir);
    expect(again.uncleanStop).toBe(false);
    again.release();
  });

  it("takes over a dead process's pid file and says the last stop was unclean", () => {
    const dir = folder();
    const pid = deadPid();
    writeFileSync(lockFileOf(dir), `${pid}\n2026-12-07T10:00:00.000Z\n`);
    const lock = acquireEmbeddedLock(dir);
    expect(lock.uncleanStop).toBe(true);
    expect(readFileSync(lockFileOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
    lock.release();
  });

  it('treats an unreadable pid file as left behind', () => {
    const dir = folder();
    writeFileSync(lockFileOf(dir), 'not a pid\n');
    const lock = acquireEmbeddedLock(dir);
    expect(lock.uncleanStop).toBe(true);
    lock.release();
  });
});
