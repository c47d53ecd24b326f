/**
 * The inside of bench/clone-world.ts: in a database that holds one world (the template copy of
 * the base), add copies 1..K-1 of every customer-level row with set-based SQL, following the
 * plan in clone-world-tables.ts, and check the result. One transaction: a failure leaves
 * nothing half-added.
 */
import type { Db, Queryable } from '../src/db/db.js';
import { CLONED, type CloneSpec, EMPTIED, IDS, KEPT, type Maps, suffix } from './clone-world-tables.js';

export interface FillOptions {
  /** K: the world afterwards holds K copies of every customer-level row. */
  times: number;
  /** Leave the copies' traces without trace_key rows (docs/bench.md). */
  skipTraceKeys?: boolean;
  log?: (line: string) => void;
}

const seconds = (startedMs: number) => ((performance.now() - startedMs) / 1000).toFixed(1);

async function count(tx: Queryable, sql: string): Promise<number> {
  return Number((await tx.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`))[0]?.n ?? 0);
}

/** Every table must be classified, so a new migration's table cannot be silently left single. */
async function checkClassified(tx: Queryable): Promise<void> {
  const known = new Set([...KEPT, ...EMPTIED, ...CLONED.map((c) => c.table)]);
  const tables = await tx.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const unknown = tables.map((r) => r.relname).filter((t) => !known.has(t));
  if (unknown.length > 0) throw new Error(`clone-world does not know how to copy: ${unknown.join(', ')}`);
}

/** Numeric business keys keep their format: offset by k × (max − min + 1); otherwise a suffix. */
async function numericMap(tx: Queryable, table: string, column: string): Promise<(c: string) => string> {
  const digits = `${column} ~ '^[0-9]{1,17}$'`;
  const row = (
    await tx.query<{ numeric: boolean | null; span: string | null }>(
      `SELECT bool_and(${digits}) AS numeric,
              (max(${column}::numeric) FILTER (WHERE ${digits})
               - min(${column}::numeric) FILTER (WHERE ${digits}) + 1)::text AS span
       FROM ${table}`,
    )
  )[0];
  if (!row?.numeric || row.span === null) return suffix;
  const span = row.span;
  // At least the source key's width: a leading zero is kept ('0012' + 2 → '0014').
  return (c: string) => {
    const shifted = `(${c}::numeric + g.k * ${span})::text`;
    return `lpad(${shifted}, greatest(length(${c}), length(${shifted})), '0')`;
  };
}

async function buildMaps(tx: Queryable): Promise<Maps> {
  const maxima = new Map<string, string>();
  for (const [table, column] of Object.entries(IDS)) {
    const rows = await tx.query<{ v: string }>(`SELECT coalesce(max(${column}), 0)::text AS v FROM ${table}`);
    maxima.set(table, rows[0]?.v ?? '0');
  }
  const customerNo = await numericMap(tx, 'customer', 'customer_no');
  const meterNo = await numericMap(tx, 'meter', 'meter_no');
  return { id: (table, column) => `${column} + g.k * ${maxima.get(table)}::bigint`, customerNo, meterNo };
}

async function columnsOf(tx: Queryable, table: string): Promise<string[]> {
  const rows = await tx.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

async function cloneTable(tx: Queryable, spec: CloneSpec, maps: Maps, times: number, log: (l: string) => void) {
  const started = performance.now();
  const columns = await columnsOf(tx, spec.table);
  const set = spec.set(maps);
  for (const column of Object.keys(set))
    if (!columns.includes(column)) throw new Error(`${spec.table}.${column} does not exist`);
  const where = spec.where ? `WHERE ${spec.where}` : '';
  const before = await count(tx, spec.table);
  const base = await count(tx, `${spec.table} s ${where}`);
  // One statement for all copies: its SELECT sees only the rows from before the statement.
  const exprs = columns.map((c) => set[c] ?? `s.${c}`);
  await tx.query(`INSERT INTO ${spec.table} (${columns.join(', ')}) OVERRIDING SYSTEM VALUE
    SELECT ${exprs.join(', ')} FROM ${spec.table} s CROSS JOIN generate_series(1, ${times - 1}) AS g(k) ${where}`);
  const after = await count(tx, spec.table);
  if (after !== before + base * (times - 1))
    throw new Error(`${spec.table}: ${after} rows after cloning, expected ${before} + ${base} × ${times - 1}`);
  log(
    `  ${spec.table.padEnd(20)} ${String(base).padStart(10)} customer-level rows, +${String(after - before).padStart(11)}  ${seconds(started)} s`,
  );
}

/** The clone session skips FK triggers, so every foreign key of a cloned table is checked here. */
async function checkForeignKeys(tx: Queryable, log: (l: string) => void): Promise<void> {
  const started = performance.now();
  const fks = await tx.query<{ name: string; child: string; parent: string; cols: string[]; refs: string[] }>(
    `SELECT con.conname AS name, c.relname AS child, p.relname AS parent,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
            array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS refs
     FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class p ON p.oid = con.confrelid
     WHERE con.contype = 'f' AND c.relname = ANY($1::text[])`,
    [CLONED.map((c) => c.table)],
  );
  for (const fk of fks) {
    const notNull = fk.cols.map((c) => `x.${c} IS NOT NULL`).join(' AND ');
    const match = fk.cols.map((c, i) => `y.${fk.refs[i]} = x.${c}`).join(' AND ');
    const orphans = await count(
      tx,
      `${fk.child} x WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} y WHERE ${match})`,
    );
    if (orphans > 0) throw new Error(`foreign key ${fk.name}: ${orphans} rows of ${fk.child} have no ${fk.parent}`);
  }
  log(`  ${fks.length} foreign keys hold  ${seconds(started)} s`);
}

interface SecondaryIndex {
  name: string;
  table: string;
  definition: string;
}

/**
 * The cloned tables' indexes that back no constraint (a primary key, unique or exclusion
 * constraint stays: foreign keys and ON CONFLICT need it). On a partitioned table, the parent's
 * index: dropping it drops the partitions', and creating it again builds them.
 */
async function secondaryIndexes(tx: Queryable): Promise<SecondaryIndex[]> {
  const rows = await tx.query<{ name: string; table: string; definition: string }>(
    `SELECT i.relname AS name, t.relname AS table, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY t.relname, i.relname`,
    [CLONED.map((c) => c.table)],
  );
  // A partitioned index prints as 'ON ONLY parent', which would build no partition's index.
  return rows.map((r) => ({ ...r, definition: r.definition.replace(/ ON ONLY /, ' ON ') }));
}

/**
 * Created after the copies rather than kept during them: an index filled in copy order splits
 * its pages and leaves them about half full (the trace table's covering index doubled in size
 * that way), while a build sorts once and packs its pages. A unique index built over the
 * copies still fails on a duplicate, so it checks what it checked before.
 */
async function rebuildIndexes(tx: Queryable, indexes: readonly SecondaryIndex[], log: (l: string) => void) {
  await tx.query("SET LOCAL maintenance_work_mem = '1GB'");
  for (const index of indexes) {
    const started = performance.now();
    await tx.query(index.definition);
    log(`  index ${index.name.padEnd(36)} on ${index.table.padEnd(20)} ${seconds(started)} s`);
  }
}

/** Later inserts (the bench's incremental phase) must not reuse the copies' ids. */
async function advanceIdentities(tx: Queryable): Promise<void> {
  for (const [table, column] of Object.entries(IDS))
    await tx.query(
      `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), greatest(1, (SELECT max(${column}) FROM ${table})))`,
    );
}

export async function fillCopies(db: Db, options: FillOptions): Promise<void> {
  const log = options.log ?? console.log;
  await db.transaction(async (tx) => {
    await checkClassified(tx);
    // Replica role: the statement triggers that mark portraits stale (portrait_dirty) and calls
    // pending inspection (qa_pending) do not fire; the bench rebuilds everything, and marking
    // tens of millions of rows would be waste. It also skips the FK triggers: checked below.
    await tx.query("SET LOCAL session_replication_role = 'replica'");
    await tx.query(`TRUNCATE ${EMPTIED.join(', ')}`);
    const maps = await buildMaps(tx);
    const indexes = await secondaryIndexes(tx);
    for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
    const started = performance.now();
    for (const spec of CLONED) {
      if (options.skipTraceKeys && spec.table === 'trace_key') log('  trace_key            not cloned');
      else await cloneTable(tx, spec, maps, options.times, log);
    }
    log(`  copies inserted in ${seconds(started)} s`);
    const indexesStarted = performance.now();
    await rebuildIndexes(tx, indexes, log);
    log(`  ${indexes.length} indexes built in ${seconds(indexesStarted)} s`);
    await checkForeignKeys(tx, log);
    await advanceIdentities(tx);
  });
}
