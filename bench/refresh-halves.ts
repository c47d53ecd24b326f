import type { PortraitEngine } from '../src/portraits/engine/portrait-engine.js';
import { median, timed } from './timing.js';

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
    const { ms, value } = await timed(() => prepare(kind, keys, asOf, changes));
    if (kind === 'customer') {
      prepareMs.push(ms);
      sizes.push(keys.length);
    }
    return value;
  };
  engine.commit = async (prepared, markedBefore) => {
    const { ms, value } = await timed(() => commit(prepared, markedBefore));
    if (prepared.kind === 'customer') commitMs.push(ms);
    return value;
  };
  return {
    summary: () => ({
      batchP50: Math.round(median(sizes)),
      prepareP50Ms: Math.round(median(prepareMs)),
      commitP50Ms: Math.round(median(commitMs)),
    }),
  };
}
