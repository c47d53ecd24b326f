import type { PortraitEngine } from '../src/portraits/engine/portrait-engine.js';

/**
 * Times the refresher's two halves for customer batches (features and evaluation; the write),
 * by wrapping the engine's methods: where a batch's time goes, without a hook in the product.
 */
export function timeRefreshHalves(engine: PortraitEngine) {
  const prepareMs: number[] = [];
  const commitMs: number[] = [];
  const sizes: number[] = [];
  const prepare = engine.prepareRefresh.bind(engine);
  const commit = engine.commit.bind(engine);
  engine.prepareRefresh = async (kind, keys, asOf, changes) => {
    const started = performance.now();
    const value = await prepare(kind, keys, asOf, changes);
    const ms = performance.now() - started;
    if (kind === 'customer') {
      prepareMs.push(ms);
      sizes.push(keys.length);
    }
    return value;
  };
  engine.commit = async (prepared, markedBefore) => {
    const started = performance.now();
    const value = await commit(prepared, markedBefore);
    const ms = performance.now() - started;
    if (prepared.kind === 'customer') commitMs.push(ms);
    return value;
  };
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
  };
  return {
    summary: () => ({ batchP50: median(sizes), prepareP50Ms: median(prepareMs), commitP50Ms: median(commitMs) }),
  };
}
