import type { Command } from 'commander';
import { openDb, redactUrl } from '../db/db.js';
import { checkIntegrity, describeIntegrity } from '../db/integrity-check.js';
import { migrate } from '../db/migrate.js';
import { describeDatabase } from '../db/open-configured.js';
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
  withConfigFlags(
    db
      .command('check')
      .description(
        'Check that every index agrees with its table and every table page is sound (amcheck); exit 1 when damage remains',
      )
      .option('--repair', 'rebuild each index that disagrees with its table (REINDEX)'),
    ['dataDir', 'databaseUrl'],
  ).action(async (options: Record<string, unknown>) => {
    const config = configFromFlags(options);
    const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      console.log(`Checking the ${describeDatabase(config)} …`);
      const started = performance.now();
      const report = await checkIntegrity(database, {
        repair: options.repair === true,
        onProgress: (done, total) => {
          if (process.stdout.isTTY) process.stdout.write(`\r  ${done} / ${total}`);
        },
      });
      if (process.stdout.isTTY) process.stdout.write('\n');
      for (const line of describeIntegrity(report)) console.log(line);
      console.log(`Checked in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      if (report.unresolved > 0) {
        if (!options.repair && report.tableProblems.length === 0)
          console.log('Run gridcare db check --repair to rebuild the damaged indexes from their tables.');
        process.exitCode = 1;
      }
    } finally {
      await database.close();
    }
  });
}
