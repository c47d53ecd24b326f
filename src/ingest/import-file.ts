/**
 * Imports one file: stream rows, validate, write in batches (each batch one transaction with
 * its import_run bookkeeping), report every rejected row to the errors file.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import type { BatchItem, BatchOutcome } from './batch.js';
import { openErrorsFile, type RowError } from './errors-file.js';
import { openRows } from './formats/read-rows.js';
import { TruncatedFileError } from './formats/source-row.js';
import { createProgress } from './progress.js';
import type { ImportKind, RecordsByKind } from './records.js';
import { IDENTITY_COLUMNS, requiredHeaderColumns, SCHEMAS } from './schemas.js';
import { validateRecord } from './validate.js';
import { duplicateKey, keyOf, writeBatch } from './write-batch.js';

export interface FileOptions {
  kind: ImportKind;
  source: string;
  encoding?: string | undefined;
  errorsPath?: string | undefined;
  batchSize?: number | undefined;
  progress?: boolean | undefined;
  now?: Date | undefined;
  /** How many rejected rows the summary keeps as examples. */
  examples?: number | undefined;
}

export interface FileSummary {
  file: string;
  kind: ImportKind | 'unknown';
  source: string;
  encoding?: string | undefined;
  read: number;
  accepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  quarantined: number;
  /** Wall time of the file's import. */
  seconds: number;
  /** Rejected rows per reason (the reason without the row's own values). */
  reasons: Record<string, number>;
  examples: RowError[];
  errorsFile?: string | undefined;
  /** A file-level problem: missing column, unreadable or truncated file. */
  fileError?: { code: string; message: string; row?: number } | undefined;
}

/** A summary with nothing read yet; counters grow as batches are written. */
export function emptyFileSummary(file: string, kind: FileSummary['kind'], source: string): FileSummary {
  return {
    file,
    kind,
    source,
    read: 0,
    accepted: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    quarantined: 0,
    seconds: 0,
    reasons: {},
    examples: [],
  };
}

export async function importFile(db: Db, file: string, options: FileOptions): Promise<FileSummary> {
  const { kind, source } = options;
  const batchSize = options.batchSize ?? 2000;
  const summary = emptyFileSummary(file, kind, source);
  const started = performance.now();
  const errors = openErrorsFile(options.errorsPath ?? `${file}.errors.jsonl`);
  const name = path.basename(file);
  const [run] = await db.query<{ run_id: number }>(
    'INSERT INTO import_run (path, kind, source) VALUES ($1, $2, $3) RETURNING run_id',
    [path.resolve(file), kind, source],
  );
  const runId = (run as { run_id: number }).run_id;
  const progress = createProgress({
    label: name,
    total: estimateRows(file),
    unit: 'rows',
    enabled: options.progress ?? false,
  });
  const rawByRow = new Map<number, Record<string, unknown>>();
  const reportRejected = (error: Omit<RowError, 'file' | 'kind'>) => {
    const full: RowError = { file: name, kind, ...error };
    errors.write(full);
    summary.rejected += 1;
    // Group by what is wrong, not by the values it was wrong with.
    const reason = `${error.field}: ${error.reason.replace(/'[^']*'|\([^)]*\)|\d+/g, '…')}`;
    summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
    if (summary.examples.length < (options.examples ?? 10)) summary.examples.push(full);
  };
  let ticked = 0;
  let batch: BatchItem<RecordsByKind[ImportKind]>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    const lastRow = (items[items.length - 1] as BatchItem<unknown>).row;
    const outcome = await writeBatch(db, kind, source, items, (tx, o) =>
      recordProgress(tx, runId, o, items.length, lastRow),
    );
    count(summary, outcome);
    for (const r of outcome.rejected) reportRejected({ ...r, values: rawByRow.get(r.row) });
    rawByRow.clear();
    progress.tick(summary.read - ticked);
    ticked = summary.read;
  };
  const firstRowOfKey = new Map<string, number>();
  try {
    const { rows, encoding } = await openRows(file, { encoding: options.encoding });
    summary.encoding = encoding;
    for await (const event of rows) {
      if (event.type === 'header') {
        checkHeader(kind, event.columns, name);
        continue;
      }
      summary.read += 1;
      if (event.type === 'bad') {
        reportRejected(event);
        continue;
      }
      const result = validateRecord(kind, event.values, options.now);
      if (!result.ok) {
        reportRejected({
          row: event.row,
          line: event.line,
          field: result.field,
          reason: result.reason,
          values: event.values,
        });
        continue;
      }
      const key = keyOf(kind, result.record);
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        reportRejected({
          row: event.row,
          line: event.line,
          ...duplicateKey(kind, result.record, first),
          values: event.values,
        });
        continue;
      }
      firstRowOfKey.set(key, event.row);
      rawByRow.set(event.row, event.values);
      batch.push({ row: event.row, line: event.line, record: result.record });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } catch (error) {
    await flush().catch(() => undefined);
    summary.fileError = describeFileError(error, name);
  } finally {
    progress.tick(summary.read - ticked);
    progress.done();
    await errors.close();
  }
  if (errors.count > 0) summary.errorsFile = errors.path;
  summary.seconds = (performance.now() - started) / 1000;
  await db.query(
    `UPDATE import_run SET finished_at = now(), status = $2, error = $3, rows_read = $4 WHERE run_id = $1`,
    [runId, summary.fileError ? 'failed' : 'done', summary.fileError?.message ?? null, summary.read],
  );
  return summary;
}

