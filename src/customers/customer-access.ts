import { type Actor, can, requireInScope } from '../auth/actor.js';
import type { Queryable } from '../db/db.js';
import { AppError, notFound } from '../errors.js';

export interface CustomerRef {
  customerId: number;
  customerNo: string;
  orgUnitId: string;
  orgPath: string;
  special: boolean;
}

/**
 * Resolves a customer number for an actor, or throws: NOT_FOUND, AUTH_OUT_OF_SCOPE (403: the
 * number exists but belongs to another unit — staff know customer numbers, so hiding
 * existence buys little and a clear answer helps a misrouted caller), CUSTOMER_CONFIDENTIAL
 * (403: special customer without customer:confidential).
 */
export async function resolveCustomerFor(db: Queryable, actor: Actor, customerNo: string): Promise<CustomerRef> {
  const rows = await db.query<{ customer_id: number; customer_no: string; org_unit_id: string; path: string; special: boolean }>(
    `SELECT c.customer_id, c.customer_no, c.org_unit_id, o.path, c.special
     FROM customer c JOIN org_unit o ON o.org_unit_id = c.org_unit_id WHERE c.customer_no = $1`,
    [customerNo],
  );
  const row = rows[0];
  if (!row) throw notFound(`Customer ${customerNo}`);
  requireInScope(actor, row.path, `Customer ${customerNo}`);
  assertMayViewSpecial(actor, row.special, customerNo);
  return { customerId: row.customer_id, customerNo: row.customer_no, orgUnitId: row.org_unit_id, orgPath: row.path, special: row.special };
}

export function assertMayViewSpecial(actor: Actor, special: boolean, customerNo: string): void {
  if (special && !can(actor, 'customer:confidential')) {
    throw new AppError(
      'CUSTOMER_CONFIDENTIAL',
      `Customer ${customerNo} is a special customer (特殊客户); ask a manager with customer:confidential`,
      403,
      { customerNo },
    );
  }
}
