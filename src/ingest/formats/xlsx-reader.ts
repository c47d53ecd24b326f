import ExcelJS from 'exceljs';
import { type RowEvent, TruncatedFileError } from './source-row.js';

/** One worksheet row as ExcelJS gives it: `values` is 1-based (index 0 unused). */
interface SheetRow {
  number: number;
  values: unknown;
}

/**
 * Streams the first worksheet of an .xlsx workbook; its first row is the header. Cells come
 * back as Excel holds them (text, number, boolean, Date for date-formatted cells).
 *
 * ExcelJS's streaming reader fails on a sound workbook whose zip holds the shared strings
 * before the worksheet and the workbook part after it (exceljs#962: "Cannot read properties
 * of undefined (reading 'sheets')"), an order other writers use. When it fails before the
 * first row, the workbook is read again whole, in memory, which does not depend on the order;
 * a workbook neither reader can open is reported as unreadable.
 */
export async function* readXlsx(file: string): AsyncGenerator<RowEvent> {
  const rows = new RowsToEvents();
  try {
    for await (const row of streamFirstSheet(file)) yield* rows.add(row);
  } catch (streamError) {
    if (rows.started) throw rows.unreadable(streamError);
    let sheet: ExcelJS.Worksheet | undefined;
    try {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      sheet = workbook.worksheets[0];
    } catch {
      throw rows.unreadable(streamError);
    }
    for (const row of sheet?.getRows(1, sheet.rowCount) ?? []) yield* rows.add(row);
  }
  if (!rows.started) yield { type: 'header', columns: [] };
}

async function* streamFirstSheet(file: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    yield* worksheet;
    return; // only the first worksheet holds data
  }
}

/** Turns worksheet rows into the readers' events: the first row is the header, blank rows are skipped. */
class RowsToEvents {
  private header: string[] | undefined;
  private row = 0;
  private sheetRow = 1;

  get started(): boolean {
    return this.header !== undefined;
  }

  *add(sheetRow: SheetRow): Generator<RowEvent> {
    const cells = (sheetRow.values as unknown[]).slice(1).map(cellValue);
    this.sheetRow = sheetRow.number;
    if (!this.header) {
      this.header = cells.map((c) => (c === undefined ? '' : String(c).trim()));
      yield { type: 'header', columns: this.header };
      return;
    }
    if (cells.every((c) => c === undefined || c === '')) return;
    this.row += 1;
    const values: Record<string, unknown> = {};
    this.header.forEach((name, i) => {
      if (name) values[name] = cells[i];
    });
    yield { type: 'row', row: this.row, line: sheetRow.number, values };
  }

  unreadable(error: unknown): TruncatedFileError {
    return new TruncatedFileError(
      this.row + 1,
      this.sheetRow + 1,
      `not a readable .xlsx workbook (${(error as Error).message})`,
    );
  }
}

/** Rich text, formulas and hyperlinks carry their visible value inside an object. */
function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value !== 'object') return value;
  const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (cell.richText) return cell.richText.map((part) => part.text).join('');
  if ('result' in cell) return cellValue(cell.result);
  if (cell.text !== undefined) return cellValue(cell.text);
  if (cell.error) return undefined;
  return JSON.stringify(value);
}
