import type { Command } from 'commander';
import { openConfiguredDb } from '../db/open-configured.js';
import { AppError } from '../errors.js';
import type { ImportSummary } from '../ingest/import-path.js';
import { importPath } from '../ingest/import-path.js';
import { isImportKind } from '../ingest/kind.js';
import { resolveQuarantine } from '../ingest/quarantine-retry.js';
import type { ImportKind } from '../ingest/records.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';

interface ImportFlags extends Record<string, unknown> {
  kind?: string;
  source?: string;
  encoding?: string;
  errors?: string;
  batchSize?: string;
  retryQuarantine?: boolean;
  progress?: boolean;
  json?: boolean;
}

/**
 * `gridcare import PATH` (docs/data-formats.md). Exit status: 0 all rows stored, 2 some rows
 * rejected or some files failed (see the summary and the errors files), 1 the import stopped.
 */
export function registerImportCommand(program: Command): void {
  const command = program
    .command('import [path]')
    .description('Import CSV, JSON Lines or Excel files, or a folder of them (see docs/data-formats.md)')
    .option('--kind <kind>', 'kind of the file(s), otherwise told from the file name (customers.csv …)')
    .option(
      '--source <name>',
      "source system name (default: the kind's own system: sg186, 95598, collection, sms, pms, hr)",
    )
    .option('--encoding <name>', 'text encoding: utf8, gbk or gb18030 (default: detected)')
    .option('--errors <path>', 'errors file of a single-file import (default: <file>.errors.jsonl)')
    .option('--batch-size <rows>', 'rows per transaction', '2000')
    .option('--retry-quarantine', 'after importing (or alone), retry quarantined records whose customer was unknown')
    .option('--no-progress', 'no progress display')
    .option('--json', 'print the summary as JSON');
  withConfigFlags(command, ['dataDir', 'databaseUrl']).action(
    async (target: string | undefined, flags: ImportFlags) => {
      if (!target && !flags.retryQuarantine)
        throw new AppError('VALIDATION_FAILED', 'Give a file or folder to import, or --retry-quarantine');
      if (flags.kind && !isImportKind(flags.kind)) {
        throw new AppError('IMPORT_UNKNOWN_KIND', `Unknown kind '${flags.kind}'`);
      }
      const config = configFromFlags(flags);
      const db = await openConfiguredDb(config);
      try {
        let failed = false;
        if (target) {
          // On stderr beside the progress lines: stdout is the summary (or its JSON) alone.
          if (!flags.json) process.stderr.write(`Importing ${target} …\n`);
          const summary = await importPath(db, target, {
            kind: flags.kind as ImportKind | undefined,
            source: flags.source,
            encoding: flags.encoding,
            errorsPath: flags.errors,
            batchSize: Number(flags.batchSize ?? 2000),
            progress: flags.progress !== false,
          });
          console.log(flags.json ? JSON.stringify(summary) : formatSummary(summary));
          failed = summary.totals.rejected > 0 || summary.failedFiles > 0;
        }
        if (flags.retryQuarantine) {
          const retry = await resolveQuarantine(db);
          console.log(
            flags.json
              ? JSON.stringify({ quarantine: retry })
              : `Quarantine: retried ${retry.retried}, resolved ${retry.resolved}, still quarantined ${retry.remaining}`,
          );
        }
        if (failed) process.exitCode = 2;
      } finally {
        await db.close();
      }
    },
  );
}

export function formatSummary(summary: ImportSummary): string {
  const lines: string[] = [];
  const header = ['file', 'kind', 'read', 'accepted', 'new', 'updated', 'unchanged', 'rejected', 'quarantined'];
  const rows = summary.files.map((f) => [
    f.file.split(/[\\/]/).pop() ?? f.file,
    f.kind,
    ...[f.read, f.accepted, f.inserted, f.updated, f.unchanged, f.rejected, f.quarantined].map(String),
  ]);
  const t = summary.totals;
  rows.push([
    'total',
    '',
    ...[t.read, t.accepted, t.inserted, t.updated, t.unchanged, t.rejected, t.quarantined].map(String),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  lines.push(fmt(header), ...rows.map(fmt));
  if (summary.skippedFiles.length > 0) {
    lines.push(
      `\nSkipped (the name names no kind): ${summary.skippedFiles.map((f) => f.split(/[\\/]/).pop()).join(', ')}`,
    );
  }
  for (const f of summary.files) {
    const name = f.file.split(/[\\/]/).pop();
    if (f.fileError) lines.push(`\n${f.fileError.code}: ${f.fileError.message}`);
    if (f.rejected === 0) continue;
    lines.push(`\n${name}: ${f.rejected} rejected row(s)${f.errorsFile ? ` — details in ${f.errorsFile}` : ''}`);
    for (const [reason, n] of Object.entries(f.reasons)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10))
      lines.push(`  ${String(n).padStart(6)} × ${reason}`);
    for (const e of f.examples.slice(0, 5))
      lines.push(`  row ${e.row}${e.line ? ` (line ${e.line})` : ''}: ${e.field} — ${e.reason}`);
  }
  return lines.join('\n');
}
