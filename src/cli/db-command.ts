import type { Command } from 'commander';
import { openDb, redactUrl } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  withConfigFlags(db.command('migrate').description('Apply pending SQL migrations'), ['dataDir', 'databaseUrl']).action(
    async (options: Record<string, unknown>) => {
      const config = configFromFlags(options);
      const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const ran = await migrate(database);
        const where = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir;
        console.log(
          ran.length === 0
            ? `Database at ${where} is up to date.`
            : `Applied ${ran.length} migration(s) to ${where}: ${ran.map((m) => `${m.version}_${m.name}`).join(', ')}`,
        );
      } finally {
        await database.close();
      }
    },
  );
}
