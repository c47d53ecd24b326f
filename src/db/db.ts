import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import pg from 'pg';
import { AppError } from '../errors.js';
import { acquireEmbeddedLock, type EmbeddedLock } from './embedded-lock.js';

export interface QueryOptions {
  /**
   * Prepares the statement under this name once per server connection and reuses it, so it is
   * planned once there instead of at every execution (unique per statement text: derive it
   * from a hash of the text). Embedded PGlite plans every execution, name or not.
   */
  name?: string;
}

/** What every module needs from the database: parameterised queries and transactions. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** Whether `QueryOptions.name` prepares statements here (a server connection). */
  readonly prepares?: boolean;
  /** Runs several statements separated by semicolons, without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** An embedded database whose last process ended without closing it (see embedded-lock.ts). */
  readonly uncleanStop?: boolean;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// One shape of values on both engines: int8 and numeric as JS numbers (ids and amounts stay
// far below 2^53), dates as 'YYYY-MM-DD' strings so no time zone shifts a calendar day.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
const pgliteParsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};
void pgliteTypes;

export interface OpenOptions {
  /** postgres://… to use a server; unset for the embedded database. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; unset with no databaseUrl = in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

export async function openDb(options: OpenOptions): Promise<Db> {
  try {
    if (options.databaseUrl) return await openPostgres(options.databaseUrl, options.poolSize ?? 8);
    return await openPglite(options.dataDir);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const where = options.databaseUrl ? redactUrl(options.databaseUrl) : (options.dataDir ?? 'memory');
    throw new AppError('DB_CONNECT_FAILED', `Cannot open the database at ${where}: ${(error as Error).message}`, 503);
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  let dir: string | undefined;
  let lock: EmbeddedLock | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    lock = acquireEmbeddedLock(dataDir);
  }
  let lite: PGlite;
  try {
    // amcheck for `gridcare db check` and the check after an unclean stop; loading it costs
    // nothing measurable at start.
    lite = await PGlite.create(dir, { parsers: pgliteParsers, extensions: { amcheck } });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const asQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await q.query<T>(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = asQueryable(lite);
  return {
    kind: 'pglite',
    uncleanStop: lock?.uncleanStop ?? false,
    ...base,
    transaction: (work) => lite.transaction((tx) => work(asQueryable(tx))),
    async close() {
      try {
        await lite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (restart, admin kill) must not crash the process;
  // the pool drops it and the next query opens a fresh one.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL idle connection closed: ${error.message}`);
  });
  // Fail at start-up, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const asQueryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    prepares: true,
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const values = (params ?? []) as unknown[];
      const result = options?.name
        ? await q.query({ name: options.name, text: sql, values })
        : await q.query(sql, values);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
