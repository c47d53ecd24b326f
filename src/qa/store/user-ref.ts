import type { QaUserRef } from '../../api/qa-contract.js';

/** SQL columns naming an account: join `app_user <alias>` and select these. */
export const userColumns = (alias: string, prefix: string): string =>
  `${alias}.username AS ${prefix}_username, ${alias}.display_name AS ${prefix}_display_name`;

export function userRef(row: Record<string, unknown>, prefix: string): QaUserRef | null {
  const username = row[`${prefix}_username`];
  if (typeof username !== 'string') return null;
  return { username, displayName: String(row[`${prefix}_display_name`] ?? username) };
}

export const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();
