import { describe, expect, it } from 'vitest';
import { scoreAfterReversal } from './appeal-score.js';

const scheme = {
  id: 's',
  version: 1,
  baseScore: 100,
  categories: { etiquette: { name: '服务礼仪', maxDeduction: 5 }, forbidden: { name: '服务禁语', maxDeduction: 40 } },
};
const hit = (hitId: number, category: string, points: number, veto = false) => ({
  hitId,
  ruleCode: `r${hitId}`,
  category,
  points,
  veto,
});

describe('scoreAfterReversal', () => {
  it('gives the points back', () => {
    expect(scoreAfterReversal(scheme, [hit(1, 'forbidden', -5), hit(2, 'forbidden', -3)], new Set(), 1, 92)).toBe(97);
  });

  it('gives back only what the category cap had let through', () => {
    // etiquette: 4 + 3 = 7 deducted, capped at 5 → 95; without the 3-point hit: 96.
    expect(scoreAfterReversal(scheme, [hit(1, 'etiquette', -4), hit(2, 'etiquette', -3)], new Set(), 2, 95)).toBe(96);
  });

  it('starts from the final score a manual review set', () => {
    expect(scoreAfterReversal(scheme, [hit(1, 'forbidden', -5)], new Set(), 1, 70)).toBe(75);
  });

  it('lifts a veto', () => {
    expect(scoreAfterReversal(scheme, [hit(1, 'forbidden', -20, true), hit(2, 'etiquette', -2)], new Set(), 1, 0)).toBe(
      98,
    );
  });

  it('counts an earlier reversal as already given back', () => {
    expect(scoreAfterReversal(scheme, [hit(1, 'forbidden', -5), hit(2, 'forbidden', -3)], new Set([1]), 2, 97)).toBe(
      100,
    );
  });
});
