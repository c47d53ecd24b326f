import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncodingOf } from './encoding.js';
import { openRows } from './read-rows.js';
import { type RowEvent, TruncatedFileError } from './source-row.js';

const EXAMPLES = path.resolve('examples');
const tmp = mkdtempSync(path.join(tmpdir(), 'gridcare-readers-'));

async function readAll(file: string, encoding?: string): Promise<{ events: RowEvent[]; error?: unknown }> {
  const events: RowEvent[] = [];
  try {
    const { rows } = await openRows(file, { encoding });
    for await (const event of rows) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

const rowsOf = (events: RowEvent[]) => events.filter((e) => e.type === 'row');

describe('file readers', () => {
  it('reads a CSV header as the record keys, with Chinese text intact', async () => {
    const { events } = await readAll(path.join(EXAMPLES, 'customers.csv'));
    expect(events[0]).toMatchObject({ type: 'header', columns: expect.arrayContaining(['customer_no', 'phone']) });
    const rows = rowsOf(events);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ row: 1, line: 2, values: { customer_no: 'C0001', name: '张伟' } });
  });

  it('strips a UTF-8 byte-order mark so the first column keeps its name', async () => {
    const file = path.join(tmp, 'bom.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('customer_no,name\nC1,张三\n')]));
    const { events } = await readAll(file);
    expect(events[0]).toEqual({ type: 'header', columns: ['customer_no', 'name'] });
    expect(rowsOf(events)[0]).toMatchObject({ values: { customer_no: 'C1', name: '张三' } });
  });

  it.each([undefined, 'gbk', 'gb18030'])('reads a GBK export (encoding %s)', async (encoding) => {
    const file = path.join(tmp, `gbk-${encoding}.csv`);
    writeFileSync(file, iconv.encode('customer_no,name,address\nC1,国网客户,长沙县星沙街道\n', 'gbk'));
    const { events } = await readAll(file, encoding);
    expect(rowsOf(events)[0]).toMatchObject({ values: { name: '国网客户', address: '长沙县星沙街道' } });
  });

  it('detects UTF-8 even when the sample ends inside a character', () => {
    const bytes = Buffer.from('电力客户', 'utf8');
    expect(detectEncodingOf(bytes.subarray(0, bytes.length - 1), false)).toBe('utf8');
    expect(detectEncodingOf(iconv.encode('电力客户服务中心', 'gbk'), true)).toBe('gb18030');
  });

  it('reads JSON Lines objects with line numbers', async () => {
    const { events } = await readAll(path.join(EXAMPLES, 'calls.jsonl'));
    const rows = rowsOf(events);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ row: 1, line: 1, values: { call_id: 'CALL-0001' } });
  });

  it('reads the first worksheet of an .xlsx, dates as Date', async () => {
    const { events } = await readAll(path.join(EXAMPLES, 'employees-2026-10.xlsx'));
    const rows = rowsOf(events);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ row: 1, line: 2, values: { employee_no: 'E001', name: '刘敏', birth_year: 1990 } });
    const first = rows[0];
    expect(first?.type === 'row' && first.values.hire_date).toBeInstanceOf(Date);
  });

  it('reads a workbook whose parts come in another order, as other spreadsheet programs write them', async () => {
    // Shared strings before the worksheet, the workbook part last (exceljs#962).
    const reordered = await readAll(path.resolve('test/fixtures/employees-workbook-part-last.xlsx'));
    const original = await readAll(path.join(EXAMPLES, 'employees-2026-10.xlsx'));
    expect(reordered.error).toBeUndefined();
    expect(rowsOf(reordered.events)).toHaveLength(4);
    expect(reordered.events).toEqual(original.events);
  });

  it('reports a CSV row with the wrong number of cells as a bad row', async () => {
    const { events } = await readAll(path.join(EXAMPLES, 'bad/customers-bad-rows.csv'));
    expect(events.find((e) => e.type === 'bad')).toMatchObject({
      row: 7,
      line: 8,
      reason: 'has 8 cells, the header has 9',
    });
  });

  it('keeps the rows before a CSV that ends inside a quoted cell and names the row', async () => {
    const { events, error } = await readAll(path.join(EXAMPLES, 'bad/payments-truncated.csv'));
    expect(rowsOf(events).map((e) => e.type === 'row' && e.values.payment_no)).toEqual(['P9001', 'P9002']);
    expect(error).toBeInstanceOf(TruncatedFileError);
    expect((error as TruncatedFileError).row).toBe(3);
    expect((error as Error).message).toContain('quoted cell');
  });

  it('treats a cut-off last JSON line as truncation, a bad middle line as a bad row', async () => {
    const truncated = await readAll(path.join(EXAMPLES, 'bad/traces-truncated.jsonl'));
    expect(rowsOf(truncated.events)).toHaveLength(2);
    expect(truncated.error).toBeInstanceOf(TruncatedFileError);
    expect((truncated.error as TruncatedFileError).line).toBe(3);
    const middle = await readAll(path.join(EXAMPLES, 'bad/calls-bad-json.jsonl'));
    expect(middle.error).toBeUndefined();
    expect(middle.events.filter((e) => e.type === 'bad')).toMatchObject([{ row: 2, line: 2 }]);
    expect(rowsOf(middle.events)).toHaveLength(5);
  });

  it('reports a broken .xlsx as an unreadable workbook', async () => {
    const { error } = await readAll(path.join(EXAMPLES, 'bad/employees-truncated.xlsx'));
    expect(error).toBeInstanceOf(TruncatedFileError);
    expect((error as Error).message).toContain('not a readable .xlsx');
  });
});
