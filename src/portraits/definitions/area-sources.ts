import type { SourceDef } from '../engine/source-types.js';

/**
 * Where area portraits (台区, 线路, 网格, 供电所; E4, E5) come from. Every area kind reads the
 * same tables; only the way a row finds its area differs:
 * - customer rows (work orders, traces, customer portraits) through the customer's
 *   transformer area (→ its feeder) or org unit (the grid; its parent is the station);
 * - outages through the transformer areas they reach: a transformer-area outage reaches that
 *   area, a feeder outage every area on the feeder (migrations 0001, 0004);
 * - staff through the org tree: a grid's (or its areas') staff are the grid's and its
 *   station's employees, a station's (or its feeders') everyone at or below the station.
 */
export type AreaKind = 'transformer_area' | 'feeder' | 'grid' | 'station';
export const AREA_KINDS: readonly AreaKind[] = ['transformer_area', 'feeder', 'grid', 'station'];

interface AreaMap {
  /** Joins after the row's table (customer `cu` or transformer area `ta` already joined). */
  join: string;
  /** The area key expression. */
  key: string;
}

const OF_CUSTOMER: Record<AreaKind, AreaMap> = {
  transformer_area: { join: '', key: 'cu.transformer_area_id' },
  feeder: {
    join: 'JOIN transformer_area cta ON cta.transformer_area_id = cu.transformer_area_id',
    key: 'cta.feeder_id',
  },
  grid: { join: '', key: 'cu.org_unit_id' },
  station: {
    join: 'JOIN org_unit cg ON cg.org_unit_id = cu.org_unit_id',
    key: "CASE WHEN cg.level = 'grid' THEN cg.parent_id ELSE cg.org_unit_id END",
  },
};

const OF_AREA: Record<AreaKind, AreaMap> = {
  transformer_area: { join: '', key: 'ta.transformer_area_id' },
  feeder: { join: '', key: 'ta.feeder_id' },
  grid: { join: '', key: 'ta.org_unit_id' },
  station: { join: 'JOIN org_unit tg ON tg.org_unit_id = ta.org_unit_id', key: 'tg.parent_id' },
};

/** Active employees serving each area, as (area_key, employee e). */
const STAFF: Record<AreaKind, string> = {
  transformer_area: `SELECT ta.transformer_area_id AS area_key, e.employee_id FROM transformer_area ta
      JOIN org_unit ag ON ag.org_unit_id = ta.org_unit_id
      JOIN employee e ON e.org_unit_id IN (ag.org_unit_id, ag.parent_id) AND e.status = 'active'`,
  feeder: `SELECT fd.feeder_id AS area_key, e.employee_id FROM feeder fd
      JOIN org_unit st ON st.org_unit_id = fd.org_unit_id
      JOIN org_unit eo ON eo.path LIKE st.path || '%'
      JOIN employee e ON e.org_unit_id = eo.org_unit_id AND e.status = 'active'`,
  grid: `SELECT ag.org_unit_id AS area_key, e.employee_id FROM org_unit ag
      JOIN employee e ON e.org_unit_id IN (ag.org_unit_id, ag.parent_id) AND e.status = 'active'
      WHERE ag.level = 'grid'`,
  station: `SELECT st.org_unit_id AS area_key, e.employee_id FROM org_unit st
      JOIN org_unit eo ON eo.path LIKE st.path || '%'
      JOIN employee e ON e.org_unit_id = eo.org_unit_id AND e.status = 'active'
      WHERE st.level = 'station'`,
};

/** The trace types area features read (power loss, escalations, social posts, disconnections). */
export const AREA_TRACE_TYPES = ['power_loss_event', 'work_order_created', 'social_post', 'disconnection'];

/** Rows valid at the as-of time of a table with validity periods. */
const validAt = (alias: string) =>
  `${alias}.valid_from <= $asOf AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > $asOf)`;

/** Minutes an outage lasted up to the as-of time (an outage not restored by then runs to it). */
export const OUTAGE_MINUTES =
  'extract(epoch FROM least(coalesce(ao.restored_at, $1::timestamptz), $1::timestamptz) - ao.started_at) / 60';

