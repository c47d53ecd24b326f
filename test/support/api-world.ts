import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../src/db/db.js';
import { createAccount } from '../../src/auth/accounts.js';
import type { Role } from '../../src/auth/permissions.js';
import type { GridcareApp } from '../../src/api/types.js';

/** Test data for the API, inserted with plain SQL (not the demo generator). */
export const uid = (prefix = '') => `${prefix}${randomBytes(5).toString('hex')}`;

/** The demo world's org ids: company HN, city HN01, counties HN0101 / HN0102, station, grid. */
export async function seedOrgUnits(db: Queryable): Promise<void> {
  await db.query(
    `INSERT INTO org_unit (org_unit_id, parent_id, level, name, path) VALUES
      ('HN', NULL, 'company', '湖南省电力公司', '/HN/'),
      ('HN01', 'HN', 'city', '长沙供电公司', '/HN/HN01/'),
      ('HN0101', 'HN01', 'county', '岳麓区供电公司', '/HN/HN01/HN0101/'),
      ('HN0102', 'HN01', 'county', '长沙县供电公司', '/HN/HN01/HN0102/'),
      ('HN010101', 'HN0101', 'station', '麓山供电所', '/HN/HN01/HN0101/HN010101/'),
      ('HN01010101', 'HN010101', 'grid', '麓山一网格', '/HN/HN01/HN0101/HN010101/HN01010101/')
     ON CONFLICT (org_unit_id) DO NOTHING`,
  );
}

export interface TestCustomer {
  customerId: number;
  customerNo: string;
  name: string;
  phone: string;
  idNumber: string;
  address: string;
}

export async function insertCustomer(
  db: Queryable,
  options: { orgUnitId?: string; special?: boolean; name?: string; customerType?: 'residential' | 'non_residential'; meterNo?: string } = {},
): Promise<TestCustomer> {
  const customerNo = uid('C');
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const idNumber = `430104${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  const address = '湖南省长沙市岳麓区麓山南路12号';
  const name = options.name ?? `张${uid().slice(0, 3)}明`;
  const rows = await db.query<{ customer_id: number }>(
    `INSERT INTO customer (customer_no, name, customer_type, org_unit_id, address, phone, id_number, wechat_id, special, special_category)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING customer_id`,
    [customerNo, name, options.customerType ?? 'residential', options.orgUnitId ?? 'HN01010101', address, phone, idNumber,
      `wx_${customerNo}`, options.special ?? false, options.special ? 'public_figure' : null],
  );
  const customerId = rows[0]?.customer_id as number;
  await db.query(
    `INSERT INTO customer_identity (kind, value, customer_id) VALUES ('customer_no', $1, $3), ('phone', $2, $3)`,
    [customerNo, phone, customerId],
  );
  if (options.meterNo) {
    await db.query('INSERT INTO meter (meter_no, customer_id) VALUES ($1, $2)', [options.meterNo, customerId]);
    await db.query(`INSERT INTO customer_identity (kind, value, customer_id) VALUES ('meter_no', $1, $2)`, [options.meterNo, customerId]);
  }
  return { customerId, customerNo, name, phone, idNumber, address };
}

export async function insertEmployee(db: Queryable, options: { orgUnitId?: string; post?: string; name?: string } = {}) {
  const employeeNo = uid('E');
  const rows = await db.query<{ employee_id: number }>(
    `INSERT INTO employee (employee_no, name, post, org_unit_id, phone) VALUES ($1, $2, $3, $4, '13700001111') RETURNING employee_id`,
    [employeeNo, options.name ?? '李工', options.post ?? 'agent_95598', options.orgUnitId ?? 'HN01010101'],
  );
  return { employeeId: rows[0]?.employee_id as number, employeeNo };
}

export interface TraceInput {
  occurredAt: string;
  traceType: string;
  channel: string;
  direction?: string;
  customerId?: number | null;
  employeeId?: number | null;
  caseId?: string | null;
  topic?: string | null;
  attributes?: Record<string, unknown>;
}

export async function insertTrace(db: Queryable, t: TraceInput): Promise<number> {
  await db.query('SELECT ensure_trace_partition($1::date)', [`${t.occurredAt.slice(0, 7)}-01`]);
  const rows = await db.query<{ trace_id: number }>(
    `INSERT INTO trace (occurred_at, trace_type, channel, direction, customer_id, employee_id, case_id, topic, source, source_id, attributes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'test', $9, $10::jsonb) RETURNING trace_id`,
    [t.occurredAt, t.traceType, t.channel, t.direction ?? 'inbound', t.customerId ?? null, t.employeeId ?? null, t.caseId ?? null,
      t.topic ?? null, uid('S'), JSON.stringify(t.attributes ?? {})],
  );
  return rows[0]?.trace_id as number;
}

export const TEST_PASSWORD = 'Test-Password-2026';

export async function createUser(
  db: Queryable,
  role: Role,
  orgUnitId: string | null,
  options: { permissions?: string[]; employeeId?: number } = {},
): Promise<{ username: string; password: string }> {
  const username = uid(`${role}_`);
  await createAccount(db, {
    username, displayName: `测试${role}`, password: TEST_PASSWORD, role, orgUnitId,
    permissions: options.permissions ?? [], employeeId: options.employeeId ?? null,
  });
  return { username, password: TEST_PASSWORD };
}

/** Logs in and returns the Cookie header value of the session. */
export async function loginAs(app: GridcareApp, user: { username: string; password: string }): Promise<string> {
  const reply = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: user });
  if (reply.statusCode !== 200) throw new Error(`login of ${user.username} failed: ${reply.statusCode} ${reply.body}`);
  const cookie = reply.cookies.find((c) => c.name === 'gridcare_session');
  if (!cookie) throw new Error('no session cookie');
  return `gridcare_session=${cookie.value}`;
}

/** A user of the role, logged in: the cookie to send. */
export async function sessionFor(db: Db, app: GridcareApp, role: Role, orgUnitId: string | null, options: { permissions?: string[] } = {}) {
  return loginAs(app, await createUser(db, role, orgUnitId, options));
}
