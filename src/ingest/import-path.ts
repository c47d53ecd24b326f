/**
 * `gridcare import PATH`: a file or a folder of files. A folder's files are imported in
 * IMPORT_ORDER (a kind refers only to kinds before it); a file that fails (missing column,
 * truncated) is reported and the others still import. In a folder, a file whose name names
 * no kind is skipped and listed; named on its own, it is an IMPORT_UNKNOWN_KIND error.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import { formatOf } from './formats/read-rows.js';
import { emptyFileSummary, type FileSummary, importFile } from './import-file.js';
import { DEFAULT_SOURCE, kindFromFileName } from './kind.js';
import { IMPORT_ORDER, type ImportKind } from './records.js';

export interface ImportOptions {
  /** Kind of every file (otherwise told from each file's name). */
  kind?: ImportKind | undefined;
  /** Source system name (otherwise the kind's natural source system, DEFAULT_SOURCE). */
  source?: string | undefined;
  encoding?: string | undefined;
  /** Errors file for a single-file import (default `<file>.errors.jsonl`). */
  errorsPath?: string | undefined;
  batchSize?: number | undefined;
  progress?: boolean | undefined;
  now?: Date | undefined;
}

export interface ImportSummary {
  files: FileSummary[];
  totals: Pick<FileSummary, 'read' | 'accepted' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'quarantined'>;
  /** Files that could not be imported at all or only in part. */
  failedFiles: number;
  /** Files of a folder whose name names no kind (e.g. a README or ground-truth.jsonl): not imported. */
  skippedFiles: string[];
}

export async function importPath(db: Db, target: string, options: ImportOptions = {}): Promise<ImportSummary> {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(target);
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', `${target}: no such file or folder`);
  }
  const files = stat.isDirectory() ? listImportFiles(target, options.kind) : [target];
  const summaries: FileSummary[] = [];
  const skippedFiles: string[] = [];
  for (const file of files) {
    const kind = options.kind ?? kindFromFileName(file);
    if (!kind && stat.isDirectory()) {
      skippedFiles.push(file);
      continue;
    }
    if (!kind) {
      summaries.push(unknownKind(file));
      continue;
    }
    summaries.push(
      await importFile(db, file, {
        kind,
        source: options.source ?? DEFAULT_SOURCE[kind],
        encoding: options.encoding,
        errorsPath: stat.isDirectory() ? undefined : options.errorsPath,
        batchSize: options.batchSize,
        progress: options.progress,
        now: options.now,
      }),
    );
  }
  return {
    files: summaries,
    totals: totalsOf(summaries),
    failedFiles: summaries.filter((s) => s.fileError).length,
    skippedFiles,
  };
}

/** Import files of a folder (not its subfolders), ordered by kind, then by name. */
export function listImportFiles(folder: string, kind?: ImportKind): string[] {
  const order = (file: string) => {
    const k = kind ?? kindFromFileName(file);
    return k === undefined ? IMPORT_ORDER.length : IMPORT_ORDER.indexOf(k);
  };
  return readdirSync(folder)
    .filter((name) => formatOf(name) !== undefined && !name.endsWith('.errors.jsonl'))
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile())
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

function unknownKind(file: string): FileSummary {
  return {
    ...emptyFileSummary(file, 'unknown', ''),
    fileError: {
      code: 'IMPORT_UNKNOWN_KIND',
      message: `${path.basename(file)}: cannot tell the kind from the name; name it <kind>….csv (${IMPORT_ORDER.join(', ')}) or pass --kind`,
    },
  };
}

function totalsOf(files: readonly FileSummary[]): ImportSummary['totals'] {
  const totals = { read: 0, accepted: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, quarantined: 0 };
  for (const f of files) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += f[k];
  return totals;
}
