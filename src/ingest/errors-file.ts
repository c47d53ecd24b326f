/**
 * The machine-readable list of rejected rows: JSON Lines, one object per rejected row
 * (docs/data-formats.md#rejected-rows-and-the-errors-file). Created on the first rejection,
 * so a clean import leaves no file; a stale file from an earlier run is removed first.
 */
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';

export interface RowError {
  file: string;
  kind: string;
  /** 1-based data row (header not counted). */
  row: number;
  /** Line in the file (CSV, JSON Lines) or sheet row (Excel), when known. */
  line?: number | undefined;
  field: string;
  reason: string;
  /** The cells as read, to fix and re-import. */
  values?: Record<string, unknown> | undefined;
}

export interface ErrorsFile {
  write(error: RowError): void;
  close(): Promise<void>;
  readonly path: string;
  readonly count: number;
}

export function openErrorsFile(path: string): ErrorsFile {
  rmSync(path, { force: true });
  let stream: WriteStream | undefined;
  let count = 0;
  return {
    path,
    get count() {
      return count;
    },
    write(error) {
      stream ??= createWriteStream(path, { encoding: 'utf8' });
      stream.write(`${JSON.stringify(error)}\n`);
      count += 1;
    },
    close() {
      const open = stream;
      if (!open) return Promise.resolve();
      return new Promise((resolve, reject) => {
        open.end((error?: Error | null) => (error ? reject(error) : resolve()));
      });
    },
  };
}
