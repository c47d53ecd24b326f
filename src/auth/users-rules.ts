import type { Queryable } from '../db/db.js';
import { AppError } from '../errors.js';
import { isPermission, isRole, type Permission, type Role } from './permissions.js';

export const MIN_PASSWORD_LENGTH = 8;

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('USER_PASSWORD_TOO_SHORT', `The password needs at least ${MIN_PASSWORD_LENGTH} characters`, 400, {
      minLength: MIN_PASSWORD_LENGTH,
    });
  }
}

// Usernames appear in URLs (/api/v1/users/{username}) and in the audit log; keep them plain.
const USERNAME = /^[A-Za-z0-9_.@-]{1,64}$/;

export function checkUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw invalidField('username', username, 'may hold only letters, digits and _ . @ - (at most 64)');
  }
}

export function checkRole(role: string): Role {
  if (!isRole(role)) throw invalidField('role', role, 'is not a role');
  return role;
}

/** Extra grants are checked by name: a typo would otherwise be stored and silently ignored. */
export function checkPermissions(names: readonly string[]): Permission[] {
  const unknown = names.filter((name) => !isPermission(name));
  if (unknown.length > 0) throw invalidField('permissions', unknown.join(', '), 'is not a permission');
  return [...new Set(names as Permission[])].sort();
}

/** null = the whole company (unscoped). */
export async function checkOrgUnit(db: Queryable, orgUnitId: string | null): Promise<void> {
  if (orgUnitId === null) return;
  const rows = await db.query('SELECT 1 FROM org_unit WHERE org_unit_id = $1', [orgUnitId]);
  if (rows.length === 0) throw invalidField('orgUnitId', orgUnitId, 'is not an org unit');
}

export async function employeeIdOf(db: Queryable, employeeNo: string | null): Promise<number | null> {
  if (employeeNo === null) return null;
  const rows = await db.query<{ employee_id: number }>('SELECT employee_id FROM employee WHERE employee_no = $1', [employeeNo]);
  const found = rows[0];
  if (!found) throw invalidField('employeeNo', employeeNo, 'is not an employee number');
  return found.employee_id;
}

/**
 * Refuses a change that leaves no active admin: nobody could manage accounts afterwards.
 * Locks the admin rows so two concurrent demotions cannot both pass the check.
 */
export async function assertAnotherActiveAdmin(db: Queryable, userId: number): Promise<void> {
  const others = await db.query<{ user_id: number }>(
    `SELECT user_id FROM app_user WHERE role = 'admin' AND NOT disabled AND user_id <> $1 FOR UPDATE`,
    [userId],
  );
  if (others.length === 0) {
    throw new AppError(
      'USER_LAST_ADMIN',
      'This is the last active admin account; create or enable another admin before demoting or disabling it',
      409,
    );
  }
}

function invalidField(field: string, value: string, problem: string): AppError {
  return new AppError('USER_INVALID_FIELD', `${field}: '${value}' ${problem}`, 400, { field, value });
}
