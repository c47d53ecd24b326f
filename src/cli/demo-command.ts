import path from 'node:path';
import type { Command } from 'commander';
import { describeDatabase, openConfiguredDb } from '../db/open-configured.js';
import { buildClock } from '../demo/clock.js';
import { createFileSink } from '../demo/file-sink.js';
import { createGroundTruthFile, groundTruthPath } from '../demo/ground-truth.js';
import { DEFAULT_END_MONTH, generateDemoWorld } from '../demo/world.js';
import { AppError } from '../errors.js';
import { createDbSink } from '../ingest/db-sink.js';
import { createProgress } from '../ingest/progress.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';

interface DemoFlags {
  customers?: string;
  months?: string;
  seed?: string;
  end: string;
  out?: string;
  quiet?: boolean;
  [flag: string]: unknown;
}

function integer(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new AppError('CONFIG_INVALID', `--${name} must be an integer ≥ ${min} (got ${value})`);
  return n;
}

/** `gridcare demo`: a deterministic demo world, into files (--out DIR) or into the database. */
export function registerDemoCommand(program: Command): void {
  const command = program
    .command('demo')
    .description('Generate a deterministic demo world (Hunan): files with --out DIR, else into the database')
    .option('--customers <n>', 'customers (default GRIDCARE_DEMO_CUSTOMERS or 20000)')
    .option('--months <m>', 'months of history (default 12)')
    .option('--seed <s>', 'random seed (default GRIDCARE_DEMO_SEED)')
    .option(
      '--end <YYYY-MM>',
      "last month of the world (it ends on that month's last day, Asia/Shanghai)",
      DEFAULT_END_MONTH,
    )
    .option('--out <dir>', 'write import files (CSV, calls.jsonl) and ground-truth.jsonl into DIR')
    .option('--quiet', 'no progress display');
  withConfigFlags(command, ['dataDir', 'databaseUrl']).action(async (flags: DemoFlags) => {
    const config = configFromFlags(flags);
    const options = {
      customers: integer(flags.customers, config.demoCustomers, 'customers', 1),
      months: integer(flags.months, config.demoMonths, 'months', 1),
      seed: integer(flags.seed, config.demoSeed, 'seed', Number.MIN_SAFE_INTEGER),
      endMonth: flags.end,
    };
    // The importer rejects anything dated in the future, so the world must have ended already.
    const clock = buildClock(options.endMonth, options.months);
    if (clock.endMs > Date.now()) {
      throw new AppError(
        'CONFIG_INVALID',
        `--end ${options.endMonth} is not over yet; choose a month that has ended (default ${DEFAULT_END_MONTH})`,
      );
    }
    const newProgress = () =>
      createProgress({
        label: 'demo world',
        unit: 'customers',
        total: options.customers,
        enabled: flags.quiet !== true,
      });
    if (flags.out) {
      const dir = path.resolve(flags.out);
      const sink = createFileSink(dir);
      const truth = createGroundTruthFile(path.join(dir, 'ground-truth.jsonl'));
      const summary = await generateDemoWorld(options, sink, truth, newProgress());
      await sink.close();
      await truth.close();
      process.stdout.write(
        `Wrote ${options.customers} customers to ${dir} in ${(summary.elapsedMs / 1000).toFixed(1)} s\n${JSON.stringify(summary.rows)}\n`,
      );
      return;
    }
    const db = await openConfiguredDb(config);
    try {
      const sink = createDbSink(db, { source: 'demo' });
      const truthFile = groundTruthPath(config.dataDir, options.seed);
      const truth = createGroundTruthFile(truthFile);
      const summary = await generateDemoWorld(options, sink, truth, newProgress());
      await sink.close();
      await truth.close();
      const counts = sink.counts();
      const rejected = Object.values(counts).reduce((n, c) => n + (c?.rejected.length ?? 0), 0);
      process.stdout.write(
        `Imported ${options.customers} customers into ${describeDatabase(config)} in ${(summary.elapsedMs / 1000).toFixed(1)} s; ${rejected} rejected rows; ground truth in ${truthFile}\n`,
      );
      if (rejected > 0) process.exitCode = 1;
    } finally {
      await db.close();
    }
  });
}
