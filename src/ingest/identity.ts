/**
 * Identity resolution (T3): a source record names its customer by any one of customer
 * number, meter number, phone, ID card number or WeChat id; customer_identity maps each to
 * the one customer. Resolved set-based, one query per batch.
 */
import type { Queryable } from '../db/db.js';
import type { CustomerIdentity } from './records.js';
import { IDENTITY_COLUMNS } from './schemas.js';

/** undefined: the record names no customer; null: it names one that is not known (yet). */
export type Resolution = number | null | undefined;

export async function resolveCustomers(tx: Queryable, records: readonly CustomerIdentity[]): Promise<Resolution[]> {
  const kinds: string[] = [];
  const values: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const column of IDENTITY_COLUMNS) {
      const value = record[column];
      if (value === undefined || seen.has(`${column}\u0000${value}`)) continue;
      seen.add(`${column}\u0000${value}`);
      kinds.push(column);
      values.push(value);
    }
  }
  if (kinds.length === 0) return records.map(() => undefined);
  const found = await tx.query<{ kind: string; value: string; customer_id: number }>(
    `SELECT i.kind, i.value, ci.customer_id FROM unnest($1::text[], $2::text[]) AS i(kind, value)
     JOIN customer_identity ci ON ci.kind = i.kind AND ci.value = i.value`,
    [kinds, values],
  );
  const byKey = new Map(found.map((r) => [`${r.kind}\u0000${r.value}`, r.customer_id]));
  return records.map((record) => {
    let named = false;
    // The first identity column that resolves wins, in the documented order.
    for (const column of IDENTITY_COLUMNS) {
      const value = record[column];
      if (value === undefined) continue;
      named = true;
      const id = byKey.get(`${column}\u0000${value}`);
      if (id !== undefined) return id;
    }
    return named ? null : undefined;
  });
}

/** The identity a record names its customer by, as 'column:value' (first present column). */
export function namedIdentity(record: CustomerIdentity): string | undefined {
  for (const column of IDENTITY_COLUMNS) {
    const value = record[column];
    if (value !== undefined) return `${column}:${value}`;
  }
  return undefined;
}

export async function resolveEmployees(
  tx: Queryable,
  employeeNos: Iterable<string | undefined>,
): Promise<Map<string, number>> {
  const wanted = [...new Set([...employeeNos].filter((v): v is string => v !== undefined))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.query<{ employee_no: string; employee_id: number }>(
    'SELECT employee_no, employee_id FROM employee WHERE employee_no = ANY($1::text[])',
    [wanted],
  );
  return new Map(rows.map((r) => [r.employee_no, r.employee_id]));
}

export const unresolvedReason = (record: CustomerIdentity): string =>
  `unknown customer (${namedIdentity(record) ?? 'no identity'}): not in customer_identity`;
