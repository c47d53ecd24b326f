import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Db } from '../db/db.js';
import { openDb } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { createGroundTruthMemory, type GroundTruthLine, groundTruthPath } from '../demo/ground-truth.js';
import { buildClock } from '../demo/clock.js';
import { DEFAULT_END_MONTH, DEFAULT_MONTHS, generateDemoWorld } from '../demo/world.js';
import { AppError } from '../errors.js';
import { createDbSink } from '../ingest/db-sink.js';
import { createProgress } from '../ingest/progress.js';
import { liveModels } from '../portraits/complaint-risk/model-store.js';
import { PORTRAIT_CATALOG } from '../portraits/definitions/index.js';
import { evaluateAreaPortraits, evaluatePortraits } from '../portraits/eval/evaluate-portraits.js';
import { formatTagMisses, tagMisses } from '../portraits/eval/tag-misses.js';
import { formatTagScores } from '../portraits/eval/tally-tags.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';
import { demoWorldMarker } from './first-start.js';
import { buildDerivedFacts } from './first-start-derived.js';

interface EvalPortraitFlags extends Record<string, unknown> {
  seed?: string;
  customers?: string;
  months?: string;
  groundTruth?: string;
  misses?: string;
}

async function readGroundTruth(file: string): Promise<GroundTruthLine[]> {
  if (!existsSync(file))
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      `Ground truth ${file} does not exist; it is written when a demo world is generated`,
    );
  const lines: GroundTruthLine[] = [];
  for await (const raw of createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (raw.trim()) lines.push(JSON.parse(raw) as GroundTruthLine);
  }
  return lines;
}

/** A fresh world in an in-memory embedded database: generate, inspect calls, build portraits. */
async function freshWorld(
  seed: number,
  customers: number,
  months: number,
): Promise<{ db: Db; truth: GroundTruthLine[] }> {
  const db = await openDb({});
  await migrate(db);
  const sink = createDbSink(db, { source: 'demo' });
  const truth = createGroundTruthMemory();
  const progress = createProgress({ label: `demo world (seed ${seed})`, unit: 'customers', total: customers });
  try {
    await generateDemoWorld({ seed, customers, months, endMonth: DEFAULT_END_MONTH }, sink, truth, progress);
  } finally {
    await sink.close();
  }
  // As of the world's last day, not today: the same seed scores the same whenever it is run.
  await buildDerivedFacts(db, console.log, new Date(buildClock(DEFAULT_END_MONTH, months).endMs - 1));
  return { db, truth: truth.lines };
}

function integer(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new AppError('CONFIG_INVALID', `--${name} must be an integer ≥ ${min} (got ${value})`);
  return n;
}

/**
 * `gridcare eval portraits`: precision and recall of every trait-backed tag against the demo
 * world's planted traits — of the configured database's portraits, or (with --seed) of a
 * fresh world generated into a throwaway in-memory database.
 */
export function registerEvalPortraitsCommand(evaluate: Command): void {
  withConfigFlags(
    evaluate
      .command('portraits')
      .description('Precision/recall of trait-backed portrait tags against the demo world ground truth')
      .option('--seed <s>', 'generate a fresh world with this seed into an in-memory database and evaluate it')
      .option('--customers <n>', 'customers of the fresh world', '5000')
      .option('--months <m>', 'months of the fresh world', String(DEFAULT_MONTHS))
      .option('--misses <tag>', "list the tag's false positives and negatives with the features its condition reads")
      .option(
        '--ground-truth <file>',
        'ground truth of the configured database (default: the first-start demo world’s)',
      ),
    ['dataDir', 'databaseUrl'],
  ).action(async (flags: EvalPortraitFlags) => {
    let db: Db;
    let truth: GroundTruthLine[];
    if (flags.seed !== undefined) {
      ({ db, truth } = await freshWorld(
        integer(flags.seed, 'seed', Number.MIN_SAFE_INTEGER),
        integer(flags.customers ?? '5000', 'customers', 100),
        integer(flags.months ?? String(DEFAULT_MONTHS), 'months', 1),
      ));
    } else {
      const config = configFromFlags(flags);
      db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const marker = await demoWorldMarker(db);
      const file =
        flags.groundTruth ??
        (typeof marker?.groundTruth === 'string'
          ? marker.groundTruth
          : groundTruthPath(config.dataDir, Number(marker?.seed ?? 0)));
      truth = await readGroundTruth(file);
    }
    try {
      const result = await evaluatePortraits(db, truth);
      console.log(`${result.customers} customers, portraits as of ${result.asOf?.toISOString() ?? '–'}\n`);
      console.log(formatTagScores(result.scores));
      const areas = await evaluateAreaPortraits(db, truth);
      console.log(`\n${areas.areas} transformer areas\n\n${formatTagScores(areas.scores)}`);
      if (flags.misses !== undefined) {
        const tag = PORTRAIT_CATALOG.tags.find((t) => t.code === flags.misses && t.subject === 'customer');
        if (!tag) throw new AppError('CONFIG_INVALID', `--misses: no customer tag '${flags.misses}'`);
        console.log(`\n${formatTagMisses(tagMisses(result.scored, tag.code, tag.when), 40)}`);
      }
      const risk = (await liveModels(db)).get('complaint_risk');
      console.log(
        risk
          ? `\nComplaint risk (v${risk.version}, trained up to ${risk.trainedAsOf.toISOString().slice(0, 10)}): hold-out AUC ${risk.metrics.auc?.toFixed(3) ?? 'n/a'} vs baseline ${risk.metrics.baselineAuc?.toFixed(3) ?? 'n/a'} (${risk.metrics.holdoutPositives} complainers of ${risk.metrics.holdoutRows})`
          : '\nComplaint risk: no model trained (gridcare portraits train-risk)',
      );
      console.log(`\n${JSON.stringify([...result.scores, ...areas.scores])}`);
    } finally {
      await db.close();
    }
  });
}
