import type { Config } from '../config/config.js';
import { type Db, openDb } from './db.js';
import { checkIntegrity, describeIntegrity } from './integrity-check.js';
import { migrate } from './migrate.js';

/**
 * Opens the configured database (server URL, else embedded under dataDir) and migrates it.
 * An embedded database whose last process did not close it is checked first, and an index
 * that disagrees with its table is rebuilt: the one damage seen after a killed server.
 */
export async function openConfiguredDb(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  log: (line: string) => void = (line) => console.error(line),
): Promise<Db> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (db.uncleanStop) {
      log(`The embedded database in ${config.dataDir} was not closed by its last process; checking it …`);
      const started = performance.now();
      const report = await checkIntegrity(db, { repair: true });
      for (const line of describeIntegrity(report)) log(`  ${line}`);
      log(`  checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}/pgdata`;
}
