import { describe, expect, it } from 'vitest';
import { allStopped, inLanes } from './in-lanes.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('inLanes', () => {
  it('runs every item once, at most `lanes` at a time', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await inLanes([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await tick();
      seen.push(n);
      running--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('takes no item after a failure and throws once the other lane has stopped', async () => {
    const started: number[] = [];
    let running = 0;
    const run = inLanes([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      running++;
      await tick();
      running--;
      if (n === 1) throw new Error('batch 1 failed');
    });
    await expect(run).rejects.toThrow('batch 1 failed');
    expect(running).toBe(0);
    expect(started).toEqual([1, 2]);
  });
});

describe('allStopped', () => {
  it('gives every value in order', async () => {
    expect(await allStopped([tick().then(() => 1), Promise.resolve(2)])).toEqual([1, 2]);
  });

  it('throws the first failure only once the slower ones have finished', async () => {
    let slowDone = false;
    const slow = tick()
      .then(tick)
      .then(() => {
        slowDone = true;
      });
    await expect(allStopped([Promise.reject(new Error('first')), slow])).rejects.toThrow('first');
    expect(slowDone).toBe(true);
  });
});
