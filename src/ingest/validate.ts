/**
 * Row validation: the cells of one source row (strings from CSV, JSON values from JSON Lines,
 * Excel values) → one typed import record, or the first field that is wrong and why.
 */
import {
  isBlank,
  type Parsed,
  parseBoolean,
  parseDate,
  parseInteger,
  parseJsonObject,
  parseMonth,
  parseNumber,
  parseText,
  parseTime,
} from './fields.js';
import type { CallTurn, ImportKind, RecordsByKind } from './records.js';
import { type ColumnSpec, IDENTITY_COLUMNS, SCHEMAS } from './schemas.js';

export type RowResult<R> = { ok: true; record: R } | { ok: false; field: string; reason: string };

/** Clock skew tolerated before a time counts as "in the future". */
const FUTURE_SLACK_MS = 10 * 60_000;

export function validateRecord<K extends ImportKind>(
  kind: K,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): RowResult<RecordsByKind[K]> {
  const schema = SCHEMAS[kind];
  const record: Record<string, unknown> = {};
  for (const column of schema.columns) {
    const cell = raw[column.name];
    if (isBlank(cell)) {
      if (column.required) return { ok: false, field: column.name, reason: 'required value is missing' };
      continue;
    }
    const parsed = parseCell(column, cell, now);
    if (!parsed.ok) return { ok: false, field: column.name, reason: parsed.reason };
    record[column.name] = parsed.value;
  }
  if (schema.customer === 'required' && !IDENTITY_COLUMNS.some((c) => record[c] !== undefined)) {
    return {
      ok: false,
      field: 'customer_no',
      reason: `names no customer: give one of ${IDENTITY_COLUMNS.join(', ')}`,
    };
  }
  const crossCheck = checkAcrossFields(kind, record);
  if (crossCheck) return crossCheck;
  return { ok: true, record: record as unknown as RecordsByKind[K] };
}

function parseCell(column: ColumnSpec, cell: unknown, now: Date): Parsed<unknown> {
  const parsed = parseByType(column, cell);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value === 'string' && column.values && !column.values.includes(value)) {
    return { ok: false, reason: `'${value}' is not one of ${column.values.join(', ')}` };
  }
  if (typeof value === 'number') {
    if (column.min !== undefined && value < column.min) {
      return { ok: false, reason: `${value} is below the minimum ${column.min}` };
    }
    if (column.max !== undefined && value > column.max) {
      return { ok: false, reason: `${value} is above the maximum ${column.max}` };
    }
  }
  if (column.past && typeof value === 'string' && isFuture(column, value, now)) {
    return { ok: false, reason: `${value} is in the future` };
  }
  return parsed;
}

function parseByType(column: ColumnSpec, cell: unknown): Parsed<unknown> {
  switch (column.type) {
    case 'text':
      return parseText(cell);
    case 'number':
      return parseNumber(cell);
    case 'integer':
      return parseInteger(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'date':
      return parseDate(cell);
    case 'month':
      return parseMonth(cell);
    case 'time':
      return parseTime(cell);
    case 'json':
      return parseJsonObject(cell);
    case 'turns':
      return parseTurns(cell);
  }
}

/** The bounds of "now" for the last `now` seen: a batch validates with one `now`. */
let bounds = { at: Number.NaN, today: '', latest: 0 };

function isFuture(column: ColumnSpec, value: string, now: Date): boolean {
  const at = now.getTime();
  if (bounds.at !== at) {
    // A calendar date is compared with today's date in Beijing, where the data comes from.
    bounds = { at, today: new Date(at + 8 * 3600_000).toISOString().slice(0, 10), latest: at + FUTURE_SLACK_MS };
  }
  if (column.type === 'date') return value > bounds.today;
  return Date.parse(value) > bounds.latest;
}

function parseTurns(cell: unknown): Parsed<CallTurn[]> {
  let value = cell;
  if (typeof cell === 'string') {
    try {
      value = JSON.parse(cell);
    } catch {
      return { ok: false, reason: 'turns is not valid JSON' };
    }
  }
  if (!Array.isArray(value)) return { ok: false, reason: 'turns must be an array' };
  const turns: CallTurn[] = [];
  for (const [i, item] of value.entries()) {
    const result = validateRecord('call_turns', { call_id: '-', ...(item as Record<string, unknown>) });
    if (!result.ok) return { ok: false, reason: `turn ${i + 1}: ${result.field} ${result.reason}` };
    const { call_id: _callId, ...turn } = result.record;
    turns.push(turn);
  }
  return { ok: true, value: turns };
}

function checkAcrossFields(kind: ImportKind, r: Record<string, unknown>): RowResult<never> | undefined {
  const before = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a > b;
  if (kind === 'calls' && before(r.started_at, r.ended_at)) {
    return { ok: false, field: 'ended_at', reason: 'ends before it starts' };
  }
  if (kind === 'outages' && before(r.started_at, r.restored_at)) {
    return { ok: false, field: 'restored_at', reason: 'restored before the outage started' };
  }
  if (kind === 'call_turns' && (r.end_ms as number) < (r.start_ms as number)) {
    return { ok: false, field: 'end_ms', reason: 'ends before it starts' };
  }
  if (kind === 'traces' && IDENTITY_COLUMNS.every((c) => r[c] === undefined) && r.employee_no === undefined) {
    return { ok: false, field: 'customer_no', reason: 'names neither a customer nor an employee' };
  }
  return undefined;
}