export function areaSources(kind: AreaKind): SourceDef[] {
  const c = OF_CUSTOMER[kind];
  const a = OF_AREA[kind];
  return [
    {
      code: 'customer',
      subject: kind,
      from: `(SELECT ${c.key} AS area_key, cu.* FROM customer cu ${c.join}) acu`,
      key: 'acu.area_key',
      keyType: 'text',
    },
    {
      code: 'transformer_area',
      subject: kind,
      from: `(SELECT ${a.key} AS area_key, ta.* FROM transformer_area ta ${a.join}) ata`,
      key: 'ata.area_key',
      keyType: 'text',
    },
    {
      // One row per (area, outage): customers = the area's customers the outage reached.
      code: 'outage',
      subject: kind,
      from: `(SELECT ${a.key} AS area_key, o.outage_id, o.kind, o.started_at, o.restored_at, o.announced_at,
          o.planned_start, o.cause, sum(coalesce(tc.customers, 0)) AS customers
        FROM (SELECT o1.*, ta1.transformer_area_id AS reached FROM outage o1
                JOIN transformer_area ta1 ON o1.scope_level = 'transformer_area' AND ta1.transformer_area_id = o1.scope_id
              UNION ALL
              SELECT o2.*, ta2.transformer_area_id FROM outage o2
                JOIN transformer_area ta2 ON o2.scope_level = 'feeder' AND ta2.feeder_id = o2.scope_id) o
        JOIN transformer_area ta ON ta.transformer_area_id = o.reached ${a.join}
        LEFT JOIN (SELECT transformer_area_id, count(*) AS customers FROM customer GROUP BY transformer_area_id) tc
          ON tc.transformer_area_id = ta.transformer_area_id
        GROUP BY ${a.key}, o.outage_id, o.kind, o.started_at, o.restored_at, o.announced_at, o.planned_start, o.cause) ao`,
      key: 'ao.area_key',
      keyType: 'text',
      time: 'ao.started_at',
      evidence: {
        id: 'ao.outage_id',
        kind: "'outage:' || ao.kind",
        detail: `round(${OUTAGE_MINUTES})::text || ' min, ' || ao.customers::text || ' 户' || coalesce(', ' || ao.cause, '')`,
      },
    },
    {
      code: 'work_order',
      subject: kind,
      // Repairs carry when they were handled (restored): their deadline is for that, the callback comes after.
      from: `(SELECT ${c.key} AS area_key, w.*,
          CASE WHEN w.order_type = 'repair' THEN (SELECT min(s.at) FROM work_order_status s
            WHERE s.order_no = w.order_no AND s.status = 'handled') END AS handled_at
        FROM work_order w JOIN customer cu ON cu.customer_id = w.customer_id ${c.join}) aw`,
      key: 'aw.area_key',
      keyType: 'text',
      time: 'aw.created_at',
      evidence: {
        id: 'aw.order_no',
        kind: "'work_order:' || aw.order_type",
        channel: 'aw.channel',
        topic: 'aw.topic_code',
        caseId: 'aw.case_id',
        detail: 'aw.summary',
      },
    },
    {
      code: 'trace',
      subject: kind,
      // Only the trace types area features count, so the join with customers stays small.
      from: `(SELECT ${c.key} AS area_key, t.* FROM trace t JOIN customer cu ON cu.customer_id = t.customer_id ${c.join}
        WHERE t.trace_type IN (${AREA_TRACE_TYPES.map((x) => `'${x}'`).join(', ')})) atr`,
      key: 'atr.area_key',
      keyType: 'text',
      time: 'atr.occurred_at',
      evidence: {
        id: 'atr.trace_id::text',
        kind: 'atr.trace_type',
        channel: 'atr.channel',
        topic: 'atr.topic',
        caseId: 'atr.case_id',
        detail: 'atr.attributes::text',
      },
    },
    {
      // The monthly meter-reading round of each transformer area records the collection rate (采集成功率).
      code: 'meter_reading',
      subject: kind,
      from: `(SELECT ${a.key} AS area_key, o.operation_id, o.at, (o.detail->>'collected_rate')::numeric AS collected_rate
        FROM employee_operation o JOIN transformer_area ta ON ta.transformer_area_id = o.detail->>'transformer_area_id' ${a.join}
        WHERE o.operation = 'meter_reading') amr`,
      key: 'amr.area_key',
      keyType: 'text',
      time: 'amr.at',
      evidence: {
        id: 'amr.operation_id',
        kind: "'operation:meter_reading'",
        detail: "'采集成功率 ' || amr.collected_rate::text",
      },
    },
    {
      // Per transformer area, the newest day any of its meters was read (the consumption
      // rebuild's peer figures), beside the company's newest: an area whose concentrator or
      // link failed falls behind as a whole while the others go on, which no customer's own
      // comparison with its area can see. The consumption rebuild runs before the portraits.
      code: 'area_collection',
      subject: kind,
      from: `(SELECT ${a.key} AS area_key, ta.transformer_area_id, max(p.last_read_on) AS read_until,
          (SELECT max(last_read_on) FROM consumption_peer) AS company_read_until
        FROM consumption_peer p JOIN transformer_area ta ON ta.transformer_area_id = p.transformer_area_id ${a.join}
        GROUP BY ${a.key}, ta.transformer_area_id) aco`,
      key: 'aco.area_key',
      keyType: 'text',
      // The newest reading day, so the why lists each transformer area newest-read first with
      // both days; no feature of this source has a window.
      time: 'aco.read_until',
      evidence: {
        id: 'aco.transformer_area_id',
        kind: "'area_collection'",
        detail:
          "aco.transformer_area_id || ' 最新读数日 ' || aco.read_until::text || '，全公司 ' || aco.company_read_until::text",
      },
    },
    {
      // Customers' portraits valid at the as-of time (customers are rebuilt before areas).
      code: 'customer_portrait',
      subject: kind,
      from: `(SELECT ${c.key} AS area_key, cp.tags FROM customer_portrait cp JOIN customer cu ON cu.customer_id = cp.customer_id ${c.join}
        WHERE ${validAt('cp')}) acp`,
      key: 'acp.area_key',
      keyType: 'text',
    },
    {
      // Employee portraits of the area's staff valid at the as-of time (employees are rebuilt before areas).
      code: 'staff',
      subject: kind,
      from: `(SELECT s.area_key, s.employee_id, sp.tags, sp.features, sp.grades
        FROM (${STAFF[kind]}) s
        LEFT JOIN subject_portrait sp ON sp.subject_kind = 'employee' AND sp.subject_key = s.employee_id::text AND ${validAt('sp')}) ast`,
      key: 'ast.area_key',
      keyType: 'text',
    },
  ];
}
