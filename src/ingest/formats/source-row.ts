/** What every file reader yields: the header once, then one event per data row. */
export type RowEvent =
  | { type: 'header'; columns: string[] }
  /** `row`: 1-based data row (header excluded); `line`: line (CSV, JSON Lines) or sheet row (Excel). */
  | { type: 'row'; row: number; line: number; values: Record<string, unknown> }
  /** A row the reader could not turn into cells (bad JSON line, wrong cell count). */
  | { type: 'bad'; row: number; line: number; field: string; reason: string };

/** The file ends or breaks mid-record: rows before `row` were read, nothing after. */
export class TruncatedFileError extends Error {
  constructor(
    readonly row: number,
    readonly line: number,
    reason: string,
  ) {
    super(`broken at data row ${row} (line ${line}): ${reason}`);
    this.name = 'TruncatedFileError';
  }
}

export type TextEncoding = 'utf8' | 'gbk' | 'gb18030';
