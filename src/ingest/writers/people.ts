/** Customers, meters (SG186) and employees (HR), with the identities they bring (T3). */
import type { Queryable } from '../../db/db.js';
import { type KindWriter, outcomeOf, reject } from '../batch.js';
import { type UpsertSpec, upsert } from '../sql.js';
import { checkReferences, upsertChecked } from './topology.js';

const col = (name: string, type = 'text', fallback?: string) => (fallback ? { name, type, fallback } : { name, type });

const CUSTOMER: UpsertSpec = {
  table: 'customer',
  key: ['customer_no'],
  columns: [
    col('customer_no'),
    col('name'),
    col('customer_type'),
    col('industry'),
    col('voltage_level', 'text', "'220V'"),
    col('contract_capacity_kva', 'numeric'),
    col('org_unit_id'),
    col('transformer_area_id'),
    col('address'),
    col('phone'),
    col('id_number'),
    col('wechat_id'),
    col('important', 'boolean', 'false'),
    col('special', 'boolean', 'false'),
    col('special_category'),
    col('opened_on', 'date'),
    col('status', 'text', "'active'"),
    col('source'),
  ],
  touch: true,
  returning: ['customer_id'],
};

export const writeCustomers: KindWriter<'customers'> = async (tx, ctx, items) => {
  const { accepted, rejected } = await checkReferences(tx, items, [
    { field: 'org_unit_id', table: 'org_unit', column: 'org_unit_id', what: 'org unit' },
    {
      field: 'transformer_area_id',
      table: 'transformer_area',
      column: 'transformer_area_id',
      what: 'transformer area',
    },
  ]);
  const written = await upsert(
    tx,
    CUSTOMER,
    accepted.map((i) => ({ ...i.record, source: ctx.source })),
  );
  // Identities change only with their customer row: unchanged rows keep the ones they have.
  const idOf = new Map(written.rows.map((r) => [String(r.customer_no), String(r.customer_id)]));
  const identities: { kind: string; value: string; key: string }[] = [];
  for (const { record } of accepted) {
    const customerId = idOf.get(record.customer_no);
    if (customerId === undefined) continue;
    for (const kind of ['customer_no', 'phone', 'id_number', 'wechat_id'] as const) {
      const value = record[kind];
      if (value !== undefined) identities.push({ kind, value, key: customerId });
    }
  }
  await writeIdentities(tx, identities);
  return outcomeOf(accepted.length, written, rejected);
};

/**
 * Points each (kind, value) at its customer. A value shared by two customers (a family phone)
 * belongs to the one named last; an old phone keeps naming its customer after a change, so
 * older records still resolve.
 */
async function writeIdentities(
  tx: Queryable,
  identities: readonly { kind: string; value: string; key: string }[],
): Promise<void> {
  const last = new Map(identities.map((i) => [`${i.kind}\u0000${i.value}`, i]));
  if (last.size === 0) return;
  const rows = [...last.values()];
  await tx.query(
    `INSERT INTO customer_identity (kind, value, customer_id)
     SELECT i.kind, i.value, i.key::bigint FROM unnest($1::text[], $2::text[], $3::text[]) AS i(kind, value, key)
     ON CONFLICT (kind, value) DO UPDATE SET customer_id = EXCLUDED.customer_id
     WHERE customer_identity.customer_id IS DISTINCT FROM EXCLUDED.customer_id`,
    [rows.map((r) => r.kind), rows.map((r) => r.value), rows.map((r) => r.key)],
  );
}

const METER: UpsertSpec = {
  table: 'meter',
  key: ['meter_no'],
  columns: [
    col('meter_no'),
    col('customer_id', 'bigint'),
    col('transformer_area_id'),
    col('installed_on', 'date'),
    col('multiplier', 'numeric', '1'),
    col('source'),
  ],
  touch: true,
};

export const writeMeters: KindWriter<'meters'> = async (tx, ctx, items) => {
  const checked = await checkReferences(tx, items, [
    {
      field: 'transformer_area_id',
      table: 'transformer_area',
      column: 'transformer_area_id',
      what: 'transformer area',
    },
  ]);
  const customers = await tx.query<{ customer_no: string; customer_id: number }>(
    'SELECT customer_no, customer_id FROM customer WHERE customer_no = ANY($1::text[])',
    [[...new Set(checked.accepted.map((i) => i.record.customer_no))]],
  );
  const idOf = new Map(customers.map((c) => [c.customer_no, c.customer_id]));
  const rejected = [...checked.rejected];
  const accepted = checked.accepted.filter((item) => {
    if (idOf.has(item.record.customer_no)) return true;
    rejected.push(reject(item, 'customer_no', `unknown customer '${item.record.customer_no}'`));
    return false;
  });
  const written = await upsert(
    tx,
    METER,
    accepted.map((i) => ({ ...i.record, customer_id: idOf.get(i.record.customer_no), source: ctx.source })),
  );
  const changed = new Set(written.rows.map((r) => String(r.meter_no)));
  await writeIdentities(
    tx,
    accepted
      .filter((i) => changed.has(i.record.meter_no))
      .map((i) => ({ kind: 'meter_no', value: i.record.meter_no, key: String(idOf.get(i.record.customer_no)) })),
  );
  return outcomeOf(accepted.length, written, rejected);
};

const EMPLOYEE: UpsertSpec = {
  table: 'employee',
  key: ['employee_no'],
  columns: [
    col('employee_no'),
    col('name'),
    col('post'),
    col('org_unit_id'),
    col('hire_date', 'date'),
    col('birth_year', 'integer'),
    col('gender'),
    col('skill_level', 'integer'),
    col('phone'),
    col('status', 'text', "'active'"),
    col('source'),
  ],
  touch: true,
};

export const writeEmployees: KindWriter<'employees'> = (tx, ctx, items) =>
  upsertChecked(tx, ctx.source, EMPLOYEE, items, [
    { field: 'org_unit_id', table: 'org_unit', column: 'org_unit_id', what: 'org unit' },
  ]);
