import { describe, expect, it } from 'vitest';
import { aucStandardError, rankAuc } from './auc.js';

describe('rankAuc (Mann–Whitney)', () => {
  it.each([
    ['perfect ranking', [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    ['reversed ranking', [0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
    ['one pair out of order of four', [0.1, 0.6, 0.5, 0.9], [0, 0, 1, 1], 0.75],
    ['a constant score', [3, 3, 3, 3, 3], [0, 1, 0, 1, 0], 0.5],
    // Positive 5 beats both negatives; positive 1 ties negative 1 (½) and loses to 3: (2 + ½) / 4.
    ['ties count one half', [1, 1, 3, 5], [0, 1, 0, 1], 0.625],
    ['unsorted input', [0.4, 0.35, 0.8, 0.1], [0, 1, 1, 0], 0.75],
  ] as const)('%s', (_name, scores, labels, auc) => {
    expect(rankAuc(scores, labels)).toBeCloseTo(auc, 12);
  });

  it('is undefined (null) when a class is empty', () => {
    expect(rankAuc([1, 2, 3], [0, 0, 0])).toBeNull();
    expect(rankAuc([1, 2], [1, 1])).toBeNull();
  });

  it('agrees with counting every positive–negative pair', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const scores = Array.from({ length: 300 }, () => Math.round(random() * 20));
    const labels = scores.map((s) => (random() < s / 30 ? 1 : 0));
    let wins = 0;
    let pairs = 0;
    scores.forEach((sp, i) => {
      if (labels[i] !== 1) return;
      scores.forEach((sn, j) => {
        if (labels[j] !== 0) return;
        pairs++;
        wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
      });
    });
    expect(rankAuc(scores, labels)).toBeCloseTo(wins / pairs, 12);
  });
});

describe('aucStandardError (Hanley–McNeil)', () => {
  it('matches the worked formula and shrinks with more cases', () => {
    // A = 0.8, 50 + 50: (0.16 + 49·(0.8/1.2 − 0.64) + 49·(1.28/1.8 − 0.64)) / 2500
    expect(aucStandardError(0.8, 50, 50)).toBeCloseTo(0.0445, 4);
    expect(aucStandardError(0.8, 500, 500)).toBeLessThan(aucStandardError(0.8, 50, 50) / 3);
    expect(aucStandardError(1, 10, 10)).toBe(0);
  });
});
