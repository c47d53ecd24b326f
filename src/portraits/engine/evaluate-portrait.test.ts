import { describe, expect, it } from 'vitest';
import { evaluateCondition, holds } from './conditions.js';
import { gradeOf, scoreValue, weightedContributions } from './evaluate-portrait.js';
import type { Condition, GradeDef, ScoreDef } from './types.js';

const grade: GradeDef = {
  code: 'g',
  subject: 'customer',
  name: { zh: 'g', en: 'g' },
  description: { zh: '', en: '' },
  score: 's',
  version: 1,
  bands: [
    { grade: 'A', min: 90, name: { zh: 'A', en: 'A' } },
    { grade: 'B', min: 80, name: { zh: 'B', en: 'B' } },
    { grade: 'E', min: 0, name: { zh: 'E', en: 'E' } },
  ],
};

describe('conditions', () => {
  const when: Condition = {
    any: [
      { feature: 'a', op: '>=', value: 2 },
      { all: [{ feature: 'b', op: '>', value: 0.5 }, { not: { feature: 'c', op: '==', value: 1 } }] },
    ],
  };
  it.each([
    [{ a: 2, b: 0, c: 0 }, true],
    [{ a: 1, b: 0.6, c: 0 }, true],
    [{ a: 1, b: 0.6, c: 1 }, false],
    [{ a: null, b: null, c: null }, false],
  ])('%j → %s, and the explaining evaluator agrees with the fast one', (features, expected) => {
    expect(holds(when, features)).toBe(expected);
    expect(evaluateCondition(when, features).passed).toBe(expected);
  });

  it('reports the gap of a failed leaf and none for a missing value', () => {
    expect(evaluateCondition({ feature: 'a', op: '>=', value: 5 }, { a: 3 })).toMatchObject({
      passed: false,
      actual: 3,
      gap: 2,
    });
    expect(evaluateCondition({ feature: 'a', op: '>=', value: 5 }, {})).toMatchObject({
      passed: false,
      actual: null,
      gap: null,
    });
  });
});

describe('scores and grades', () => {
  it('adds the points of the rules that hold and clamps to the bounds', () => {
    const score: ScoreDef = {
      code: 's',
      subject: 'customer',
      name: { zh: 's', en: 's' },
      description: { zh: '', en: '' },
      min: 0,
      max: 100,
      version: 1,
      kind: 'points',
      base: 10,
      rules: [
        { when: { feature: 'late', op: '>=', value: 1 }, points: 40, reason: { zh: '', en: '' } },
        { when: { feature: 'cut', op: '>=', value: 1 }, points: 60, reason: { zh: '', en: '' } },
      ],
    };
    expect(scoreValue(score, { late: 1, cut: 0 })).toBe(50);
    expect(scoreValue(score, { late: 1, cut: 1 })).toBe(100);
  });

  it('turns a weighted logistic model into a probability and orders contributions by effect', () => {
    const score: ScoreDef = {
      code: 'r',
      subject: 'customer',
      name: { zh: 'r', en: 'r' },
      description: { zh: '', en: '' },
      min: 0,
      max: 100,
      version: 1,
      kind: 'weighted',
      intercept: 0,
      link: 'logistic',
      weights: { x: { weight: 2, center: 1, scale: 2 }, y: { weight: -1, center: 0, scale: 1 } },
    };
    expect(scoreValue(score, { x: 1, y: 0 })).toBe(50);
    const p = scoreValue(score, { x: 5, y: 1 }) ?? 0;
    expect(p).toBeCloseTo(100 / (1 + Math.exp(-3)), 1);
    expect(weightedContributions(score, { x: 5, y: 1 }).map((c) => [c.feature, c.contribution])).toEqual([
      ['x', 4],
      ['y', -1],
    ]);
  });

  it.each([
    [95, 'A'],
    [90, 'A'],
    [89.9, 'B'],
    [12, 'E'],
    [null, null],
  ])('grades %s as %s', (score, expected) => {
    expect(gradeOf(grade, score)).toBe(expected);
  });
});
