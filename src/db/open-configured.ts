import type { Config } from '../config/config.js';
import { type Db, openDb } from './db.js';
import { migrate } from './migrate.js';

/** Opens the configured database (server URL, else embedded under dataDir) and migrates it. */
export async function openConfiguredDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db);
  return db;
}

export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}/pgdata`;
}
