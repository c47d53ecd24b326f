import type { Queryable } from '../db/db.js';
import { AppError } from '../errors.js';

/**
 * Failed-login windows per username and per client address, in the login_failure table so
 * that every API process and a restart see the same counts. A username locks after 5
 * failures in 10 minutes (guessing one account); an address after 20 (a whole office may sit
 * behind one NAT address, so it gets more room).
 */
export const LOGIN_WINDOW_MINUTES = 10;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_IP = 20;

const keys = (username: string, ip: string) => ({ user: `user:${username.toLowerCase()}`, ip: `ip:${ip}` });

/** Throws AUTH_RATE_LIMITED (with retry-after seconds) while either window is full. */
export async function assertLoginAllowed(db: Queryable, username: string, ip: string): Promise<void> {
  const k = keys(username, ip);
  const rows = await db.query<{ key: string; failures: number; oldest: Date }>(
    `SELECT key, count(*)::int AS failures, min(at) AS oldest FROM login_failure
     WHERE key IN ($1, $2) AND at > now() - make_interval(mins => $3) GROUP BY key`,
    [k.user, k.ip, LOGIN_WINDOW_MINUTES],
  );
  for (const row of rows) {
    const limit = row.key === k.user ? MAX_FAILURES_PER_USER : MAX_FAILURES_PER_IP;
    if (row.failures >= limit) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((new Date(row.oldest).getTime() + LOGIN_WINDOW_MINUTES * 60_000 - Date.now()) / 1000),
      );
      throw new AppError(
        'AUTH_RATE_LIMITED',
        `Too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
        429,
        { retryAfterSeconds, limitedBy: row.key === k.user ? 'username' : 'address' },
      );
    }
  }
}

export async function recordLoginFailure(db: Queryable, username: string, ip: string): Promise<void> {
  const k = keys(username, ip);
  await db.query(
    `DELETE FROM login_failure WHERE key IN ($1, $2) AND at < now() - make_interval(mins => $3)`,
    [k.user, k.ip, LOGIN_WINDOW_MINUTES],
  );
  await db.query('INSERT INTO login_failure (key) VALUES ($1), ($2)', [k.user, k.ip]);
}

/** A successful login clears the username's window (not the address's). */
export async function clearLoginFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_failure WHERE key = $1', [keys(username, '').user]);
}
