import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../auth/audit-log.js';
import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import type { CustomerRef } from './customer-access.js';
import type { PiiField } from './masking.js';

const COLUMN: Record<PiiField, string> = {
  name: 'name',
  phone: 'phone',
  id_number: 'id_number',
  address: 'address',
  wechat_id: 'wechat_id',
};

/**
 * Returns the plain values of the asked fields and records who saw what, when and why in the
 * same transaction: no audit row, no values.
 */
export async function unmaskCustomer(
  db: Db,
  actor: Actor,
  customer: CustomerRef,
  fields: readonly PiiField[],
  reason: string,
): Promise<Partial<Record<PiiField, string | null>>> {
  const why = reason.trim();
  if (why.length === 0) {
    throw new AppError('PII_REASON_REQUIRED', 'State why you need the personal data (reason)', 400, { field: 'body.reason' });
  }
  const unique = [...new Set(fields)];
  return db.transaction(async (tx) => {
    const rows = await tx.query<Record<string, string | null>>(
      `SELECT ${unique.map((f) => COLUMN[f]).join(', ')} FROM customer WHERE customer_id = $1`,
      [customer.customerId],
    );
    await writeAudit(tx, actor, {
      action: 'pii_unmask',
      subjectType: 'customer',
      subjectId: customer.customerNo,
      reason: why,
      detail: { fields: unique },
    });
    const row = rows[0] ?? {};
    return Object.fromEntries(unique.map((f) => [f, row[COLUMN[f]] ?? null]));
  });
}
