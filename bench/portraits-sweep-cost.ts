import type { Db } from '../src/db/db.js';
import { PortraitSweep } from '../src/portraits/engine/portrait-sweep.js';
import { createPortraitEngine } from '../src/portraits/portraits.js';
import { median } from './timing.js';

/**
 * What the sweep (portrait-sweep.ts) costs: a slice of customers refreshed with the change
 * `time` (every source and the credit ledger again) against the same customers after a bill
 * look-up (the trace features' delta alone), in the same run, alternating, three times each.
 */
export async function sweepCost(db: Db, customers: number) {
  const engine = createPortraitEngine(db);
  const size = 2_000;
  const keys = (
    await db.query<{ key: string }>(
      'SELECT customer_id::text AS key FROM customer_portrait WHERE valid_to IS NULL ORDER BY random() LIMIT $1',
      [size],
    )
  ).map((r) => r.key);
  const refreshMs = async (change: string) => {
    const changes = new Map(keys.map((k) => [k, [change]]));
    const started = performance.now();
    await engine.refresh('customer', keys, new Date(), undefined, changes);
    return performance.now() - started;
  };
  const time: number[] = [];
  const lookUp: number[] = [];
  for (let i = 0; i < 3; i++) {
    time.push(await refreshMs('time'));
    lookUp.push(await refreshMs('trace:app_query'));
  }
  const sweep = new PortraitSweep(db, { periodMs: 86_400_000, kinds: ['customer'] });
  const markStarted = performance.now();
  const marked = await sweep.sweepOnce();
  const markMs = performance.now() - markStarted;
  await db.query('DELETE FROM portrait_dirty');
  await db.query("DELETE FROM app_setting WHERE key = 'portrait_sweep'");
  return {
    refreshed: keys.length,
    timeMs: Math.round(median(time)),
    lookUpMs: Math.round(median(lookUp)),
    ratio: +(median(time) / median(lookUp)).toFixed(2),
    markSliceMs: Math.round(markMs),
    slice: marked.get('customer') ?? 0,
    // The refresher's time a day spends on the sweep's marks, at this world's cost per customer.
    refreshSecondsPerDay: Math.round((customers * median(time)) / keys.length / 1000),
  };
}

export function formatSweep(s: Awaited<ReturnType<typeof sweepCost>>): string {
  return `sweep: ${s.refreshed} customers refreshed for time in ${s.timeMs} ms, after a bill look-up in ${s.lookUpMs} ms (${s.ratio}×); a minute's slice of ${s.slice} marked in ${s.markSliceMs} ms; a day's sweep ≈ ${s.refreshSecondsPerDay} s of refreshing`;
}
