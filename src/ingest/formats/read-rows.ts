import path from 'node:path';
import { AppError } from '../../errors.js';
import { readCsv } from './csv-reader.js';
import { detectEncoding } from './encoding.js';
import { readJsonLines } from './jsonl-reader.js';
import type { RowEvent } from './source-row.js';
import { readXlsx } from './xlsx-reader.js';

export type FileFormat = 'csv' | 'jsonl' | 'xlsx';

export function formatOf(file: string): FileFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

export interface ReadOptions {
  /** Text encoding of CSV / JSON Lines; detected when unset. */
  encoding?: string | undefined;
}

/** Opens any supported file and streams its header and rows. Returns the encoding used. */
export async function openRows(
  file: string,
  options: ReadOptions = {},
): Promise<{ format: FileFormat; encoding: string | undefined; rows: AsyncGenerator<RowEvent> }> {
  const format = formatOf(file);
  if (!format) {
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      `${path.basename(file)}: unsupported file type (use .csv, .jsonl or .xlsx)`,
    );
  }
  if (format === 'xlsx') return { format, encoding: undefined, rows: readXlsx(file) };
  const encoding = normaliseEncoding(options.encoding) ?? (await detectEncoding(file));
  return { format, encoding, rows: format === 'csv' ? readCsv(file, encoding) : readJsonLines(file, encoding) };
}

function normaliseEncoding(encoding: string | undefined): string | undefined {
  if (!encoding) return undefined;
  const name = encoding.toLowerCase().replace('-', '');
  if (!['utf8', 'gbk', 'gb18030', 'gb2312'].includes(name)) {
    throw new AppError('IMPORT_ENCODING', `Unknown encoding '${encoding}': use utf8, gbk or gb18030`);
  }
  return name;
}
