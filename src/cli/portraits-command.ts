import type { Command } from 'commander';
import { openDb } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { AppError } from '../errors.js';
import type { SubjectKind } from '../portraits/engine/types.js';
import { createPortraitEngine } from '../portraits/portraits.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';
import { rebuildProgressReporter } from './rebuild-progress.js';
import { registerTrainRiskCommand } from './train-risk-command.js';

const KINDS: readonly SubjectKind[] = ['customer', 'employee', 'transformer_area', 'feeder', 'grid', 'station'];

function parseAsOf(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new AppError('CONFIG_INVALID', `--as-of must be a date or time like 2026-03-01 (got ${value})`);
  return at;
}

function parseKinds(value: string | undefined): SubjectKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !(KINDS as readonly string[]).includes(k));
  if (unknown.length)
    throw new AppError(
      'CONFIG_INVALID',
      `--kind: unknown subject kind ${unknown.join(', ')} (one of ${KINDS.join(', ')})`,
    );
  return kinds as SubjectKind[];
}

/** Month starts from `months` months before `asOf` up to (excluding) asOf, oldest first. */
export function historyPoints(asOf: Date, months: number): Date[] {
  const points: Date[] = [];
  for (let m = months; m >= 1; m--) {
    const at = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - m + 1, 1) - 8 * 3_600_000);
    if (at < asOf) points.push(at);
  }
  return points;
}

export function registerPortraitsCommand(program: Command): void {
  const portraits = program.command('portraits').description('Customer, employee and area portraits (画像)');
  withConfigFlags(
    portraits
      .command('rebuild')
      .description('Recompute every portrait from the definitions with set-based SQL')
      .option('--as-of <time>', 'compute as known at this time (default now)')
      .option('--kind <kinds>', `subject kinds, comma-separated (${KINDS.join(', ')})`)
      .option(
        '--history <months>',
        'also compute month-start snapshots for the past N months first, for ?asOf= queries',
      ),
    ['dataDir', 'databaseUrl'],
  ).action(async (flags: Record<string, unknown>) => {
    const config = configFromFlags(flags);
    const asOf = parseAsOf(flags.asOf as string | undefined);
    const kinds = parseKinds(flags.kind as string | undefined);
    const history = flags.history === undefined ? 0 : Number(flags.history);
    if (!Number.isInteger(history) || history < 0 || history > 36)
      throw new AppError('CONFIG_INVALID', `--history must be 0–36 months (got ${String(flags.history)})`);
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(db);
      const engine = createPortraitEngine(db);
      for (const at of [...historyPoints(asOf, history), asOf]) {
        const result = await engine.rebuild({
          asOf: at,
          ...(kinds ? { kinds } : {}),
          onProgress: rebuildProgressReporter(`${at.toISOString().slice(0, 10)} `),
        });
        console.log(
          `Portraits as of ${at.toISOString()}: ${result.subjects} subjects, ${result.written} changed, ${(result.ms / 1000).toFixed(1)} s`,
        );
      }
    } finally {
      await db.close();
    }
  });
  registerTrainRiskCommand(portraits);
}
