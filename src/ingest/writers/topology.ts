/** Org units and grid topology (PMS): substations, feeders, transformer areas. */
import type { Queryable } from '../../db/db.js';
import { type BatchItem, type KindWriter, outcomeOf, type Rejection, reject } from '../batch.js';
import { missingValues, type UpsertSpec, upsert } from '../sql.js';

const text = (name: string) => ({ name, type: 'text' });
const numeric = (name: string) => ({ name, type: 'numeric' });

const ORG_UNIT: UpsertSpec = {
  table: 'org_unit',
  key: ['org_unit_id'],
  columns: [text('org_unit_id'), text('parent_id'), text('level'), text('name'), text('path'), text('source')],
  touch: true,
};

/**
 * Org units carry `path` ('/HN/HN01/HN0101/') for scope checks: a parent's path comes from the
 * database or from the same batch, so a file may list parents and children in any order.
 */
export const writeOrgUnits: KindWriter<'org_units'> = async (tx, ctx, items) => {
  const parentIds = new Set(items.map((i) => i.record.parent_id).filter((p): p is string => p !== undefined));
  const known = await tx.query<{ org_unit_id: string; path: string }>(
    'SELECT org_unit_id, path FROM org_unit WHERE org_unit_id = ANY($1::text[])',
    [[...parentIds]],
  );
  const paths = new Map(known.map((r) => [r.org_unit_id, r.path]));
  const pending = new Map(items.map((i) => [i.record.org_unit_id, i]));
  const rejected: Rejection[] = [];
  const rows: Record<string, unknown>[] = [];
  const pathOf = (id: string, seen: Set<string>): string | undefined => {
    const item = pending.get(id);
    if (!item) return paths.get(id);
    if (seen.has(id)) return undefined; // a cycle
    seen.add(id);
    const parent = item.record.parent_id;
    const parentPath = parent === undefined ? '/' : pathOf(parent, seen);
    return parentPath === undefined ? undefined : `${parentPath}${id}/`;
  };
  for (const item of items) {
    const path = pathOf(item.record.org_unit_id, new Set());
    if (path === undefined) {
      rejected.push(reject(item, 'parent_id', `unknown org unit '${item.record.parent_id}' (or a cycle)`));
      continue;
    }
    rows.push({ ...item.record, path, source: ctx.source });
  }
  return outcomeOf(rows.length, await upsert(tx, ORG_UNIT, rows), rejected);
};

export interface Reference<R> {
  field: keyof R & string;
  table: string;
  column: string;
  what: string;
}

/** Splits items into those whose reference columns name existing rows and rejections. */
export async function checkReferences<R extends object>(
  tx: Queryable,
  items: readonly BatchItem<R>[],
  references: readonly Reference<R>[],
): Promise<{ accepted: BatchItem<R>[]; rejected: Rejection[] }> {
  const rejected: Rejection[] = [];
  let accepted = [...items];
  for (const ref of references) {
    const missing = await missingValues(
      tx,
      ref.table,
      ref.column,
      accepted.map((i) => i.record[ref.field] as string | undefined),
    );
    if (missing.size === 0) continue;
    accepted = accepted.filter((item) => {
      const value = item.record[ref.field] as string | undefined;
      if (value === undefined || !missing.has(value)) return true;
      rejected.push(reject(item, ref.field, `unknown ${ref.what} '${value}'`));
      return false;
    });
  }
  return { accepted, rejected };
}

/** Rejects items with dangling references, then upserts the rest. */
export async function upsertChecked<R extends object>(
  tx: Queryable,
  source: string,
  spec: UpsertSpec,
  items: readonly BatchItem<R>[],
  references: readonly Reference<R>[],
) {
  const { accepted, rejected } = await checkReferences(tx, items, references);
  const rows = accepted.map((i) => ({ ...i.record, source }));
  return outcomeOf(rows.length, await upsert(tx, spec, rows), rejected);
}

const ORG_REF = { field: 'org_unit_id', table: 'org_unit', column: 'org_unit_id', what: 'org unit' } as const;

const SUBSTATION: UpsertSpec = {
  table: 'substation',
  key: ['substation_id'],
  columns: [text('substation_id'), text('name'), numeric('voltage_kv'), text('org_unit_id'), text('source')],
  touch: true,
};
export const writeSubstations: KindWriter<'substations'> = (tx, ctx, items) =>
  upsertChecked(tx, ctx.source, SUBSTATION, items, [ORG_REF]);

const FEEDER: UpsertSpec = {
  table: 'feeder',
  key: ['feeder_id'],
  columns: [text('feeder_id'), text('name'), text('substation_id'), text('org_unit_id'), text('source')],
  touch: true,
};
export const writeFeeders: KindWriter<'feeders'> = (tx, ctx, items) =>
  upsertChecked(tx, ctx.source, FEEDER, items, [
    { field: 'substation_id', table: 'substation', column: 'substation_id', what: 'substation' },
    ORG_REF,
  ]);

const TRANSFORMER_AREA: UpsertSpec = {
  table: 'transformer_area',
  key: ['transformer_area_id'],
  columns: [
    text('transformer_area_id'),
    text('name'),
    text('feeder_id'),
    text('org_unit_id'),
    numeric('capacity_kva'),
    text('source'),
  ],
  touch: true,
};
export const writeTransformerAreas: KindWriter<'transformer_areas'> = (tx, ctx, items) =>
  upsertChecked(tx, ctx.source, TRANSFORMER_AREA, items, [
    { field: 'feeder_id', table: 'feeder', column: 'feeder_id', what: 'feeder' },
    ORG_REF,
  ]);
