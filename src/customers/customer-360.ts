import type { Queryable } from '../db/db.js';
import type { CustomerRef } from './customer-access.js';
import { monthlyAccount } from './monthly-account.js';
import { maskCustomerPii } from './masking.js';
import { orgUnitChain } from './org-path.js';
import { listCustomerWorkOrders } from './work-orders.js';

interface HeaderRow {
  customer_no: string;
  name: string;
  customer_type: string;
  industry: string | null;
  voltage_level: string;
  contract_capacity_kva: number | null;
  status: string;
  opened_on: string | null;
  important: boolean;
  special: boolean;
  special_category: string | null;
  address: string | null;
  phone: string | null;
  id_number: string | null;
  wechat_id: string | null;
  ta_id: string | null;
  ta_name: string | null;
  feeder_id: string | null;
  feeder_name: string | null;
  substation_id: string | null;
  substation_name: string | null;
}

const ref = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** The customer 360 view (客户全景): header, monthly consumption and account, work orders, channels. */
export async function customer360(db: Queryable, customer: CustomerRef) {
  const headers = await db.query<HeaderRow>(
    `SELECT c.customer_no, c.name, c.customer_type, c.industry, c.voltage_level, c.contract_capacity_kva, c.status,
       c.opened_on, c.important, c.special, c.special_category, c.address, c.phone, c.id_number, c.wechat_id,
       ta.transformer_area_id AS ta_id, ta.name AS ta_name, f.feeder_id, f.name AS feeder_name,
       s.substation_id, s.name AS substation_name
     FROM customer c
     LEFT JOIN transformer_area ta ON ta.transformer_area_id = c.transformer_area_id
     LEFT JOIN feeder f ON f.feeder_id = ta.feeder_id
     LEFT JOIN substation s ON s.substation_id = f.substation_id
     WHERE c.customer_id = $1`,
    [customer.customerId],
  );
  const h = headers[0];
  if (!h) throw new Error(`customer ${customer.customerNo} vanished while being read`);
  const [orgUnits, meters, monthly, workOrders, channels] = await Promise.all([
    orgUnitChain(db, customer.orgPath),
    db.query<{ meter_no: string }>('SELECT meter_no FROM meter WHERE customer_id = $1 ORDER BY meter_no', [customer.customerId]),
    monthlyAccount(db, customer.customerId),
    listCustomerWorkOrders(db, customer.customerId, 10),
    db.query<{ channel: string; n: number; last_at: Date }>(
      `SELECT channel, count(*)::int AS n, max(occurred_at) AS last_at FROM trace WHERE customer_id = $1
       GROUP BY channel ORDER BY n DESC, channel`,
      [customer.customerId],
    ),
  ]);
  return {
    customer: {
      customerNo: h.customer_no,
      ...maskCustomerPii(h),
      customerType: h.customer_type,
      industry: h.industry,
      voltageLevel: h.voltage_level,
      contractCapacityKva: h.contract_capacity_kva,
      status: h.status,
      openedOn: h.opened_on,
      important: h.important,
      special: h.special,
      specialCategory: h.special_category,
      masked: true,
      orgUnits,
      topology: {
        transformerArea: ref(h.ta_id, h.ta_name),
        feeder: ref(h.feeder_id, h.feeder_name),
        substation: ref(h.substation_id, h.substation_name),
      },
      meters: meters.map((m) => m.meter_no),
    },
    monthly,
    recentWorkOrders: workOrders,
    channels: channels.map((c) => ({ channel: c.channel, count: c.n, lastAt: new Date(c.last_at).toISOString() })),
  };
}
