import type { Db, Queryable } from '../../db/db.js';
import { TIME_CHANGE } from './source-types.js';
import type { SubjectKind } from './types.js';
import { WakeableSleep } from './wakeable-sleep.js';

export interface SweepOptions {
  /** Every current portrait is marked stale once in this period (the server: a day). */
  periodMs: number;
  /** How often a slice is marked (default a minute); slices are sized to cover everyone in `periodMs`. */
  tickMs?: number;
  /** The subject kinds swept, each on its own cursor. */
  kinds: readonly SubjectKind[];
  onError?(error: unknown): void;
}

/** Where each kind's round has got to, kept in app_setting so a restart goes on from there. */
const CURSOR_SETTING = 'portrait_sweep';
type Cursors = Partial<Record<SubjectKind, string | null>>;

/**
 * Lets time move the portraits. A refresh runs only when something about a subject arrives,
 * and then only the sources the change touches; without this a customer who stopped calling
 * would keep last year's complaints, a 90-day count would never fall, and a credit ledger would
 * stop at the month of the last payment, until someone ran a rebuild.
 *
 * The sweep walks each kind's current portraits in key order, a slice a tick, and marks each
 * with the change `time`: the refresher then reads every source again as of now (the trace
 * features by their delta, which takes the rows that left a window) and runs the credit ledger
 * on; the consumption profile follows the readings, which arrive daily. The
 * slice is sized so that a round covers every subject once per period — at 1,000,000
 * customers and a day, ~700 a minute, against the refresher's 2,000 a second.
 */
export class PortraitSweep {
  private readonly totals = new Map<SubjectKind, number>();
  private readonly sleeper = new WakeableSleep();
  private loop: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly options: SweepOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper.wake();
    await this.loop;
  }

  /** Marks one slice of each kind and moves its cursor on; returns how many were marked per kind. */
  async sweepOnce(): Promise<Map<SubjectKind, number>> {
    return this.db.transaction(async (tx) => {
      const cursors = await readCursors(tx);
      const marked = new Map<SubjectKind, number>();
      for (const kind of this.options.kinds) {
        const cursor = cursors[kind] ?? null;
        const size = await this.sliceSize(tx, kind, cursor);
        const slice = await markSlice(tx, kind, cursor, size);
        marked.set(kind, slice.marked);
        // A short slice reached the last key: the next tick starts the next round (and recounts).
        cursors[kind] = slice.marked < size ? null : slice.last;
      }
      await writeCursors(tx, cursors);
      return marked;
    });
  }

  private async sliceSize(tx: Queryable, kind: SubjectKind, cursor: string | null): Promise<number> {
    let total = this.totals.get(kind);
    // Counted once a round (and after a restart): a slice's size need not follow every new customer.
    if (total === undefined || cursor === null) {
      total = await countCurrent(tx, kind);
      this.totals.set(kind, total);
    }
    return Math.max(1, Math.ceil((total * (this.options.tickMs ?? 60_000)) / this.options.periodMs));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.sweepOnce();
      } catch (error) {
        this.options.onError?.(error);
      }
      await this.sleeper.sleep(this.options.tickMs ?? 60_000);
    }
  }
}

async function readCursors(tx: Queryable): Promise<Cursors> {
  const rows = await tx.query<{ value: Cursors }>('SELECT value FROM app_setting WHERE key = $1 FOR UPDATE', [
    CURSOR_SETTING,
  ]);
  return rows[0]?.value ?? {};
}

async function writeCursors(tx: Queryable, cursors: Cursors): Promise<void> {
  await tx.query(
    `INSERT INTO app_setting (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [CURSOR_SETTING, JSON.stringify(cursors)],
  );
}

async function countCurrent(tx: Queryable, kind: SubjectKind): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    kind === 'customer'
      ? 'SELECT count(*)::int AS n FROM customer_portrait WHERE valid_to IS NULL'
      : 'SELECT count(*)::int AS n FROM subject_portrait WHERE valid_to IS NULL AND subject_kind = $1',
    kind === 'customer' ? [] : [kind],
  );
  return rows[0]?.n ?? 0;
}

/** Marks the next `size` subjects with a current portrait after `cursor` (in key order). */
async function markSlice(
  tx: Queryable,
  kind: SubjectKind,
  cursor: string | null,
  size: number,
): Promise<{ marked: number; last: string | null }> {
  // Customers in numeric order, other subjects in their key's; each read off its current-portrait index.
  const slice =
    kind === 'customer'
      ? `SELECT customer_id::text AS key, customer_id AS sort FROM customer_portrait
         WHERE valid_to IS NULL AND ($1::text IS NULL OR customer_id > $1::bigint) ORDER BY customer_id LIMIT $2`
      : `SELECT subject_key AS key, subject_key AS sort FROM subject_portrait
         WHERE valid_to IS NULL AND subject_kind = $4 AND ($1::text IS NULL OR subject_key > $1) ORDER BY subject_key LIMIT $2`;
  const rows = await tx.query<{ marked: number; last: string | null }>(
    `WITH slice AS (${slice}),
     marked AS (
       INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
       SELECT $4, key, ARRAY[$3::text] FROM slice
       ON CONFLICT (subject_kind, subject_key) DO UPDATE
         SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes)
     )
     SELECT count(*)::int AS marked, (SELECT key FROM slice ORDER BY sort DESC LIMIT 1) AS last FROM slice`,
    [cursor, size, TIME_CHANGE, kind],
  );
  return rows[0] ?? { marked: 0, last: null };
}
