import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { decodeStream } from './encoding.js';
import { type RowEvent, TruncatedFileError } from './source-row.js';

/** Streams a CSV file: the first record is the header, its names are the record keys. */
export async function* readCsv(file: string, encoding: string): AsyncGenerator<RowEvent> {
  const parser = decodeStream(createReadStream(file), encoding).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let header: string[] | undefined;
  let row = 0;
  let line = 1;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = item.record.map((name) => name.trim());
        line = item.info.lines;
        yield { type: 'header', columns: header };
        continue;
      }
      row += 1;
      const startLine = line + 1;
      line = item.info.lines;
      if (item.record.length !== header.length) {
        yield {
          type: 'bad',
          row,
          line: startLine,
          field: '(row)',
          reason: `has ${item.record.length} cells, the header has ${header.length}`,
        };
        continue;
      }
      const values: Record<string, unknown> = {};
      header.forEach((name, i) => {
        values[name] = item.record[i];
      });
      yield { type: 'row', row, line: startLine, values };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const reason =
        error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'the file ends inside a quoted cell (truncated?)' : error.message;
      throw new TruncatedFileError(row + 1, line + 1, reason);
    }
    throw error;
  }
  if (!header) yield { type: 'header', columns: [] };
}
