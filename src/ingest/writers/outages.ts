/**
 * Outages (PMS / dispatch): the outage row plus outage_start and outage_restore traces for
 * every affected customer, the scope read from the topology: a feeder → its transformer
 * areas → their customers; a transformer area → its customers; or one customer.
 */
import type { Queryable } from '../../db/db.js';
import { type BatchItem, type BatchOutcome, type Rejection, reject } from '../batch.js';
import type { OutageRecord } from '../records.js';
import { type UpsertSpec, upsert } from '../sql.js';
import type { TraceDraft, TraceWriteStatus } from '../trace-writer.js';
import { dropUndefined, type TraceWriteContext, tally, writeTracesResolving } from './common.js';

const col = (name: string, type = 'text') => ({ name, type });

const OUTAGE: UpsertSpec = {
  table: 'outage',
  key: ['outage_id'],
  columns: [
    col('outage_id'),
    col('kind'),
    col('scope_level'),
    col('scope_id'),
    col('started_at', 'timestamptz'),
    col('restored_at', 'timestamptz'),
    col('planned_start', 'timestamptz'),
    col('planned_end', 'timestamptz'),
    col('announced_at', 'timestamptz'),
    col('cause'),
    col('source'),
  ],
  touch: true,
};

const SCOPE_TABLE = {
  feeder: ['feeder', 'feeder_id'],
  transformer_area: ['transformer_area', 'transformer_area_id'],
  customer: ['customer', 'customer_no'],
} as const;

export async function writeOutages(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<OutageRecord>[],
): Promise<BatchOutcome> {
  const rejected: Rejection[] = [];
  const known = await tx.query<{ level: string; id: string }>(
    `SELECT s.level, s.id FROM unnest($1::text[], $2::text[]) AS s(level, id)
     WHERE (s.level = 'feeder' AND EXISTS (SELECT 1 FROM feeder f WHERE f.feeder_id = s.id))
        OR (s.level = 'transformer_area' AND EXISTS (SELECT 1 FROM transformer_area t WHERE t.transformer_area_id = s.id))
        OR (s.level = 'customer' AND EXISTS (SELECT 1 FROM customer c WHERE c.customer_no = s.id))`,
    [items.map((i) => i.record.scope_level), items.map((i) => i.record.scope_id)],
  );
  const exists = new Set(known.map((k) => `${k.level}|${k.id}`));
  const accepted = items.filter((item) => {
    const { scope_level: level, scope_id: id } = item.record;
    if (exists.has(`${level}|${id}`)) return true;
    rejected.push(reject(item, 'scope_id', `unknown ${SCOPE_TABLE[level][0].replace('_', ' ')} '${id}'`));
    return false;
  });
  const written = await upsert(
    tx,
    OUTAGE,
    accepted.map((i) => ({ ...i.record, source: ctx.source })),
  );
  const affected = await affectedCustomers(
    tx,
    accepted.map((i) => i.record),
  );
  const byOutage = new Map(accepted.map((i) => [i.record.outage_id, i.record]));
  const drafts: TraceDraft[] = [];
  const sourceIdsOf = new Map<string, string[]>();
  for (const { outage_id, customer_id, customer_no } of affected) {
    const o = byOutage.get(outage_id) as OutageRecord;
    const attributes = dropUndefined({
      outage_id,
      kind: o.kind,
      scope_level: o.scope_level,
      scope_id: o.scope_id,
      cause: o.cause,
      planned_start: o.planned_start,
      planned_end: o.planned_end,
    });
    const common = {
      channel: 'internal',
      customer_id,
      employee_id: null,
      customer_ref: `customer_no:${customer_no}`,
      attributes,
    } as const;
    const ids = sourceIdsOf.get(outage_id) ?? [];
    ids.push(`outages:${outage_id}:start:${customer_no}`);
    drafts.push({
      ...common,
      source_id: `outages:${outage_id}:start:${customer_no}`,
      occurred_at: o.started_at,
      trace_type: 'outage_start',
    });
    if (o.restored_at) {
      ids.push(`outages:${outage_id}:restore:${customer_no}`);
      drafts.push({
        ...common,
        source_id: `outages:${outage_id}:restore:${customer_no}`,
        occurred_at: o.restored_at,
        trace_type: 'outage_restore',
      });
    }
    sourceIdsOf.set(outage_id, ids);
  }
  const traces = await writeTracesResolving(tx, ctx, drafts);
  return tally(
    accepted.map((i) => i.record.outage_id),
    written.rows,
    (row) => String(row.outage_id),
    (key): (TraceWriteStatus | undefined)[] => (sourceIdsOf.get(key) ?? []).map((id) => traces.get(id)),
    rejected,
    0,
  );
}

async function affectedCustomers(tx: Queryable, outages: readonly OutageRecord[]) {
  if (outages.length === 0) return [];
  return tx.query<{ outage_id: string; customer_id: number; customer_no: string }>(
    `WITH o AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS o(outage_id, scope_level, scope_id))
     SELECT o.outage_id, c.customer_id, c.customer_no FROM o JOIN customer c
       ON o.scope_level = 'customer' AND c.customer_no = o.scope_id
     UNION ALL
     SELECT o.outage_id, c.customer_id, c.customer_no FROM o JOIN customer c
       ON o.scope_level = 'transformer_area' AND c.transformer_area_id = o.scope_id
     UNION ALL
     SELECT o.outage_id, c.customer_id, c.customer_no FROM o
       JOIN transformer_area t ON o.scope_level = 'feeder' AND t.feeder_id = o.scope_id
       JOIN customer c ON c.transformer_area_id = t.transformer_area_id
     ORDER BY 1, 3`,
    [outages.map((o) => o.outage_id), outages.map((o) => o.scope_level), outages.map((o) => o.scope_id)],
  );
}
