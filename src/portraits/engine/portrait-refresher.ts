import type { Db } from '../../db/db.js';
import { dbNow, type PortraitEngine, type PreparedPortraits } from './portrait-engine.js';
import type { SubjectKind } from './types.js';
import { WakeableSleep } from './wakeable-sleep.js';

export interface RefresherOptions {
  /** Idle poll interval; PGlite has no LISTEN/NOTIFY across processes, so the refresher polls. */
  idleMs?: number;
  batchSize?: number;
  /**
   * The subject kinds this refresher takes (default: every kind). The server runs one for
   * customers and employees, refreshed within a second, and one for the area kinds, whose
   * portraits aggregate every customer of the area and are refreshed on a slower cycle.
   */
  kinds?: readonly SubjectKind[];
  onError?(error: unknown): void;
  /** After a batch's portraits are committed: its subjects, visible to every reader from now. */
  onRefreshed?(kind: SubjectKind, keys: readonly string[]): void;
}

/** One read of the marks: the subjects per kind, what changed for each and when it was marked. */
interface MarkBatch {
  size: number;
  byKind: Map<
    SubjectKind,
    {
      keys: string[];
      changes: Map<string, readonly string[]>;
      /**
       * Each subject's mark time as read, in the database's text (microseconds; a JS Date
       * would truncate). Only a mark no newer than this is cleared after the refresh: a mark
       * set again meanwhile, even by a transaction that began before the read, is later.
       */
      markedAt: Map<string, string>;
    }
  >;
}

/**
 * Drains portrait_dirty: subjects whose traces, readings or QA results changed get their
 * portraits recomputed as of now. Marks are written by triggers in the data's own
 * transaction and deleted in the portrait's, so a crash in between only repeats work.
 *
 * The running loop is pipelined: while one batch's portraits are written, the next batch's
 * marks are read and its features computed, so the database and this process work at once.
 * Writes stay in mark order, one batch at a time.
 */
export class PortraitRefresher {
  private loop: Promise<void> | undefined;
  private stopped = true;
  private readonly sleeper = new WakeableSleep();

  constructor(
    private readonly db: Db,
    private readonly engine: PortraitEngine,
    private readonly options: RefresherOptions = {},
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

  /** One pass: refreshes up to one batch per subject kind; returns how many subjects. */
  async drainOnce(): Promise<number> {
    const batch = await this.readMarks(null);
    if (batch.size > 0) await this.commit(batch, await this.prepare(batch));
    return batch.size;
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 2_000;
  }

  private async run(): Promise<void> {
    // The batch being written, whose marks the next read leaves alone until its commit.
    let writing: { batch: MarkBatch; done: Promise<void> } | undefined;
    while (!this.stopped) {
      try {
        const batch = await this.readMarks(writing?.batch ?? null);
        if (batch.size === 0) {
          await writing?.done;
          writing = undefined;
          await this.sleep(this.options.idleMs ?? 200);
          continue;
        }
        const prepared = await this.prepare(batch);
        await writing?.done;
        const done = this.commit(batch, prepared);
        // Awaited before the next commit (or at the end); this keeps a failed write from being
        // reported as an unhandled rejection meanwhile.
        done.catch(() => undefined);
        writing = { batch, done };
        // A part batch means the queue is drained: let marks gather before the next read.
        if (batch.size < this.batchSize) await this.sleep(this.options.idleMs ?? 200);
      } catch (error) {
        // Let a commit still in flight finish before marks are read again.
        await writing?.done.catch(() => undefined);
        writing = undefined;
        this.options.onError?.(error);
        await this.sleep(this.options.idleMs ?? 200);
      }
    }
    await writing?.done.catch((error: unknown) => this.options.onError?.(error));
  }

  /**
   * The marks of the subjects stale longest (queued_at), up to one batch. `inFlight` is a batch
   * still being written: each of its subjects' marks up to the time read for it is about to be
   * deleted and is skipped; a mark set again since is read.
   */
  private async readMarks(inFlight: MarkBatch | null): Promise<MarkBatch> {
    const skip = { kinds: [] as string[], keys: [] as string[], markedAt: [] as string[] };
    for (const [kind, k] of inFlight?.byKind ?? []) {
      for (const [key, markedAt] of k.markedAt) {
        skip.kinds.push(kind);
        skip.keys.push(key);
        skip.markedAt.push(markedAt);
      }
    }
    // An anti-join on the key columns (hashable), not a correlated look-up per mark row.
    const marks = await this.db.query<{
      subject_kind: SubjectKind;
      subject_key: string;
      changes: string[];
      marked_at: string;
    }>(
      `SELECT d.subject_kind, d.subject_key, d.changes, d.marked_at::text AS marked_at
       FROM portrait_dirty d
       LEFT JOIN unnest($2::text[], $3::text[], $4::timestamptz[]) AS f(subject_kind, subject_key, marked_at)
         ON f.subject_kind = d.subject_kind AND f.subject_key = d.subject_key
       WHERE ($5::text[] IS NULL OR d.subject_kind = ANY($5::text[]))
         AND (f.marked_at IS NULL OR d.marked_at > f.marked_at)
       ORDER BY d.queued_at LIMIT $1`,
      [this.batchSize, skip.kinds, skip.keys, skip.markedAt, this.options.kinds ?? null],
    );
    const byKind: MarkBatch['byKind'] = new Map();
    for (const mark of marks) {
      let kind = byKind.get(mark.subject_kind);
      if (!kind) {
        kind = { keys: [], changes: new Map(), markedAt: new Map() };
        byKind.set(mark.subject_kind, kind);
      }
      kind.keys.push(mark.subject_key);
      kind.changes.set(mark.subject_key, mark.changes);
      kind.markedAt.set(mark.subject_key, mark.marked_at);
    }
    return { size: marks.length, byKind };
  }

  private async prepare(batch: MarkBatch): Promise<PreparedPortraits[]> {
    const known = new Set(this.engine.kinds());
    const asOf = await dbNow(this.db);
    const prepared: PreparedPortraits[] = [];
    for (const [kind, { keys, changes }] of batch.byKind) {
      if (known.has(kind)) prepared.push(await this.engine.prepareRefresh(kind, keys, asOf, changes));
    }
    return prepared;
  }

  private async commit(batch: MarkBatch, prepared: readonly PreparedPortraits[]): Promise<void> {
    for (const kind of batch.byKind.keys()) {
      const portraits = prepared.find((p) => p.kind === kind);
      if (!portraits) {
        // Marks of a kind this engine does not compute would otherwise stay forever.
        await this.db.query('DELETE FROM portrait_dirty WHERE subject_kind = $1', [kind]);
        continue;
      }
      await this.engine.commit(portraits, batch.byKind.get(kind)?.markedAt);
      this.options.onRefreshed?.(kind, portraits.keys);
    }
  }

  private sleep(ms: number): Promise<void> {
    return this.sleeper.sleep(ms);
  }
}