function checkHeader(kind: ImportKind, columns: readonly string[], name: string): void {
  if (columns.length === 0) return; // JSON Lines: no header, missing keys are row errors
  const missing = requiredHeaderColumns(kind).filter((c) => !columns.includes(c));
  if (SCHEMAS[kind].customer === 'required' && !IDENTITY_COLUMNS.some((c) => columns.includes(c))) {
    missing.push(`one of ${IDENTITY_COLUMNS.join('/')}`);
  }
  if (missing.length > 0) {
    throw new AppError('IMPORT_MISSING_COLUMN', `${name}: missing required column ${missing.join(', ')}`, 400, {
      columns: missing,
    });
  }
}

function describeFileError(error: unknown, name: string): NonNullable<FileSummary['fileError']> {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof TruncatedFileError) {
    return {
      code: 'IMPORT_FILE_UNREADABLE',
      message: `${name}: ${error.message}; rows before it were imported`,
      row: error.row,
    };
  }
  const message = (error as Error).message ?? String(error);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    return { code: 'IMPORT_FILE_UNREADABLE', message: `${name}: ${message}` };
  // A database error is not the file's fault: let the caller fail loudly.
  throw error;
}

function count(summary: FileSummary, outcome: BatchOutcome): void {
  summary.inserted += outcome.inserted;
  summary.updated += outcome.updated;
  summary.unchanged += outcome.unchanged;
  summary.accepted += outcome.inserted + outcome.updated + outcome.unchanged;
  summary.quarantined += outcome.quarantined;
}

async function recordProgress(
  tx: { query: Db['query'] },
  runId: number,
  o: BatchOutcome,
  size: number,
  lastRow: number,
): Promise<void> {
  await tx.query(
    `UPDATE import_run SET rows_read = rows_read + $2, rows_inserted = rows_inserted + $3, rows_updated = rows_updated + $4,
       rows_unchanged = rows_unchanged + $5, rows_accepted = rows_accepted + $3 + $4 + $5,
       rows_rejected = rows_rejected + $6, rows_quarantined = rows_quarantined + $7, last_row = $8
     WHERE run_id = $1`,
    [runId, size, o.inserted, o.updated, o.unchanged, o.rejected.length, o.quarantined, lastRow],
  );
}

/** Rows expected, from the file size and the line length of its first 64 KiB (progress ETA only). */
function estimateRows(file: string): number | undefined {
  if (file.toLowerCase().endsWith('.xlsx')) return undefined; // compressed: size says little
  try {
    const size = statSync(file).size;
    const sample = Buffer.alloc(Math.min(size, 64 * 1024));
    const fd = openSync(file, 'r');
    try {
      readSync(fd, sample, 0, sample.length, 0);
    } finally {
      closeSync(fd);
    }
    const lines = sample.reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 0);
    return Math.max(1, Math.round((size * Math.max(lines, 1)) / Math.max(sample.length, 1)) - 1);
  } catch {
    return undefined;
  }
}
