/**
 * One process at a time on an embedded database. PGlite has no postmaster to refuse a second
 * opener: two processes on one folder (a `gridcare import` beside a running server, say) each
 * write pages the other does not know of, and the indexes no longer match their tables. So the
 * folder holds a pid file while it is open, as PostgreSQL's own data directory does. A pid file
 * whose process is gone tells the next opener that the last one did not close the database
 * (killed, crashed, power lost): PGlite replays its WAL, and the opener checks the indexes.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

export interface EmbeddedLock {
  /** The last process to open the folder ended without closing it. */
  readonly uncleanStop: boolean;
  release(): void;
}

export function lockFileOf(dataDir: string): string {
  return path.join(dataDir, 'gridcare.pid');
}

export function acquireEmbeddedLock(dataDir: string): EmbeddedLock {
  const file = lockFileOf(dataDir);
  let uncleanStop = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const [pidLine = '', since = ''] = readFileSync(file, 'utf8').split('\n');
      const pid = Number(pidLine);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
        throw new AppError(
          'DB_IN_USE',
          `The embedded database in ${dataDir} is open in process ${pid} (since ${since || 'an unknown time'}). ` +
            `Stop that process first. If no Gridcare process is running, delete ${file}.`,
          409,
          { dataDir, pid },
        );
      rmSync(file, { force: true });
      uncleanStop = true;
    }
  }
  let held = true;
  return {
    uncleanStop,
    release() {
      if (held) rmSync(file, { force: true });
      held = false;
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
