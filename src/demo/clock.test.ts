import { describe, expect, it } from 'vitest';
import { addWorkingDays, buildClock, formatTime, lastWholeMonth } from './clock.js';

describe('the world clock', () => {
  it('spans whole months ending on the last day of the end month, Shanghai time', () => {
    const clock = buildClock('2026-10', 12);
    expect(clock.dates[0]).toBe('2025-11-01');
    expect(clock.dates[clock.dates.length - 1]).toBe('2026-10-31');
    expect(clock.days).toBe(365);
    expect(clock.months).toHaveLength(12);
    expect(clock.endMs).toBe(Date.parse('2026-11-01T00:00:00+08:00'));
    expect(formatTime(clock.endMs - 1000)).toBe('2026-10-31T23:59:59+08:00');
  });

  it('rejects a month that does not exist', () => {
    expect(() => buildClock('2026-13', 12)).toThrow(/YYYY-MM/);
  });

  it('skips weekends when adding working days', () => {
    const friday = Date.parse('2026-10-16T10:00:00+08:00');
    expect(formatTime(addWorkingDays(friday, 1))).toBe('2026-10-19T10:00:00+08:00');
    expect(formatTime(addWorkingDays(friday, 7))).toBe('2026-10-27T10:00:00+08:00');
  });
});

describe('lastWholeMonth', () => {
  it('is the month before the current one in China time, across a year and across midnight UTC', () => {
    expect(lastWholeMonth(Date.parse('2026-12-06T15:00:00Z'))).toBe('2026-11');
    expect(lastWholeMonth(Date.parse('2027-01-01T00:30:00+08:00'))).toBe('2026-12');
    // Still 31 December in China: November is the last whole month there.
    expect(lastWholeMonth(Date.parse('2026-12-31T15:59:00Z'))).toBe('2026-11');
  });
});
