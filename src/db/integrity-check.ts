/**
 * Checks that every btree index agrees with its table and that the tables' pages are sound,
 * with PostgreSQL's amcheck (bt_index_check with heapallindexed, verify_heapam). An index that
 * disagrees is rebuilt from its table when asked (REINDEX): the table holds the committed rows,
 * the index only finds them. A damaged table page cannot be rebuilt from anything here; it is
 * reported, with where it is, for a restore from backup.
 */
import { AppError } from '../errors.js';
import type { Queryable } from './db.js';

export interface IndexProblem {
  index: string;
  table: string;
  message: string;
  /** Set when a repair was asked: whether the index checked sound after REINDEX. */
  repaired?: boolean;
}

export interface TableProblem {
  table: string;
  /** Where amcheck found it: block and line pointer, as 'block 72, item 4'. */
  at: string;
  message: string;
}

export interface IntegrityReport {
  indexesChecked: number;
  tablesChecked: number;
  indexProblems: IndexProblem[];
  tableProblems: TableProblem[];
  /** Index problems left after any repair, plus every table problem. */
  unresolved: number;
}

export interface IntegrityOptions {
  /** REINDEX each index that disagrees with its table, then check it again. */
  repair?: boolean;
  onProgress?(done: number, total: number): void;
}

/** Table problems reported per table at most: one is enough to say where to restore. */
const TABLE_PROBLEMS_PER_TABLE = 5;

export async function checkIntegrity(db: Queryable, options: IntegrityOptions = {}): Promise<IntegrityReport> {
  await enableAmcheck(db);
  const indexes = await db.query<{ index: string; table: string }>(
    `SELECT i.oid::regclass::text AS index, t.oid::regclass::text AS table
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = i.relnamespace
     WHERE n.nspname = 'public' AND am.amname = 'btree' AND i.relkind = 'i' AND x.indisvalid AND x.indisready
     ORDER BY t.relname, i.relname`,
  );
  const tables = await db.query<{ table: string }>(
    `SELECT c.oid::regclass::text AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm') ORDER BY c.relname`,
  );
  const total = indexes.length + tables.length;
  let done = 0;
  const tableProblems: TableProblem[] = [];
  for (const { table } of tables) {
    const found = await db.query<{ blkno: string; offnum: number | null; msg: string }>(
      `SELECT blkno::text AS blkno, offnum, msg FROM verify_heapam($1::regclass) LIMIT ${TABLE_PROBLEMS_PER_TABLE}`,
      [table],
    );
    for (const row of found)
      tableProblems.push({
        table,
        at: row.offnum === null ? `block ${row.blkno}` : `block ${row.blkno}, item ${row.offnum}`,
        message: row.msg,
      });
    options.onProgress?.(++done, total);
  }
  const indexProblems: IndexProblem[] = [];
  for (const { index, table } of indexes) {
    const message = await indexDisagreement(db, index);
    if (message !== null) {
      const problem: IndexProblem = { index, table, message };
      if (options.repair) {
        await db.exec(`REINDEX INDEX ${index}`);
        problem.repaired = (await indexDisagreement(db, index)) === null;
      }
      indexProblems.push(problem);
    }
    options.onProgress?.(++done, total);
  }
  return {
    indexesChecked: indexes.length,
    tablesChecked: tables.length,
    indexProblems,
    tableProblems,
    unresolved: indexProblems.filter((p) => !p.repaired).length + tableProblems.length,
  };
}

/** The report in lines for a terminal: totals, then each problem and what became of it. */
export function describeIntegrity(report: IntegrityReport): string[] {
  const lines = [
    `${report.tablesChecked} tables and ${report.indexesChecked} indexes checked: ` +
      (report.indexProblems.length + report.tableProblems.length === 0
        ? 'all sound.'
        : `${report.indexProblems.length} index(es) and ${report.tableProblems.length} table page(s) damaged.`),
  ];
  for (const p of report.indexProblems) {
    const outcome =
      p.repaired === undefined ? 'not repaired' : p.repaired ? 'rebuilt from its table' : 'STILL DAMAGED after REINDEX';
    lines.push(`index ${p.index} on ${p.table}: ${p.message} (${outcome})`);
  }
  for (const p of report.tableProblems)
    lines.push(`table ${p.table}, ${p.at}: ${p.message} (cannot be rebuilt here: restore the table from a backup)`);
  return lines;
}

/** null when the index holds exactly the table's rows in order; else amcheck's message. */
async function indexDisagreement(db: Queryable, index: string): Promise<string | null> {
  try {
    await db.query('SELECT bt_index_check($1::regclass, true)', [index]);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

async function enableAmcheck(db: Queryable): Promise<void> {
  try {
    await db.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
  } catch (error) {
    throw new AppError(
      'DB_CHECK_UNAVAILABLE',
      `The integrity check needs PostgreSQL's amcheck extension, which could not be enabled: ${(error as Error).message}. ` +
        'On a server, a superuser can run CREATE EXTENSION amcheck in this database.',
      503,
    );
  }
}
