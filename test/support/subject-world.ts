import type { Queryable } from '../../src/db/db.js';
import { insertCustomer, insertEmployee, insertTrace, uid } from './api-world.js';

/**
 * A small world for employee and area portraits, with random ids: a station with two grids
 * under county HN0101 (one feeder, a transformer area per grid), a second station under
 * HN0102 (out of a HN0101 manager's scope), a grid manager with planted operation
 * violations and complaints, and outages. Needs seedOrgUnits() first.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

export interface SubjectWorld {
  station: string;
  grid1: string;
  grid2: string;
  otherStation: string;
  otherGrid: string;
  feeder: string;
  area1: string;
  area2: string;
  otherArea: string;
  /** Customers of area1 (4), area2 (2) and otherArea (2). */
  customers1: number[];
  customers2: number[];
  otherCustomers: number[];
  gridManager: { employeeId: number; employeeNo: string };
  agent: { employeeId: number; employeeNo: string };
  /** Operation ids of the three breaches: disconnection without notice, with 3 days' notice, reconnection 30 h after payment. */
  breaches: { noNotice: string; shortNotice: string; lateReconnection: string };
  outages: { feederFault: string; areaFault: string; planned: string };
}

async function orgUnit(db: Queryable, id: string, parent: string, level: string, parentPath: string) {
  await db.query('INSERT INTO org_unit (org_unit_id, parent_id, level, name, path) VALUES ($1, $2, $3, $4, $5)', [
    id,
    parent,
    level,
    `${level}-${id}`,
    `${parentPath}${id}/`,
  ]);
  return `${parentPath}${id}/`;
}

async function topology(db: Queryable, station: string, grids: string[]) {
  const substation = uid('SS');
  const feeder = uid('F');
  await db.query("INSERT INTO substation (substation_id, name, org_unit_id) VALUES ($1, '变电站', $2)", [
    substation,
    station,
  ]);
  await db.query("INSERT INTO feeder (feeder_id, name, substation_id, org_unit_id) VALUES ($1, '10kV线', $2, $3)", [
    feeder,
    substation,
    station,
  ]);
  const areas: string[] = [];
  for (const grid of grids) {
    const area = uid('TA');
    await db.query(
      "INSERT INTO transformer_area (transformer_area_id, name, feeder_id, org_unit_id) VALUES ($1, '公变', $2, $3)",
      [area, feeder, grid],
    );
    areas.push(area);
  }
  return { feeder, areas };
}

async function customersIn(db: Queryable, grid: string, area: string, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = await insertCustomer(db, { orgUnitId: grid });
    await db.query('UPDATE customer SET transformer_area_id = $1 WHERE customer_id = $2', [area, c.customerId]);
    ids.push(c.customerId);
  }
  return ids;
}

async function operation(
  db: Queryable,
  employeeId: number,
  op: { operation: string; at: string; customerId?: number; system?: string; detail?: Record<string, unknown> },
) {
  const id = uid('OP');
  await db.query(
    `INSERT INTO employee_operation (operation_id, employee_id, operation, at, customer_id, system, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [
      id,
      employeeId,
      op.operation,
      op.at,
      op.customerId ?? null,
      op.system ?? 'collection',
      JSON.stringify(op.detail ?? {}),
    ],
  );
  return id;
}

async function disconnectionNotice(db: Queryable, customerId: number, sentAt: string) {
  await db.query(
    "INSERT INTO notice (notice_id, customer_id, medium, topic, sent_at) VALUES ($1, $2, 'sms', 'disconnection_notice', $3)",
    [uid('N'), customerId, sentAt],
  );
}

export async function workOrder(
  db: Queryable,
  o: {
    customerId: number;
    employeeId: number;
    type: string;
    topic: string;
    createdAt: string;
    substantiated?: boolean;
    satisfaction?: number;
  },
) {
  const orderNo = uid('WO');
  await db.query(
    `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at,
       responsible_employee_id, substantiated, satisfaction, summary)
     VALUES ($1, $2, $3, $4, $5, 'closed', 'phone_95598', $6, $7, $8, $9, '客户反映问题，联系电话13912345678')`,
    [
      orderNo,
      o.customerId,
      uid('CASE'),
      o.type,
      o.topic,
      o.createdAt,
      o.employeeId,
      o.substantiated ?? null,
      o.satisfaction ?? null,
    ],
  );
  return orderNo;
}

async function outage(
  db: Queryable,
  o: { kind: string; level: string; scope: string; start: number; minutes: number; announcedDaysAhead?: number },
) {
  const id = uid('O');
  const started = Date.now() - o.start;
  await db.query(
    `INSERT INTO outage (outage_id, kind, scope_level, scope_id, started_at, restored_at, planned_start, announced_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      o.kind,
      o.level,
      o.scope,
      new Date(started).toISOString(),
      new Date(started + o.minutes * 60_000).toISOString(),
      o.kind === 'planned' ? new Date(started).toISOString() : null,
      o.announcedDaysAhead === undefined ? null : new Date(started - o.announcedDaysAhead * DAY).toISOString(),
    ],
  );
  return id;
}

