import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { decodeStream } from './encoding.js';
import { type RowEvent, TruncatedFileError } from './source-row.js';

/**
 * Streams a JSON Lines file, one object per line; blank lines are skipped. A line that is not
 * JSON is a rejected row, except the last line of the file: a cut-off last line means the
 * file was truncated, and is reported as such.
 */
export async function* readJsonLines(file: string, encoding: string): AsyncGenerator<RowEvent> {
  yield { type: 'header', columns: [] };
  const lines = createInterface({ input: decodeStream(createReadStream(file), encoding), crlfDelay: Infinity });
  let row = 0;
  let lineNo = 0;
  let pendingBad: { row: number; line: number; reason: string } | undefined;
  for await (const text of lines) {
    lineNo += 1;
    if (text.trim() === '') continue;
    if (pendingBad) {
      yield { type: 'bad', ...pendingBad, field: '(row)' };
      pendingBad = undefined;
    }
    row += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      pendingBad = { row, line: lineNo, reason: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { type: 'bad', row, line: lineNo, field: '(row)', reason: 'a line must hold one JSON object' };
      continue;
    }
    yield { type: 'row', row, line: lineNo, values: value as Record<string, unknown> };
  }
  if (pendingBad)
    throw new TruncatedFileError(pendingBad.row, pendingBad.line, `the last line is cut off (${pendingBad.reason})`);
}
