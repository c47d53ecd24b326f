import type { Queryable } from '../db/db.js';
import { createAccount } from './accounts.js';
import type { Role } from './permissions.js';

/** The one password of every demo account (docs/security.md lists the accounts). */
export const DEMO_PASSWORD = 'Gridcare2026!';

type Level = 'company' | 'city' | 'county' | 'station' | 'grid';

interface DemoAccountSpec {
  username: string;
  displayName: string;
  role: Role;
  scopeLevel: Level;
  /** Employee post to link the account to: one at the scope unit itself first, else below it. */
  employeePost?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { username: 'manager', displayName: '市公司经理（演示）', role: 'manager', scopeLevel: 'city', employeePost: 'manager' },
  { username: 'county_manager', displayName: '县公司经理（演示）', role: 'manager', scopeLevel: 'county', employeePost: 'manager' },
  { username: 'agent', displayName: '95598坐席（演示）', role: 'agent', scopeLevel: 'company', employeePost: 'agent_95598' },
  { username: 'hall', displayName: '营业厅柜员（演示）', role: 'hall_staff', scopeLevel: 'county', employeePost: 'hall_staff' },
  { username: 'grid', displayName: '网格经理（演示）', role: 'grid_manager', scopeLevel: 'grid', employeePost: 'grid_manager' },
  { username: 'qa', displayName: '质检员（演示）', role: 'qa_inspector', scopeLevel: 'company', employeePost: 'qa_inspector' },
];

export interface SeededAccount {
  username: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  employeeNo: string | null;
  created: boolean;
}

/**
 * One account per role, scoped to the first org unit (by id) of the matching level: the
 * first city for the city manager, the first grid for the grid manager … Accounts whose
 * level has no unit are skipped; existing usernames are left untouched.
 */
export async function seedDemoAccounts(db: Queryable): Promise<SeededAccount[]> {
  const seeded: SeededAccount[] = [];
  for (const spec of DEMO_ACCOUNTS) {
    const units = await db.query<{ org_unit_id: string; name: string; path: string }>(
      'SELECT org_unit_id, name, path FROM org_unit WHERE level = $1 ORDER BY org_unit_id LIMIT 1',
      [spec.scopeLevel],
    );
    const unit = units[0];
    if (!unit) continue;
    let employee: { employee_id: number; employee_no: string } | undefined;
    if (spec.employeePost) {
      const found = await db.query<{ employee_id: number; employee_no: string }>(
        `SELECT e.employee_id, e.employee_no FROM employee e JOIN org_unit o ON o.org_unit_id = e.org_unit_id
         WHERE e.post = $1 AND e.status = 'active' AND left(o.path, length($2)) = $2
         ORDER BY (e.org_unit_id = $3) DESC, e.employee_no LIMIT 1`,
        [spec.employeePost, unit.path, unit.org_unit_id],
      );
      employee = found[0];
    }
    const created = await createAccount(db, {
      username: spec.username,
      displayName: spec.displayName,
      password: DEMO_PASSWORD,
      role: spec.role,
      orgUnitId: unit.org_unit_id,
      employeeId: employee?.employee_id ?? null,
    });
    seeded.push({
      username: spec.username,
      role: spec.role,
      orgUnitId: unit.org_unit_id,
      orgUnitName: unit.name,
      employeeNo: employee?.employee_no ?? null,
      created,
    });
  }
  return seeded;
}
