/**
 * Cell parsers: one source-system cell (a CSV string, a JSON value, an Excel value) → one
 * typed value, or the reason it is not one. Expected failures are values, not exceptions.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** '' and whitespace-only cells are missing values, as in every spreadsheet export. */
export function isBlank(cell: unknown): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function parseText(cell: unknown): Parsed<string> {
  if (typeof cell === 'string') return ok(cell.trim());
  if (typeof cell === 'number' || typeof cell === 'boolean') return ok(String(cell));
  return fail('expected text');
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(cell: unknown): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not a finite number');
  if (typeof cell !== 'string') return fail('expected a number');
  const text = cell.trim();
  if (!NUMBER_RE.test(text)) return fail(`'${clip(text)}' is not a number`);
  return ok(Number(text));
}

export function parseInteger(cell: unknown): Parsed<number> {
  const parsed = parseNumber(cell);
  if (!parsed.ok) return parsed;
  return Number.isInteger(parsed.value) ? parsed : fail(`${parsed.value} is not a whole number`);
}

const TRUE_WORDS = new Set(['true', '1', '是', 'y', 'yes', 't']);
const FALSE_WORDS = new Set(['false', '0', '否', 'n', 'no', 'f']);

export function parseBoolean(cell: unknown): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (cell === 1 || cell === 0) return ok(cell === 1);
  if (typeof cell !== 'string') return fail('expected true/false');
  const word = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(`'${clip(cell)}' is not a boolean (true/false, 1/0, 是/否)`);
}

const DATE_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/;

/** 'YYYY-MM-DD' (also 'YYYY/M/D', and a midnight time as spreadsheets export dates). */
export function parseDate(cell: unknown): Parsed<string> {
  if (typeof cell === 'string' && isIsoDate(cell)) return ok(cell);
  if (cell instanceof Date) return parseDate(wallClockOf(cell).slice(0, 10));
  if (typeof cell !== 'string') return fail('expected a date YYYY-MM-DD');
  const m = DATE_RE.exec(cell.trim());
  if (!m) return fail(`'${clip(cell)}' is not a date YYYY-MM-DD`);
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    return fail(`'${clip(cell)}' is not a calendar date`);
  }
  return ok(iso);
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Fast path for the common, already canonical 'YYYY-MM-DD' (millions of readings per load). */
function isIsoDate(text: string): boolean {
  if (text.length !== 10 || !ISO_DATE_RE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

const MONTH_RE = /^(\d{4})-?(\d{2})(?:-01)?$/;

/** 'YYYY-MM' (also 'YYYYMM' as SG186 writes billing periods, and 'YYYY-MM-01'). */
export function parseMonth(cell: unknown): Parsed<string> {
  const text = typeof cell === 'number' ? String(cell) : cell;
  if (typeof text !== 'string') return fail('expected a month YYYY-MM');
  const m = MONTH_RE.exec(text.trim());
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) return fail(`'${clip(text)}' is not a month YYYY-MM`);
  return ok(`${m[1]}-${m[2]}`);
}

const ISO_WITH_OFFSET_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CANONICAL_UTC_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LOCAL_TIME_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A moment: ISO 8601 with offset, or a wall-clock 'YYYY-MM-DD HH:mm:ss' read as Beijing time
 * (Asia/Shanghai has had no daylight saving since 1991, so +08:00 is exact). Normalised to UTC
 * ISO so the same moment always hashes the same.
 */
export function parseTime(cell: unknown): Parsed<string> {
  if (cell instanceof Date) return parseTime(wallClockOf(cell));
  if (typeof cell !== 'string') return fail('expected a time (ISO 8601 with offset or YYYY-MM-DD HH:mm:ss)');
  if (cell.length === 24 && CANONICAL_UTC_RE.test(cell)) {
    // Already the normalised form (the demo world, our own exports): valid iff it round-trips.
    const time = Date.parse(cell);
    if (!Number.isNaN(time) && new Date(time).toISOString() === cell) return ok(cell);
  }
  const text = cell.trim();
  let iso: string | undefined;
  if (ISO_WITH_OFFSET_RE.test(text)) iso = text;
  else {
    const m = LOCAL_TIME_RE.exec(text);
    if (m) iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4])}:${m[5]}:${m[6] ?? '00'}+08:00`;
  }
  const date = iso === undefined ? undefined : new Date(iso);
  if (!date || Number.isNaN(date.getTime()) || !parseDate((iso ?? '').slice(0, 10)).ok) {
    return fail(`'${clip(text)}' is not a time (ISO 8601 with offset or YYYY-MM-DD HH:mm:ss)`);
  }
  return ok(date.toISOString());
}

export function parseJsonObject(cell: unknown): Parsed<Record<string, unknown>> {
  let value = cell;
  if (typeof cell === 'string') {
    try {
      value = JSON.parse(cell);
    } catch {
      return fail(`'${clip(cell)}' is not valid JSON`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('expected a JSON object');
  return ok(value as Record<string, unknown>);
}

/** Excel stores wall-clock values; exceljs hands them over as if they were UTC. */
function wallClockOf(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

const pad = (part: string | undefined): string => (part ?? '').padStart(2, '0');
const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
