import type { Db } from '../../db/db.js';
import { dbNow, type PortraitEngine } from './portrait-engine.js';
import type { SubjectKind } from './types.js';

export interface RefresherOptions {
  /** Idle poll interval; PGlite has no LISTEN/NOTIFY across processes, so the refresher polls. */
  idleMs?: number;
  batchSize?: number;
  onError?(error: unknown): void;
  onRefreshed?(kind: SubjectKind, count: number): void;
}

/**
 * Drains portrait_dirty: subjects whose traces, readings or QA results changed get their
 * portraits recomputed as of now. Marks are written by triggers in the data's own
 * transaction and deleted in the portrait's, so a crash in between only repeats work.
 */
export class PortraitRefresher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly engine: PortraitEngine,
    private readonly options: RefresherOptions = {},
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: refreshes up to one batch per subject kind; returns how many subjects. */
  async drainOnce(): Promise<number> {
    const batchSize = this.options.batchSize ?? 2_000;
    // The newest mark's time travels back to the database as text: a JS Date keeps
    // milliseconds, marks carry microseconds, and a truncated bound would never clear them.
    const marks = await this.db.query<{
      subject_kind: SubjectKind;
      subject_key: string;
      changes: string[];
      newest: string;
    }>(
      `SELECT subject_kind, subject_key, changes, (max(marked_at) OVER ())::text AS newest
       FROM (SELECT * FROM portrait_dirty ORDER BY marked_at LIMIT $1) m`,
      [batchSize],
    );
    if (marks.length === 0) return 0;
    const known = new Set(this.engine.kinds());
    const byKind = new Map<SubjectKind, string[]>();
    const changes = new Map<string, readonly string[]>();
    const newest = marks[0]?.newest as string;
    for (const mark of marks) {
      byKind.set(mark.subject_kind, [...(byKind.get(mark.subject_kind) ?? []), mark.subject_key]);
      changes.set(`${mark.subject_kind}:${mark.subject_key}`, mark.changes);
    }
    for (const [kind, keys] of byKind) {
      if (!known.has(kind)) {
        await this.db.query('DELETE FROM portrait_dirty WHERE subject_kind = $1', [kind]);
        continue;
      }
      const keyChanges = new Map(keys.map((k) => [k, changes.get(`${kind}:${k}`) ?? []]));
      await this.engine.refresh(kind, keys, await dbNow(this.db), newest, keyChanges);
      this.options.onRefreshed?.(kind, keys.length);
    }
    return marks.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drainOnce()
        .then((n) => this.schedule(n >= (this.options.batchSize ?? 2_000) ? 0 : (this.options.idleMs ?? 200)))
        .catch((error: unknown) => {
          this.options.onError?.(error);
          this.schedule(this.options.idleMs ?? 200);
        });
    }, delayMs);
  }
}
