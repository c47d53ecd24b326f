import { describe, expect, it } from 'vitest';
import { denseRange } from './compute-features.js';

describe('denseRange: when a part of subjects is read by its key range', () => {
  it('gives the bounds of consecutive ids, in any order', () => {
    expect(denseRange(['1003', '1001', '1002'])).toEqual({ from: 1001, to: 1003 });
    expect(denseRange(['42'])).toEqual({ from: 42, to: 42 });
  });

  it('takes ids filling half their range, and no sparser', () => {
    expect(denseRange(['10', '13'])).toEqual({ from: 10, to: 13 }); // 2 of 4
    expect(denseRange(['10', '14'])).toBeNull(); // 2 of 5
  });

  it('reads anything but plain integers by the list', () => {
    expect(denseRange([])).toBeNull();
    expect(denseRange(['1', 'TA-001'])).toBeNull();
    expect(denseRange(['1', '2.5'])).toBeNull();
    expect(denseRange(['1', ''])).toBeNull();
    expect(denseRange(['1', '99999999999999999999'])).toBeNull();
  });
});
