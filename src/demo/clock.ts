import { AppError } from '../errors.js';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 86_400_000;
const SHANGHAI = 8 * HOUR;

/** The demo world's time window: whole months ending with the last millisecond of endMonth, Asia/Shanghai. */
export interface WorldClock {
  readonly startMs: number;
  /** Exclusive: 00:00 on the first day after endMonth. Nothing may happen at or after it. */
  readonly endMs: number;
  readonly days: number;
  /** 'YYYY-MM' of each month in the window, oldest first. */
  readonly months: readonly string[];
  /** 'YYYY-MM-DD' of each day in the window. */
  readonly dates: readonly string[];
  /** Local weekday (0 = Sunday) and month (1–12) of each day, precomputed for the readings loop. */
  readonly weekdays: Uint8Array;
  readonly monthNumbers: Uint8Array;
}

/** 'YYYY-MM' of the last month that has ended in Asia/Shanghai at `nowMs`. */
export function lastWholeMonth(nowMs: number = Date.now()): string {
  const local = new Date(nowMs + SHANGHAI);
  const previous = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return `${previous.getUTCFullYear()}-${String(previous.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function buildClock(endMonth: string, monthCount: number): WorldClock {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(endMonth);
  if (!match || monthCount < 1) {
    throw new AppError(
      'CONFIG_INVALID',
      `Demo end month must be YYYY-MM and months ≥ 1 (got ${endMonth}, ${monthCount})`,
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const startMs = Date.UTC(year, month - monthCount + 1, 1) - SHANGHAI;
  const endMs = Date.UTC(year, month + 1, 1) - SHANGHAI;
  const days = Math.round((endMs - startMs) / DAY);
  const months: string[] = [];
  for (let m = 0; m < monthCount; m++)
    months.push(formatTime(Date.UTC(year, month - monthCount + 1 + m, 15) - SHANGHAI).slice(0, 7));
  const dates: string[] = [];
  const weekdays = new Uint8Array(days);
  const monthNumbers = new Uint8Array(days);
  for (let d = 0; d < days; d++) {
    dates.push(formatTime(startMs + d * DAY).slice(0, 10));
    weekdays[d] = weekday(startMs + d * DAY + 12 * HOUR);
    monthNumbers[d] = monthOf(startMs + d * DAY + 12 * HOUR);
  }
  return { startMs, endMs, days, months, dates, weekdays, monthNumbers };
}

/** ISO 8601 with the +08:00 offset the importer expects. */
export function formatTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + SHANGHAI).toISOString().slice(0, 19)}+08:00`;
}

export function formatDate(ms: number): string {
  return new Date(ms + SHANGHAI).toISOString().slice(0, 10);
}

/** Local (Shanghai) day-of-week, 0 = Sunday. */
export function weekday(ms: number): number {
  return new Date(ms + SHANGHAI).getUTCDay();
}

/** Local month number 1–12. */
export function monthOf(ms: number): number {
  return new Date(ms + SHANGHAI).getUTCMonth() + 1;
}

/** Midnight (Shanghai) of the day containing ms. */
export function dayStart(ms: number): number {
  return Math.floor((ms + SHANGHAI) / DAY) * DAY - SHANGHAI;
}

/** Adds working days (Mon–Fri; public holidays are ignored in the demo world). */
export function addWorkingDays(ms: number, count: number): number {
  let at = ms;
  let left = count;
  while (left > 0) {
    at += DAY;
    const wd = weekday(at);
    if (wd !== 0 && wd !== 6) left--;
  }
  return at;
}

/** Start of the month 'YYYY-MM' (Shanghai) plus an offset of whole months. */
export function monthStart(month: string, offset = 0): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + offset;
  return Date.UTC(y, m, 1) - SHANGHAI;
}
