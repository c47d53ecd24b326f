import { describe, expect, it } from 'vitest';
import { idChecksum, idNumber, mobilePhone } from './names.js';
import { Rng } from './random.js';

describe('personal identifiers', () => {
  it('computes the GB 11643 check character of a known ID number', () => {
    // 11010519491231002X is the standard's worked example.
    expect(idChecksum('11010519491231002')).toBe('X');
  });

  it('makes 18-character ID numbers whose last character checks out', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 200; i++) {
      const id = idNumber(rng, '430102', 1970 + (i % 40), i % 2 ? 'M' : 'F');
      expect(id).toMatch(/^430102(19|20)\d{9}[0-9X]$/);
      expect(id.slice(17)).toBe(idChecksum(id.slice(0, 17)));
      expect(Number(id.charAt(16)) % 2).toBe(i % 2);
    }
  });

  it('makes 11-digit mobile numbers', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 50; i++) expect(mobilePhone(rng)).toMatch(/^1[3-9]\d{9}$/);
  });
});
