import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDb } from '../../src/db/db.js';
import { migrate } from '../../src/db/migrate.js';

/**
 * The database an integration test runs against. The `pglite` Vitest project gives an
 * in-memory PGlite; the `postgres` project (enabled when GRIDCARE_TEST_DATABASE_URL is set)
 * creates a fresh database on the server and drops it afterwards.
 */
export const TEST_TARGET: 'pglite' | 'postgres' =
  process.env.GRIDCARE_TEST_TARGET === 'postgres' ? 'postgres' : 'pglite';

export interface TestDb {
  db: Db;
  /** Connection URL of the server database (postgres target only), for child processes. */
  url: string | undefined;
  /** Data folder of a file-backed PGlite (when asked for), for child processes. */
  dataDir: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDb(options: { migrated?: boolean; dataDir?: string } = {}): Promise<TestDb> {
  const migrated = options.migrated ?? true;
  if (TEST_TARGET === 'postgres') {
    const serverUrl = process.env.GRIDCARE_TEST_DATABASE_URL;
    if (!serverUrl) throw new Error('GRIDCARE_TEST_DATABASE_URL must be set for the postgres test target');
    const name = `gridcare_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = withDatabase(serverUrl, name);
    const db = await openDb({ databaseUrl: url, poolSize: 4 });
    if (migrated) await migrate(db);
    return {
      db,
      url,
      dataDir: undefined,
      async drop() {
        await db.close();
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const db = await openDb({ dataDir: options.dataDir });
  if (migrated) await migrate(db);
  return { db, url: undefined, dataDir: options.dataDir, drop: () => db.close() };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
