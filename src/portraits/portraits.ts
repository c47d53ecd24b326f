import type { Db } from '../db/db.js';
import { withTrainedModels } from './complaint-risk/trained-catalog.js';
import { rebuildConsumptionProfiles } from './consumption/rebuild.js';
import { rebuildCreditLedger } from './credit/credit-ledger.js';
import { PortraitEngine, type PortraitEngineOptions } from './engine/portrait-engine.js';

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
        { name: 'credit ledger', affectedBy: ['billing'], run: (d, o) => rebuildCreditLedger(d, o) },
        { name: 'consumption', affectedBy: ['readings'], run: (d, o) => rebuildConsumptionProfiles(d, o) },
      ],
    },
  });
}
