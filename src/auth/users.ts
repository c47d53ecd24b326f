import type { Queryable } from '../db/db.js';
import { AppError, notFound } from '../errors.js';
import type { AuditEntry } from './audit-log.js';
import { hashPassword } from './passwords.js';
import { permissionsOf, type Role } from './permissions.js';
import {
  assertAnotherActiveAdmin,
  checkOrgUnit,
  checkPassword,
  checkPermissions,
  checkRole,
  checkUsername,
  employeeIdOf,
} from './users-rules.js';

/** Records one account change; the API writes it as the logged-in admin, the CLI as nobody. */
export type RecordAudit = (db: Queryable, entry: AuditEntry) => Promise<void>;

/** An account as an administrator sees it; never the password hash. */
export interface UserAccount {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string | null;
  /** Extra grants beyond the role's. */
  permissions: string[];
  /** Everything the account may do: the role's permissions plus the extra grants. */
  effectivePermissions: string[];
  employeeNo: string | null;
  disabled: boolean;
  createdAt: string;
}

interface UserRow {
  user_id: number;
  username: string;
  display_name: string;
  role: Role;
  org_unit_id: string | null;
  permissions: string[];
  employee_no: string | null;
  disabled: boolean;
  created_at: Date;
}

const USER_SELECT = `SELECT u.user_id, u.username, u.display_name, u.role, u.org_unit_id, u.permissions,
    e.employee_no, u.disabled, u.created_at
  FROM app_user u LEFT JOIN employee e ON e.employee_id = u.employee_id`;

function toAccount(row: UserRow): UserAccount {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgUnitId: row.org_unit_id,
    permissions: [...row.permissions].sort(),
    effectivePermissions: [...permissionsOf(row.role, row.permissions)].sort(),
    employeeNo: row.employee_no,
    disabled: row.disabled,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listUsers(db: Queryable): Promise<UserAccount[]> {
  const rows = await db.query<UserRow>(`${USER_SELECT} ORDER BY u.username`);
  return rows.map(toAccount);
}

async function findUserRow(db: Queryable, username: string, lock = false): Promise<UserRow> {
  const rows = await db.query<UserRow>(`${USER_SELECT} WHERE u.username = $1${lock ? ' FOR UPDATE OF u' : ''}`, [username]);
  const row = rows[0];
  if (!row) throw notFound(`Account ${username}`);
  return row;
}

export async function getUser(db: Queryable, username: string): Promise<UserAccount> {
  return toAccount(await findUserRow(db, username));
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  orgUnitId: string | null;
  permissions?: readonly string[] | undefined;
  employeeNo?: string | null | undefined;
  password: string;
}

export async function addUser(db: Queryable, input: NewUser, audit: RecordAudit): Promise<UserAccount> {
  checkUsername(input.username);
  const role = checkRole(input.role);
  const permissions = checkPermissions(input.permissions ?? []);
  checkPassword(input.password);
  await checkOrgUnit(db, input.orgUnitId);
  const employeeId = await employeeIdOf(db, input.employeeNo ?? null);
  const passwordHash = await hashPassword(input.password);
  const inserted = await db.query<{ user_id: number }>(
    `INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, employee_id, permissions)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING user_id`,
    [input.username, input.displayName, passwordHash, role, input.orgUnitId, employeeId, permissions],
  );
  if (inserted.length === 0) {
    throw new AppError('USER_EXISTS', `An account named ${input.username} already exists; choose another username`, 409, {
      username: input.username,
    });
  }
  const after = await getUser(db, input.username);
  await audit(db, { action: 'user_create', subjectType: 'app_user', subjectId: input.username, detail: { before: null, after } });
  return after;
}

export interface UserChange {
  displayName?: string | undefined;
  role?: string | undefined;
  orgUnitId?: string | null | undefined;
  permissions?: readonly string[] | undefined;
  disabled?: boolean | undefined;
}

/** Call inside a transaction: the last-admin check and the update must see the same rows. */
export async function changeUser(db: Queryable, username: string, change: UserChange, audit: RecordAudit): Promise<UserAccount> {
  const row = await findUserRow(db, username, true);
  const before = toAccount(row);
  const role = change.role === undefined ? row.role : checkRole(change.role);
  const permissions = change.permissions === undefined ? row.permissions : checkPermissions(change.permissions);
  const orgUnitId = change.orgUnitId === undefined ? row.org_unit_id : change.orgUnitId;
  if (change.orgUnitId !== undefined) await checkOrgUnit(db, orgUnitId);
  const disabled = change.disabled ?? row.disabled;
  const wasActiveAdmin = row.role === 'admin' && !row.disabled;
  if (wasActiveAdmin && (role !== 'admin' || disabled)) await assertAnotherActiveAdmin(db, row.user_id);
  await db.query(
    `UPDATE app_user SET display_name = $2, role = $3, org_unit_id = $4, permissions = $5, disabled = $6 WHERE user_id = $1`,
    [row.user_id, change.displayName ?? row.display_name, role, orgUnitId, permissions, disabled],
  );
  // The session lookup refuses disabled accounts already; deleting the rows makes it final.
  if (disabled && !row.disabled) await endSessions(db, row.user_id);
  const after = await getUser(db, username);
  await audit(db, { action: 'user_change', subjectType: 'app_user', subjectId: username, detail: { before, after } });
  return after;
}

/** An administrator's reset: the old password and every open session stop working. */
export async function resetPassword(db: Queryable, username: string, password: string, audit: RecordAudit): Promise<void> {
  checkPassword(password);
  const row = await findUserRow(db, username, true);
  await db.query('UPDATE app_user SET password_hash = $2 WHERE user_id = $1', [row.user_id, await hashPassword(password)]);
  const ended = await endSessions(db, row.user_id);
  // Only the fact of the reset is audited, never the password or its hash.
  await audit(db, {
    action: 'user_password_reset',
    subjectType: 'app_user',
    subjectId: username,
    detail: { sessionsEnded: ended },
  });
}

async function endSessions(db: Queryable, userId: number): Promise<number> {
  const rows = await db.query('DELETE FROM user_session WHERE user_id = $1 RETURNING token_hash', [userId]);
  return rows.length;
}
