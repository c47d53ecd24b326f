import ExcelJS from 'exceljs';
import { type RowEvent, TruncatedFileError } from './source-row.js';

/**
 * Streams the first worksheet of an .xlsx workbook; its first row is the header. Cells come
 * back as Excel holds them (text, number, boolean, Date for date-formatted cells).
 */
export async function* readXlsx(file: string): AsyncGenerator<RowEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let header: string[] | undefined;
  let row = 0;
  let sheetRow = 1;
  try {
    for await (const worksheet of reader) {
      for await (const excelRow of worksheet) {
        const cells = (excelRow.values as unknown[]).slice(1).map(cellValue);
        sheetRow = excelRow.number;
        if (!header) {
          header = cells.map((c) => (c === undefined ? '' : String(c).trim()));
          yield { type: 'header', columns: header };
          continue;
        }
        if (cells.every((c) => c === undefined || c === '')) continue;
        row += 1;
        const values: Record<string, unknown> = {};
        header.forEach((name, i) => {
          if (name) values[name] = cells[i];
        });
        yield { type: 'row', row, line: excelRow.number, values };
      }
      break; // only the first worksheet holds data
    }
  } catch (error) {
    throw new TruncatedFileError(row + 1, sheetRow + 1, `not a readable .xlsx workbook (${(error as Error).message})`);
  }
  if (!header) yield { type: 'header', columns: [] };
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