export async function buildSubjectWorld(db: Queryable): Promise<SubjectWorld> {
  const station = uid('S');
  const stationPath = await orgUnit(db, station, 'HN0101', 'station', '/HN/HN01/HN0101/');
  const grid1 = uid('G');
  const grid2 = uid('G');
  await orgUnit(db, grid1, station, 'grid', stationPath);
  await orgUnit(db, grid2, station, 'grid', stationPath);
  const otherStation = uid('S');
  const otherPath = await orgUnit(db, otherStation, 'HN0102', 'station', '/HN/HN01/HN0102/');
  const otherGrid = uid('G');
  await orgUnit(db, otherGrid, otherStation, 'grid', otherPath);

  const { feeder, areas } = await topology(db, station, [grid1, grid2]);
  const [area1, area2] = areas as [string, string];
  const other = await topology(db, otherStation, [otherGrid]);
  const otherArea = other.areas[0] as string;
  const customers1 = await customersIn(db, grid1, area1, 4);
  const customers2 = await customersIn(db, grid2, area2, 2);
  const otherCustomers = await customersIn(db, otherGrid, otherArea, 2);
  const [c1, c2, c3, c4] = customers1 as [number, number, number, number];

  const gridManager = await insertEmployee(db, { orgUnitId: grid1, post: 'grid_manager', name: '王网格' });
  await db.query(
    "UPDATE employee SET hire_date = $2, birth_year = 1990, gender = 'F', skill_level = 2 WHERE employee_id = $1",
    [gridManager.employeeId, new Date(Date.now() - 3 * 365 * DAY).toISOString().slice(0, 10)],
  );
  const gm = gridManager.employeeId;
  // Disconnections: one with 10 days' notice (compliant), one with none, one with 3 days'.
  await disconnectionNotice(db, c1, ago(50 * DAY));
  await operation(db, gm, { operation: 'disconnection', at: ago(40 * DAY), customerId: c1 });
  const noNotice = await operation(db, gm, { operation: 'disconnection', at: ago(30 * DAY), customerId: c2 });
  await disconnectionNotice(db, c3, ago(23 * DAY));
  const shortNotice = await operation(db, gm, { operation: 'disconnection', at: ago(20 * DAY), customerId: c3 });
  // Reconnections: 2 h after payment, and 30 h after payment.
  await operation(db, gm, {
    operation: 'reconnection',
    at: ago(38 * DAY),
    customerId: c1,
    detail: { paid_at: ago(38 * DAY + 2 * HOUR) },
  });
  const lateReconnection = await operation(db, gm, {
    operation: 'reconnection',
    at: ago(10 * DAY),
    customerId: c3,
    detail: { paid_at: ago(10 * DAY + 30 * HOUR) },
  });
  // Logged in two hours ago, not logged out: online now.
  await operation(db, gm, { operation: 'login', at: ago(2 * HOUR), system: 'sg186' });
  await insertTrace(db, {
    occurredAt: ago(3 * DAY),
    traceType: 'field_feedback',
    channel: 'field',
    direction: 'internal',
    employeeId: gm,
    customerId: c4,
  });
  // Work orders answered for: 4 complaints (2 substantiated, 1 of them about attitude), praise, 3 rated requests.
  await workOrder(db, {
    customerId: c1,
    employeeId: gm,
    type: 'complaint',
    topic: 'outage',
    createdAt: ago(15 * DAY),
    substantiated: true,
  });
  await workOrder(db, {
    customerId: c2,
    employeeId: gm,
    type: 'complaint',
    topic: 'service_attitude',
    createdAt: ago(25 * DAY),
    substantiated: true,
  });
  await workOrder(db, {
    customerId: c3,
    employeeId: gm,
    type: 'complaint',
    topic: 'fee',
    createdAt: ago(60 * DAY),
    substantiated: false,
  });
  await workOrder(db, {
    customerId: c4,
    employeeId: gm,
    type: 'complaint',
    topic: 'fee',
    createdAt: ago(200 * DAY),
    substantiated: false,
  });
  await workOrder(db, { customerId: c4, employeeId: gm, type: 'praise', topic: 'praise', createdAt: ago(70 * DAY) });
  for (const s of [5, 5, 4]) {
    await workOrder(db, {
      customerId: c4,
      employeeId: gm,
      type: 'service_request',
      topic: 'meter',
      createdAt: ago(80 * DAY),
      satisfaction: s,
    });
  }

  const agent = await insertEmployee(db, { orgUnitId: 'HN', post: 'agent_95598', name: '赵坐席' });
  const callStart = new Date(Date.now() - 5 * DAY);
  await db.query(
    `INSERT INTO call (call_id, customer_id, agent_employee_id, channel, direction, started_at, ended_at)
     VALUES ($1, $2, $3, 'phone_95598', 'inbound', $4, $5)`,
    // One clock reading for both ends: two readings could make the 300 s call last 300.001 s.
    [uid('CALL'), c4, agent.employeeId, callStart.toISOString(), new Date(callStart.getTime() + 300_000).toISOString()],
  );

  // Outages: a 6 h feeder fault (slow: past 5 h) reaching both areas, a 1 h fault on area1,
  // a 4 h planned outage on the feeder announced 3 days ahead (short notice), one on the other station.
  const feederFault = await outage(db, {
    kind: 'fault',
    level: 'feeder',
    scope: feeder,
    start: 12 * DAY,
    minutes: 360,
  });
  const areaFault = await outage(db, {
    kind: 'fault',
    level: 'transformer_area',
    scope: area1,
    start: 30 * DAY,
    minutes: 60,
  });
  const planned = await outage(db, {
    kind: 'planned',
    level: 'feeder',
    scope: feeder,
    start: 100 * DAY,
    minutes: 240,
    announcedDaysAhead: 3,
  });
  // Half of area1's customers have an outage-sensitive portrait.
  const version = uid('test-');
  await db.query("INSERT INTO portrait_catalog (catalog_version, definitions) VALUES ($1, '{}')", [version]);
  for (const id of [c1, c2]) {
    await db.query(
      `INSERT INTO customer_portrait (customer_id, valid_from, feature_values, tags, scores, grades, content_hash, catalog_version)
       VALUES ($1, $2, '{}', ARRAY['outage_sensitive'], '{}', '{}', 'h', $3)`,
      [id, ago(365 * DAY), version],
    );
  }
  return {
    station,
    grid1,
    grid2,
    otherStation,
    otherGrid,
    feeder,
    area1,
    area2,
    otherArea,
    customers1,
    customers2,
    otherCustomers,
    gridManager,
    agent,
    breaches: { noNotice, shortNotice, lateReconnection },
    outages: { feederFault, areaFault, planned },
  };
}
