import type { Command } from 'commander';
import type { QaReinspectionJob } from '../api/qa-contract.js';
import type { Db } from '../db/db.js';
import { openConfiguredDb } from '../db/open-configured.js';
import { AppError } from '../errors.js';
import { createProgress } from '../ingest/progress.js';
import { CompiledSchemes } from '../qa/store/compiled-schemes.js';
import { getJob } from '../qa/store/jobs.js';
import { startReinspection } from '../qa/store/reinspections.js';
import { runJobBatch } from '../qa/store/run-job.js';
import { ensureDefaultQaScheme } from '../qa/store/scheme-store.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';

interface ReinspectFlags extends Record<string, unknown> {
  from: string;
  to: string;
  scheme?: string;
  version?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `gridcare qa reinspect`: re-inspect a period with the routine scheme, here, with progress. */
export function registerQaCommands(program: Command): void {
  const qa = program.command('qa').description('Quality inspection (智能质检)');
  withConfigFlags(
    qa
      .command('reinspect')
      .description(
        'Re-inspect the calls of a period with the live (or a given published) version of the routine scheme',
      )
      .requiredOption('--from <YYYY-MM-DD>', 'first local day of the period')
      .requiredOption('--to <YYYY-MM-DD>', 'last local day of the period')
      .option('--version <n>', 'published version of the routine scheme (default: the live one)'),
    ['dataDir', 'databaseUrl'],
  ).action(async (flags: ReinspectFlags) => {
    if (!DAY.test(flags.from) || !DAY.test(flags.to))
      throw new AppError('CONFIG_INVALID', '--from and --to are local days, YYYY-MM-DD');
    const db = await openConfiguredDb(configFromFlags(flags));
    try {
      await runQaReinspect(db, flags);
    } finally {
      await db.close();
    }
  });
}

/** Starts a re-inspection job of the routine scheme and runs it to the end in this process. */
export async function runQaReinspect(
  db: Db,
  flags: { from: string; to: string; version?: string | undefined },
  log: (line: string) => void = console.log,
  showProgress = true,
): Promise<QaReinspectionJob> {
  await ensureDefaultQaScheme(db);
  const routine = await db.query<{ scheme_code: string; version: number | null }>(
    `SELECT s.scheme_code, v.version FROM qa_scheme s LEFT JOIN qa_scheme_version v ON v.scheme_code = s.scheme_code AND v.status = 'live'
     WHERE s.routine`,
  );
  const scheme = routine[0];
  const version = flags.version !== undefined ? Number(flags.version) : scheme?.version;
  if (!scheme || version === null || version === undefined || !Number.isInteger(version)) {
    throw new AppError('QA_SCHEME_STATE', 'No live routine scheme to re-inspect with; pass --version');
  }
  const job = await startReinspection(db, null, {
    schemeCode: scheme.scheme_code,
    version,
    from: flags.from,
    to: flags.to,
  });
  log(`Re-inspection job ${job.jobId}: ${scheme.scheme_code} v${version}, ${flags.from} … ${flags.to}`);
  const schemes = new CompiledSchemes();
  const progress = createProgress({ label: 'QA re-inspection', unit: 'calls', enabled: showProgress });
  for (
    let n = await runJobBatch(db, schemes, 500, job.jobId);
    n > 0;
    n = await runJobBatch(db, schemes, 500, job.jobId)
  ) {
    progress.setTotal((await getJob(db, job.jobId)).total);
    progress.tick(n);
  }
  progress.done();
  const end = await getJob(db, job.jobId);
  log(
    `Job ${end.jobId} ${end.status}: ${end.done} of ${end.total} calls re-inspected${end.error ? ` (${end.error})` : ''}.`,
  );
  return end;
}
