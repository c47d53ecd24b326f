import { describe, expect, it } from 'vitest';
import { daysInMonth, parseDate, parseTime } from './fields.js';

describe('canonical dates and times (fast path)', () => {
  it('accepts a canonical date only when it is on the calendar', () => {
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('2026-02-29').ok).toBe(false);
    expect(parseDate('2026-04-31').ok).toBe(false);
    expect(parseDate('2026-13-01').ok).toBe(false);
    expect(parseDate('2026-00-10').ok).toBe(false);
    expect(parseDate('2026-01-00').ok).toBe(false);
  });

  it('still normalises the other date spellings', () => {
    expect(parseDate(' 2026/3/5 ')).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDate('2026-03-05 00:00:00')).toEqual({ ok: true, value: '2026-03-05' });
  });

  it('counts leap years the Gregorian way', () => {
    expect([1900, 2000, 2024, 2026].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 30, 30, 30, 30, 31]);
  });

  it('keeps a canonical UTC time as it is and rejects one that is not on the calendar', () => {
    expect(parseTime('2026-03-05T01:02:03.456Z')).toEqual({ ok: true, value: '2026-03-05T01:02:03.456Z' });
    expect(parseTime('2026-02-30T01:02:03.000Z').ok).toBe(false);
    expect(parseTime('2026-03-05T25:02:03.000Z').ok).toBe(false);
    expect(parseTime('2026-03-05 09:02:03')).toEqual({ ok: true, value: '2026-03-05T01:02:03.000Z' });
  });
});
