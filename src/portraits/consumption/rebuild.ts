import { analyzeWritten } from '../../db/analyze-written.js';
import type { Db, Queryable } from '../../db/db.js';
import { inLanes } from '../engine/in-lanes.js';
import { plannedTransaction } from '../engine/planned-transaction.js';
import { planBatches } from './batch.js';
import { CONSUMPTION_DEFINITION, type ConsumptionDefinition } from './definition.js';
import { ALL_AREAS, rebuildPeerFigures } from './peer-pass.js';
import { writeProfiles } from './profile-pass.js';
import { summariseDays, summariseMonths } from './readings-pass.js';

export interface RebuildConsumptionOptions {
  /** Only readings of days before this instant's local date (Asia/Shanghai) count. */
  asOf: Date;
  /** Rebuild these customers only (and their areas' peer figures); absent = everyone. */
  customerIds?: readonly number[];
  /**
   * Called after every batch. Each customer counts once in the readings pass and once in the
   * profile pass, so `total` is twice the customers planned.
   */
  onProgress?(done: number, total: number): void;
  /** Customers per batch (a customer_id range); 5,000 keeps a batch near 2 M days. */
  batchSize?: number;
  definition?: ConsumptionDefinition;
  /**
   * Profile batches run side by side on this many connections (PostgreSQL; PGlite has one
   * connection). Default 2: in a full rebuild the credit ledger, beside this, is done first
   * and leaves a core to take up.
   */
  parallelism?: number;
}

const DEFAULT_BATCH = 5_000;

/**
 * Rebuilds consumption profiles (用电规律, C4) in three set-based steps: a pass over the readings
 * per batch of customers (month and 旬 sums, runs of near-zero days), one pass over those sums
 * for the transformer-area peer figures, and a profile pass per batch. Each step commits on
 * its own, so a large rebuild holds no long transaction; a rebuild that stops half-way is
 * finished by running it again.
 */
export async function rebuildConsumptionProfiles(
  db: Db,
  options: RebuildConsumptionOptions,
): Promise<{ customers: number }> {
  const definition = options.definition ?? CONSUMPTION_DEFINITION;
  const size = options.batchSize ?? DEFAULT_BATCH;
  const bounds =
    options.customerIds === undefined
      ? ((
          await db.query<{ min: number | null; max: number | null }>(
            'SELECT min(customer_id) AS min, max(customer_id) AS max FROM customer',
          )
        )[0] ?? null)
      : null;
  const batches = planBatches(
    bounds?.min != null && bounds.max != null ? { min: bounds.min, max: bounds.max } : null,
    options.customerIds,
    size,
  );
  const planned = batches.reduce((n, b) => n + (b.ids?.length ?? b.to - b.from), 0);
  let done = 0;
  const step = (n: number) => {
    done += n;
    options.onProgress?.(done, planned * 2);
  };

  // Month rows one batch after another, never side by side: the peer pass sums each customer's
  // month rows (real kWh) in the order they are stored, and batches written interleaved store
  // them in another order, which moved peer medians and seasonal indexes in their last digits.
  // A batch's single-day figures (no sums across rows in stored order) are computed beside
  // the next batch's month rows.
  let days: Promise<void> | undefined;
  try {
    for (const batch of batches) {
      await plannedTransaction(db, (tx) => summariseMonths(tx, batch, options.asOf));
      await days;
      days = plannedTransaction(db, (tx) => summariseDays(tx, batch, options.asOf, definition.parameters)).then(() =>
        step(batch.ids?.length ?? batch.to - batch.from),
      );
      // Handled where it is awaited; this only keeps a failure from counting as unhandled meanwhile.
      days.catch(() => undefined);
    }
  } catch (error) {
    await days?.catch(() => undefined); // nothing left writing once the rebuild has failed
    throw error;
  }
  await days;
  const full = options.customerIds === undefined;
  if (full) await analyzeWritten(db, ['consumption_month', 'consumption_daily_summary']);
  await plannedTransaction(db, async (tx) =>
    rebuildPeerFigures(tx, options.asOf, await peerScope(tx, options.customerIds)),
  );
  if (full) await analyzeWritten(db, ['consumption_peer', 'consumption_peer_month']);
  // A batch's profiles read only its own customers' rows, each customer's in one order
  // whatever the batch beside it is doing, and nothing sums profiles across customers.
  const lanes = db.kind === 'pglite' ? 1 : (options.parallelism ?? 2);
  let customers = 0;
  await inLanes(batches, lanes, async (batch) => {
    customers += await plannedTransaction(db, (tx) => writeProfiles(tx, batch, options.asOf, definition));
    step(batch.ids?.length ?? batch.to - batch.from);
  });
  if (full) await analyzeWritten(db, ['consumption_profile']);
  return { customers };
}

/**
 * Which peer groups to recompute: all of them for a full rebuild, else the areas of the listed
 * customers — unless the all-areas group does not exist yet, which only a full pass can make.
 */
async function peerScope(tx: Queryable, customerIds: readonly number[] | undefined) {
  if (customerIds === undefined) return null;
  const allAreas = await tx.query('SELECT 1 FROM consumption_peer WHERE transformer_area_id = $1 LIMIT 1', [ALL_AREAS]);
  if (allAreas.length === 0) return null;
  const rows = await tx.query<{ area: string }>(
    'SELECT DISTINCT transformer_area_id AS area FROM customer WHERE customer_id = ANY($1::bigint[]) AND transformer_area_id IS NOT NULL',
    [[...customerIds]],
  );
  return rows.map((r) => r.area);
}
