import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES } from './helpers.js';

/**
 * A folder big enough that a kill -9 lands mid-file: the examples' topology and employees,
 * then generated customers, meters, bills (some naming unknown customers: quarantine),
 * payments, daily readings (month rows merged read-modify-write) and work orders.
 */
export function writeCrashDataset(dir: string, customers: number): void {
  mkdirSync(dir, { recursive: true });
  for (const name of [
    'org_units.csv',
    'substations.csv',
    'feeders.csv',
    'transformer_areas.csv',
    'employees-2026-10.xlsx',
  ]) {
    copyFileSync(path.join(EXAMPLES, name), path.join(dir, name));
  }
  const areas = ['TA-01', 'TA-02', 'TA-03'];
  const no = (i: number) => `K${String(i).padStart(6, '0')}`;
  const lines = (header: string, count: number, row: (i: number) => string) =>
    `${header}\n${Array.from({ length: count }, (_, i) => row(i)).join('\n')}\n`;
  writeFileSync(
    path.join(dir, 'customers.csv'),
    lines(
      'customer_no,name,customer_type,org_unit_id,transformer_area_id,phone',
      customers,
      (i) => `${no(i)},客户${i},residential,HN-CS-01-S1-G1,${areas[i % 3]},139${String(i).padStart(8, '0')}`,
    ),
  );
  writeFileSync(
    path.join(dir, 'meters.csv'),
    lines('meter_no,customer_no,transformer_area_id', customers, (i) => `M-${no(i)},${no(i)},${areas[i % 3]}`),
  );
  writeFileSync(
    path.join(dir, 'bills.csv'),
    lines(
      'bill_no,customer_no,period,kwh,amount,issued_on,due_date',
      customers,
      (i) =>
        `BL-${i},${i % 50 === 49 ? `UNKNOWN-${i}` : no(i)},2026-09,${100 + (i % 400)},${((100 + (i % 400)) * 0.588).toFixed(2)},2026-10-01,2026-10-25`,
    ),
  );
  writeFileSync(
    path.join(dir, 'payments.csv'),
    lines(
      'payment_no,phone,bill_no,amount,channel,paid_at',
      customers,
      (i) =>
        `PY-${i},139${String(i).padStart(8, '0')},BL-${i},${((100 + (i % 400)) * 0.588).toFixed(2)},${['app', 'wechat', 'hall', 'bank'][i % 4]},2026-10-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`,
    ),
  );
  const readingCustomers = Math.ceil(customers / 3);
  writeFileSync(
    path.join(dir, 'readings.csv'),
    lines('meter_no,date,kwh,peak_kwh', readingCustomers * 6, (i) => {
      const c = Math.floor(i / 6);
      return `M-${no(c)},2026-10-${String(1 + (i % 6)).padStart(2, '0')},${(5 + (i % 17) * 0.5).toFixed(1)},${(2 + (i % 5)).toFixed(1)}`;
    }),
  );
  writeFileSync(
    path.join(dir, 'work_orders.csv'),
    lines(
      'order_no,customer_no,order_type,topic_code,status,channel,created_at,responsible_employee_no',
      Math.ceil(customers / 4),
      (i) =>
        `WK-${i},${no(i * 4)},${['repair', 'complaint', 'consultation'][i % 3]},${['outage', 'fee', 'meter'][i % 3]},closed,phone_95598,2026-10-${String(1 + (i % 28)).padStart(2, '0')} 09:30:00,E00${1 + (i % 3)}`,
    ),
  );
  writeFileSync(
    path.join(dir, 'outages.csv'),
    lines(
      'outage_id,kind,scope_level,scope_id,started_at,restored_at',
      6,
      (i) =>
        `OT-${i},fault,transformer_area,${areas[i % 3]},2026-10-${String(10 + i).padStart(2, '0')} 08:00:00,2026-10-${String(10 + i).padStart(2, '0')} 12:00:00`,
    ),
  );
}
