import { describe, expect, it } from 'vitest';
import { arrayLiteral } from './readings.js';

describe('a day series as text for the database', () => {
  it('travels in hundredths when every value is a whole number of hundredths', () => {
    expect(arrayLiteral([12.34, null, 0, 7, 0.99])).toBe('c{1234,NULL,0,700,99}');
    expect(arrayLiteral([])).toBe('c{}');
  });

  it('falls back to decimals when any value has finer precision or is huge', () => {
    expect(arrayLiteral([1.5, 0.853, null])).toBe('{1.5,0.853,NULL}');
    expect(arrayLiteral([1 / 3])).toBe(`{${String(1 / 3)}}`);
    expect(arrayLiteral([3e7])).toBe('{30000000}');
  });

  it('leaves a missing series missing', () => {
    expect(arrayLiteral(null)).toBeNull();
  });
});
