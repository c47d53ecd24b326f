import { describe, expect, it } from 'vitest';
import { rankAuc } from './auc.js';
import { fitLogistic, sigmoid } from './logistic-regression.js';

/** A seeded uniform in (0, 1) (mulberry32). */
function uniformFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 2 ** 32;
  };
}

/** A seeded standard normal (Box–Muller). */
function gaussian(seed: number): () => number {
  const uniform = uniformFrom(seed);
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function sample(n: number, seed: number, label: (x: number[], noise: () => number) => number) {
  const normal = gaussian(seed);
  const x = Array.from({ length: n }, () => [normal(), normal(), normal()]);
  const y = x.map((row) => label(row, normal));
  return { x, y };
}

const score = (fit: ReturnType<typeof fitLogistic>, row: number[]) =>
  fit.coefficients.reduce((z, c, j) => z + c * (row[j] as number), fit.intercept);

describe('fitLogistic', () => {
  it('separates a linearly separable set on fresh data (AUC > 0.9)', () => {
    const rule = (r: number[]) => (2 * (r[0] as number) - (r[1] as number) > 0.5 ? 1 : 0);
    const train = sample(600, 1, rule);
    const test = sample(600, 2, rule);
    const fit = fitLogistic(train.x, train.y, { l2: 0.01 });
    expect(fit.converged).toBe(true);
    expect(
      rankAuc(
        test.x.map((r) => score(fit, r)),
        test.y,
      ),
    ).toBeGreaterThan(0.9);
    // The signs follow the rule; the third input is irrelevant.
    expect(fit.coefficients[0]).toBeGreaterThan(0);
    expect(fit.coefficients[1]).toBeLessThan(0);
    expect(Math.abs(fit.coefficients[2] as number)).toBeLessThan(Math.abs(fit.coefficients[0] as number) / 5);
  });

  it('finds nothing in noise (AUC near 0.5 on fresh data)', () => {
    const coin = (_r: number[], noise: () => number) => (noise() > 0 ? 1 : 0);
    const train = sample(2000, 3, coin);
    const test = sample(2000, 4, coin);
    const fit = fitLogistic(train.x, train.y, { l2: 0.01 });
    expect(
      rankAuc(
        test.x.map((r) => score(fit, r)),
        test.y,
      ),
    ).toBeGreaterThan(0.44);
    expect(
      rankAuc(
        test.x.map((r) => score(fit, r)),
        test.y,
      ),
    ).toBeLessThan(0.56);
    for (const c of fit.coefficients) expect(Math.abs(c)).toBeLessThan(0.15);
  });

  it('recovers known coefficients from a large logistic sample', () => {
    const normal = gaussian(5);
    const uniform = uniformFrom(11);
    const x = Array.from({ length: 20_000 }, () => [normal(), normal()]);
    // y ~ Bernoulli(σ(−1 + 1.5·x₀ − 0.5·x₁))
    const y = x.map((r) => (uniform() < sigmoid(-1 + 1.5 * (r[0] as number) - 0.5 * (r[1] as number)) ? 1 : 0));
    const fit = fitLogistic(x, y, { l2: 0 });
    expect(fit.intercept).toBeCloseTo(-1, 1);
    expect(fit.coefficients[0]).toBeCloseTo(1.5, 1);
    expect(fit.coefficients[1]).toBeCloseTo(-0.5, 1);
  });

  it('with balanced class weights the intercept is off by log(n₊ / n₋)', () => {
    // Labels unrelated to the input, 1 in 10: the unweighted intercept is logit(0.1), the balanced one 0.
    const { x, y } = sample(5000, 9, (_r, noise) => (noise() > 1.2816 ? 1 : 0));
    const positives = y.filter((v) => v === 1).length;
    const negatives = y.length - positives;
    const plain = fitLogistic(x, y, { l2: 0.01 });
    const balanced = fitLogistic(x, y, {
      l2: 0.01,
      sampleWeights: y.map((v) => (v === 1 ? 0.5 / positives : 0.5 / negatives)),
    });
    expect(plain.intercept).toBeCloseTo(Math.log(positives / negatives), 1);
    expect(balanced.intercept).toBeCloseTo(0, 1);
    expect(balanced.intercept + Math.log(positives / negatives)).toBeCloseTo(plain.intercept, 1);
  });

  it('shrinks the weights as the L2 penalty grows', () => {
    const rule = (r: number[]) => ((r[0] as number) > 0 ? 1 : 0);
    const { x, y } = sample(400, 12, rule);
    const loose = fitLogistic(x, y, { l2: 0.001 });
    const tight = fitLogistic(x, y, { l2: 1 });
    expect(Math.abs(tight.coefficients[0] as number)).toBeLessThan(Math.abs(loose.coefficients[0] as number));
  });

  it("a one-input unweighted refit on a balanced fit's predictor (Platt) makes mean predicted equal the rate", () => {
    const normal = gaussian(21);
    const x = Array.from({ length: 3000 }, () => [normal(), normal()]);
    const y = x.map((r, i) => ((r[0] as number) > 1.5 || i % 40 === 0 ? 1 : 0));
    const positives = y.filter((v) => v === 1).length;
    const negatives = y.length - positives;
    const balanced = fitLogistic(x, y, {
      l2: 0.01,
      sampleWeights: y.map((v) => (v === 1 ? 0.5 / positives : 0.5 / negatives)),
    });
    const z = x.map((r) => score(balanced, r) - balanced.intercept);
    const platt = fitLogistic(
      z.map((v) => [v]),
      y,
      { l2: 0 },
    );
    const predicted = z.map((v) => sigmoid(platt.intercept + (platt.coefficients[0] as number) * v));
    expect(predicted.reduce((a, b) => a + b, 0) / y.length).toBeCloseTo(positives / y.length, 6);
    expect(platt.coefficients[0]).toBeGreaterThan(0);
  });
});
