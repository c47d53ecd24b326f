import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import type { Actor } from './actor.js';
import { isRole, permissionsOf } from './permissions.js';

export const SESSION_COOKIE = 'gridcare_session';
export const SESSION_HOURS = 12;

/** Only the SHA-256 of a token is stored, so a leaked session table opens no sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Queryable, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.query('DELETE FROM user_session WHERE user_id = $1 AND expires_at < now()', [userId]);
  await db.query('INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    hashToken(token),
    userId,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE token_hash = $1', [hashToken(token)]);
}

interface ActorRow {
  user_id: number;
  username: string;
  display_name: string;
  role: string;
  org_unit_id: string | null;
  org_name: string | null;
  org_path: string | null;
  employee_id: number | null;
  permissions: string[];
}

const ACTOR_SELECT = `SELECT u.user_id, u.username, u.display_name, u.role, u.org_unit_id, u.employee_id,
    u.permissions, o.name AS org_name, o.path AS org_path
  FROM app_user u LEFT JOIN org_unit o ON o.org_unit_id = u.org_unit_id`;

/** The actor behind a session token, or null when the token is unknown, expired or disabled. */
export async function findSessionActor(db: Queryable, token: string): Promise<Actor | null> {
  const rows = await db.query<ActorRow>(
    `${ACTOR_SELECT} JOIN user_session s ON s.user_id = u.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [hashToken(token)],
  );
  return rows[0] ? toActor(rows[0]) : null;
}

export async function findActorByUserId(db: Queryable, userId: number): Promise<Actor | null> {
  const rows = await db.query<ActorRow>(`${ACTOR_SELECT} WHERE u.user_id = $1`, [userId]);
  return rows[0] ? toActor(rows[0]) : null;
}

function toActor(row: ActorRow): Actor | null {
  if (!isRole(row.role)) return null;
  // An account scoped to a unit that has vanished sees nothing rather than everything.
  const orgPath = row.org_unit_id === null ? null : (row.org_path ?? `/__missing__/${row.org_unit_id}/`);
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_name,
    orgPath,
    employeeId: row.employee_id,
    permissions: permissionsOf(row.role, row.permissions),
  };
}

/** What the API tells a client about the logged-in account. */
export function describeActor(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    orgUnit: actor.orgUnitId === null ? null : { id: actor.orgUnitId, name: actor.orgUnitName },
    employeeId: actor.employeeId,
    permissions: [...actor.permissions].sort(),
  };
}
