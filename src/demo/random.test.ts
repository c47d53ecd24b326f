import { describe, expect, it } from 'vitest';
import { deriveSeed, Rng } from './random.js';

describe('seeded random streams', () => {
  it('repeats the same sequence for the same (seed, stream, index)', () => {
    const a = Rng.for(1, 'customer', 42);
    const b = Rng.for(1, 'customer', 42);
    expect(Array.from({ length: 20 }, () => a.float())).toEqual(Array.from({ length: 20 }, () => b.float()));
  });

  it('gives different streams to different indexes, names and seeds', () => {
    const seeds = new Set([
      deriveSeed(1, 'customer', 1),
      deriveSeed(1, 'customer', 2),
      deriveSeed(1, 'activity', 1),
      deriveSeed(2, 'customer', 1),
    ]);
    expect(seeds.size).toBe(4);
  });

  it('keeps ints inside their inclusive bounds and hits both ends', () => {
    const rng = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(2, 5);
      expect(v).toBeGreaterThanOrEqual(2);
      expect(v).toBeLessThanOrEqual(5);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });
});
