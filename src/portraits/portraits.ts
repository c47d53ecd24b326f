import type { Db } from '../db/db.js';
import { withTrainedModels } from './complaint-risk/trained-catalog.js';
import { customersFallenBehindTheirArea } from './consumption/behind-area.js';
import { rebuildConsumptionProfiles } from './consumption/rebuild.js';
import { rebuildCreditLedger } from './credit/credit-ledger.js';
import { AREA_KINDS } from './definitions/area-sources.js';
import { PortraitEngine, type PortraitEngineOptions } from './engine/portrait-engine.js';
import { PortraitRefresher } from './engine/portrait-refresher.js';
import { PortraitSweep } from './engine/portrait-sweep.js';
import { TIME_CHANGE } from './engine/source-types.js';

/**
 * The portrait engine as the product runs it: the shipped definitions, with the live trained
 * models' weights (complaint risk) taken up before every rebuild and refresh, and the credit
 * ledger (C3) and the consumption profiles (C4) brought up to date before customer features.
 * Call `await engine.reloadCatalog()` before reading `engine.catalog` outside a rebuild.
 */
export function createPortraitEngine(
  db: Db,
  options: Omit<PortraitEngineOptions, 'precompute' | 'catalogFromDb'> = {},
): PortraitEngine {
  return new PortraitEngine(db, {
    ...options,
    catalogFromDb: withTrainedModels,
    precompute: {
      customer: [
        // A month passing adds a month to the ledger, with or without a payment in it.
        { name: 'credit ledger', affectedBy: ['billing', TIME_CHANGE], run: (d, o) => rebuildCreditLedger(d, o) },
        // The profile follows the readings, which arrive daily: not rerun for time alone, where
        // its peer figures cost ~20 ms a customer at 200,000 (every customer of the areas),
        // except for the meters that fell silent while their area kept reporting.
        {
          name: 'consumption',
          affectedBy: ['readings'],
          movedByTime: (d, ids) => customersFallenBehindTheirArea(d, ids),
          run: (d, o) => rebuildConsumptionProfiles(d, o),
        },
      ],
    },
  });
}

/** How often the server refreshes the area portraits whose customers' traces changed. */
export const AREA_REFRESH_INTERVAL_MS = 60_000;

/**
 * The server's refreshers: customers and employees within a second of a change; transformer
 * areas, feeders, grids and supply stations at most once a minute, on their own loop, because
 * an area's portrait aggregates all its customers and recomputing it for every trace would
 * hold up the customers' refresh. Beside them the sweep marks every portrait once per
 * `sweepHours` (0: never), so windows slide for subjects nothing new arrives about. Returns a
 * function that stops all three.
 */
export function startPortraitRefreshers(
  db: Db,
  engine: PortraitEngine,
  onError: (error: unknown) => void,
  options: { sweepHours: number },
): () => Promise<void> {
  const subjects = new PortraitRefresher(db, engine, { kinds: ['customer', 'employee'], onError });
  const areas = new PortraitRefresher(db, engine, { kinds: AREA_KINDS, idleMs: AREA_REFRESH_INTERVAL_MS, onError });
  const sweep =
    options.sweepHours > 0
      ? new PortraitSweep(db, { periodMs: options.sweepHours * 3_600_000, kinds: engine.kinds(), onError })
      : undefined;
  subjects.start();
  areas.start();
  sweep?.start();
  return async () => {
    await Promise.all([subjects.stop(), areas.stop(), sweep?.stop()]);
  };
}
