import { type Actor, can, scopePattern } from '../auth/actor.js';
import type { Queryable } from '../db/db.js';
import { maskCustomerPii } from './masking.js';

export interface CustomerSearchQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface CustomerSummary {
  customerNo: string;
  name: string;
  customerType: string;
  orgUnit: { id: string; name: string };
  address: string | null;
  phone: string | null;
  important: boolean;
  special: boolean;
  /** A special customer the caller may not open: only number, unit and flags are shown. */
  restricted: boolean;
  status: string;
}

interface Row {
  customer_no: string;
  name: string;
  customer_type: string;
  org_unit_id: string;
  org_name: string;
  address: string | null;
  phone: string | null;
  important: boolean;
  special: boolean;
  status: string;
}

/**
 * q matches a customer number (prefix), a name (prefix), the last 4 digits of a phone, or
 * any identity exactly (meter number, full phone, ID number, WeChat id) via
 * customer_identity. Only customers inside the caller's scope are returned.
 */
export async function searchCustomers(db: Queryable, actor: Actor, query: CustomerSearchQuery) {
  const q = query.q?.trim() ?? '';
  const mayOpenSpecial = can(actor, 'customer:confidential');
  const params: unknown[] = [scopePattern(actor)];
  let match = 'TRUE';
  if (q !== '') {
    params.push(mayOpenSpecial, q, `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const byTail = /^\d{4}$/.test(q)
      ? `UNION SELECT customer_id FROM customer_identity WHERE kind = 'phone' AND right(value, 4) = $3`
      : '';
    // One indexed lookup per way of matching, united: an OR across them would scan every customer.
    // A name search does not reveal who is a special customer to a caller who may not open one.
    match = `c.customer_id IN (
      SELECT customer_id FROM customer WHERE customer_no LIKE $4
      UNION SELECT customer_id FROM customer WHERE name LIKE $4 AND (NOT special OR $2::boolean)
      UNION SELECT customer_id FROM customer_identity
        WHERE kind IN ('customer_no', 'meter_no', 'phone', 'id_number', 'wechat_id') AND value = $3
      ${byTail})`;
  }
  const from = `FROM customer c JOIN org_unit o ON o.org_unit_id = c.org_unit_id
    WHERE ($1 = '%' OR o.path LIKE $1) AND ${match}`;
  const n = params.length;
  const rows = await db.query<Row>(
    `SELECT c.customer_no, c.name, c.customer_type, c.org_unit_id, o.name AS org_name, c.address, c.phone,
       c.important, c.special, c.status
     ${from} ORDER BY c.customer_no LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  const items: CustomerSummary[] = rows.map((r) => {
    const restricted = r.special && !mayOpenSpecial;
    const masked = maskCustomerPii({ ...r, id_number: null, wechat_id: null });
    return {
      customerNo: r.customer_no,
      name: restricted ? '特殊客户' : masked.name,
      customerType: r.customer_type,
      orgUnit: { id: r.org_unit_id, name: r.org_name },
      address: restricted ? null : masked.address,
      phone: restricted ? null : masked.phone,
      important: r.important,
      special: r.special,
      restricted,
      status: r.status,
    };
  });
  return { items, total: count[0]?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
