import type { Config } from '../config/config.js';
import type { Queryable } from '../db/db.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { Role } from './permissions.js';

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  orgUnitId: string | null;
  employeeId?: number | null;
  permissions?: readonly string[];
}

/** Inserts an account unless the username exists; returns whether it was created. */
export async function createAccount(db: Queryable, account: NewAccount): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, employee_id, permissions)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING user_id`,
    [
      account.username,
      account.displayName,
      await hashPassword(account.password),
      account.role,
      account.orgUnitId,
      account.employeeId ?? null,
      [...(account.permissions ?? [])],
    ],
  );
  return rows.length > 0;
}

export interface EnsureAdminResult {
  created: boolean;
  /** Set only when the password was generated here: shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * Creates the `admin` account on first start: scoped to the company root when one exists
 * (which still sees everything), else unscoped. GRIDCARE_ADMIN_PASSWORD sets the password;
 * without it a random one is generated for the caller to print once.
 */
export async function ensureAdmin(db: Queryable, config: Pick<Config, 'adminPassword'>): Promise<EnsureAdminResult> {
  const existing = await db.query("SELECT 1 FROM app_user WHERE username = 'admin'");
  if (existing.length > 0) return { created: false };
  const root = await db.query<{ org_unit_id: string }>(
    "SELECT org_unit_id FROM org_unit WHERE parent_id IS NULL AND level = 'company' ORDER BY org_unit_id",
  );
  // Two company roots would make one of them invisible to a root-scoped admin.
  const orgUnitId = root.length === 1 ? (root[0]?.org_unit_id ?? null) : null;
  const password = config.adminPassword ?? generatePassword();
  const created = await createAccount(db, {
    username: 'admin',
    displayName: '系统管理员',
    password,
    role: 'admin',
    orgUnitId,
  });
  return config.adminPassword || !created ? { created } : { created, generatedPassword: password };
}
