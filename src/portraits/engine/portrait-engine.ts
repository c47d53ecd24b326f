import { analyzeWritten } from '../../db/analyze-written.js';
import type { Db, Queryable } from '../../db/db.js';
import { catalogFor, catalogVersion, PORTRAIT_CATALOG, sourcesFor } from '../definitions/index.js';
import { inRebuildOrder, subjectDef } from '../definitions/subjects.js';
import { registerCatalog } from './catalog-store.js';
import { FeatureComputer, newSourceStates, type SourceStates } from './compute-features.js';
import { evaluatePortrait } from './evaluate-portrait.js';
import { allStopped } from './in-lanes.js';
import { plannedTransaction } from './planned-transaction.js';
import { keysToRerun, type Precompute } from './precompute.js';
import { type ComputedPortrait, readCurrentFeatures, writePortraits } from './portrait-store.js';
import { portraitsRead } from './portraits-read.js';
import { oneAfterAnother } from './progress-in-order.js';
import { writeSourceStates } from './source-state-store.js';
import { sourceAffected } from './source-types.js';
import type { DefinitionCatalog, FeatureValues, SubjectKind } from './types.js';

export type { Precompute } from './precompute.js';

export interface PortraitEngineOptions {
  catalog?: DefinitionCatalog;
  /**
   * The catalog with the parts kept in the database (trained models' weights), read by
   * reloadCatalog() before each rebuild and refresh, so a long-running server scores with
   * the model trained since it started.
   */
  catalogFromDb?(db: Db, catalog: DefinitionCatalog): Promise<DefinitionCatalog>;
  precompute?: Partial<Record<SubjectKind, Precompute[]>>;
  batchSize?: number;
  /**
   * A batch's subjects are split into this many parts whose features are computed side by
   * side, each in its own transaction on its own connection (PostgreSQL; PGlite has one
   * connection and computes in one part). Default 2: measured on this 2-core machine, a
   * refresh of 2,000 customers prepared in ~600 ms instead of ~1,000 ms.
   */
  parallelism?: number;
  /** Below this many subjects a part is not worth its own connection (default 250). */
  minPartSize?: number;
}

/** Portraits computed and evaluated but not yet written (see PortraitEngine.prepareRefresh). */
export interface PreparedPortraits {
  kind: SubjectKind;
  keys: readonly string[];
  asOf: Date;
  catalogVersion: string;
  portraits: ComputedPortrait[];
  /** The incremental sources' running states, stored with the portraits. */
  sourceStates: SourceStates;
}

export interface RebuildProgress {
  phase: string;
  kind: SubjectKind;
  done: number;
  total: number;
}

/**
 * The stale marks a rebuild of `kind` answers, each with its mark time as read (the database's
 * text). Only committed marks are read, so the data behind each is in the snapshot of every
 * precomputation and batch after, and each is cleared up to the time read, as the refresher does: a mark
 * set again meanwhile survives. Before, the rebuild cleared every mark stamped before its
 * batches began, which lost one stamped by an ingest that had not yet committed.
 */
async function answeredMarks(db: Db, kind: SubjectKind): Promise<Map<string, string>> {
  const rows = await db.query<{ subject_key: string; marked_at: string }>(
    'SELECT subject_key, marked_at::text AS marked_at FROM portrait_dirty WHERE subject_kind = $1',
    [kind],
  );
  return new Map(rows.map((r) => [r.subject_key, r.marked_at]));
}

/** The database's clock: marks are stamped by it, so comparisons with them must use it too. */
export async function dbNow(db: Db): Promise<Date> {
  const rows = await db.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  return rows[0]?.now ?? new Date();
}

/**
 * Computes and stores portraits from the definitions. The same path serves the full
 * rebuild (every subject, in batches) and the incremental refresh (the subjects a change
 * touched): one definition, never two implementations.
 */
export class PortraitEngine {
  catalog: DefinitionCatalog;
  private readonly computers = new Map<SubjectKind, FeatureComputer>();
  private catalogVersion: string | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: PortraitEngineOptions = {},
  ) {
    this.catalog = options.catalog ?? PORTRAIT_CATALOG;
  }

  kinds(): SubjectKind[] {
    return inRebuildOrder(this.catalog.features.map((f) => f.subject));
  }

  computer(kind: SubjectKind): FeatureComputer {
    let computer = this.computers.get(kind);
    if (!computer) {
      computer = new FeatureComputer(catalogFor(kind, this.catalog).features, sourcesFor(kind));
      this.computers.set(kind, computer);
    }
    return computer;
  }

  async rebuild(options: {
    asOf: Date;
    kinds?: SubjectKind[];
    onProgress?(p: RebuildProgress): void;
  }): Promise<{ subjects: number; written: number; ms: number }> {
    const started = Date.now();
    await this.reloadCatalog();
    const kinds = inRebuildOrder(options.kinds ?? this.kinds());
    // Kinds side by side where the definitions allow: a kind's portraits wait for its own
    // precomputations and those of every kind before it (derived tables anyone may read), and
    // for the portraits its sources read (portraitsRead) — so employees are rebuilt beside the
    // customers, and the four area kinds beside each other once both are written. Progress
    // still goes out one kind after another, in rebuild order.
    const progress = oneAfterAnother(kinds.length, options.onProgress);
    // Fresh statistics on a kind's portraits only where a later kind reads them (an area's
    // customers' tags, its staff's grades), by the same reading of the sources that orders them.
    const readByLater = kinds.map((kind, i) =>
      kinds.slice(i + 1).some((later) => portraitsRead(sourcesFor(later), [kind]).length > 0),
    );
    // The marks this rebuild answers, read before anything is computed: precomputations (the
    // credit ledger) as well as features must already see the data behind each.
    const answered = new Map<SubjectKind, Map<string, string>>();
    for (const kind of kinds) answered.set(kind, await answeredMarks(this.db, kind));
    const precomputed: Promise<void>[] = [];
    const rebuilt: Promise<{ subjects: number; written: number }>[] = [];
    for (const [i, kind] of kinds.entries()) {
      const report = (p: RebuildProgress) => progress.report(i, p);
      const before = [...precomputed];
      const pre = Promise.all(before).then(() => this.precompute(kind, options.asOf, report));
      precomputed.push(pre);
      const read = portraitsRead(sourcesFor(kind), kinds.slice(0, i)).map((k) => rebuilt[kinds.indexOf(k)]);
      const own = Promise.all([pre, ...before, ...read]).then(async () => {
        const keys = (await this.db.query<{ key: string }>(subjectDef(kind).list)).map((r) => r.key);
        const written = await this.computeInBatches(kind, keys, options.asOf, answered.get(kind), report);
        if (readByLater[i])
          await analyzeWritten(this.db, [kind === 'customer' ? 'customer_portrait' : 'subject_portrait']);
        progress.finished(i);
        return { subjects: keys.length, written };
      });
      rebuilt.push(own);
    }
    // A failure ends the rebuild only once every kind still running has stopped writing (a
    // kind waiting on a failed one fails without starting).
    await allStopped<unknown>([...precomputed, ...rebuilt]);
    const totals = await Promise.all(rebuilt);
    return {
      subjects: totals.reduce((n, t) => n + t.subjects, 0),
      written: totals.reduce((n, t) => n + t.written, 0),
      ms: Date.now() - started,
    };
  }

  /**
   * A kind's precomputations over every subject, side by side, each on its own connection: the
   * credit ledger and the consumption pass read and write different tables, and one waits on
   * the database while the other iterates.
   */
  private async precompute(kind: SubjectKind, asOf: Date, onProgress: (p: RebuildProgress) => void): Promise<void> {
    const steps = this.options.precompute?.[kind] ?? [];
    const progress = oneAfterAnother(steps.length, onProgress);
    // A failed step ends the rebuild only once the other has stopped writing.
    await allStopped(
      steps.map((step, i) =>
        step
          .run(this.db, {
            asOf,
            onProgress: (done, total) => progress.report(i, { phase: step.name, kind, done, total }),
          })
          .then(() => progress.finished(i)),
      ),
    );
  }

  /**
   * Every subject of a kind in batches, pipelined: batch i+1 is computed while batch i is
   * written (writes stay in order). Returns how many portraits were written.
   */
  private async computeInBatches(
    kind: SubjectKind,
    keys: readonly string[],
    asOf: Date,
    markedBefore: ReadonlyMap<string, string> | undefined,
    onProgress: ((p: RebuildProgress) => void) | undefined,
  ): Promise<number> {
    const batchSize = this.options.batchSize ?? 5_000;
    let written = 0;
    let writing: Promise<number> | undefined;
    try {
      for (let i = 0; i < keys.length; i += batchSize) {
        const prepared = await this.compute(kind, keys.slice(i, i + batchSize), asOf);
        written += (await writing) ?? 0;
        const done = Math.min(i + batchSize, keys.length);
        writing = this.commit(prepared, markedBefore).then((n) => {
          onProgress?.({ phase: 'portraits', kind, done, total: keys.length });
          return n;
        });
        // Handled where it is awaited; this only keeps a failed write from counting as unhandled meanwhile.
        writing.catch(() => undefined);
      }
    } catch (error) {
      await writing?.catch(() => undefined); // no write left running once the rebuild has failed
      throw error;
    }
    return written + ((await writing) ?? 0);
  }

  /**
   * Recomputes the given subjects as of `asOf` (the incremental path). With `changes` (what
   * changed per key, from the stale marks) a precomputation runs only for the keys whose
   * changes affect it; without, for every key.
   */
  async refresh(
    kind: SubjectKind,
    keys: readonly string[],
    asOf: Date,
    /** Marks up to this time (a Date, or the database's own text of a timestamptz) are cleared. */
    markedBefore?: Date | string,
    changes?: ReadonlyMap<string, readonly string[]>,
  ): Promise<number> {
    if (keys.length === 0) return 0;
    return this.commit(await this.prepareRefresh(kind, keys, asOf, changes), markedBefore);
  }

  /**
   * The first half of `refresh`: precomputations, features and evaluation, nothing written to
   * the portraits yet, so the refresher can compute one batch while the previous one commits.
   */
  async prepareRefresh(
    kind: SubjectKind,
    keys: readonly string[],
    asOf: Date,
    changes?: ReadonlyMap<string, readonly string[]>,
  ): Promise<PreparedPortraits> {
    await this.reloadCatalog();
    for (const step of this.options.precompute?.[kind] ?? []) {
      const affected = changes ? await keysToRerun(this.db, step, keys, changes, asOf) : keys;
      if (affected.length > 0) await step.run(this.db, { asOf, customerIds: affected.map(Number) });
    }
    return this.compute(kind, keys, asOf, changes);
  }

  /**
   * The second half: writes the portraits and clears the subjects' marks: up to one time for
   * all (a Date, or the database's own text of a timestamptz), or per subject up to the mark
   * time read for it (the refresher's way, see PortraitRefresher).
   */
  async commit(
    prepared: PreparedPortraits,
    markedBefore?: Date | string | ReadonlyMap<string, string>,
  ): Promise<number> {
    const { kind, keys, asOf, catalogVersion, portraits, sourceStates } = prepared;
    if (keys.length === 0) return 0;
    // Each subject's marks up to its own time: one time for all is the case where every
    // subject's time is the same.
    const cleared =
      markedBefore instanceof Map ? keys.filter((key) => markedBefore.has(key)) : markedBefore ? keys : [];
    const clearedUpTo = cleared.map((key) => (markedBefore instanceof Map ? markedBefore.get(key) : markedBefore));
    return plannedTransaction(this.db, async (tx) => {
      const { written } = await writePortraits(tx, kind, portraits, asOf, catalogVersion);
      if (cleared.length > 0) {
        await tx.query(
          `DELETE FROM portrait_dirty d USING unnest($2::text[], $3::timestamptz[]) AS r(subject_key, marked_at)
           WHERE d.subject_kind = $1 AND d.subject_key = r.subject_key AND d.marked_at <= r.marked_at`,
          [kind, cleared, clearedUpTo],
        );
      }
      await writeSourceStates(tx, sourceStates, asOf, catalogVersion);
      return written;
    });
  }

  /**
   * The incremental path's features: subjects whose current portrait was made by this
   * catalog rerun only the sources their changes affect and keep the other stored values;
   * the rest (new subjects, older catalogs) are computed in full.
   */
  private async computeChanged(
    kind: SubjectKind,
    keys: readonly string[],
    asOf: Date,
    catalogVersion: string,
    changes: ReadonlyMap<string, readonly string[]>,
    states: SourceStates,
  ): Promise<Map<string, FeatureValues>> {
    const stored = await readCurrentFeatures(this.db, kind, keys, catalogVersion);
    const allChanges = new Set(keys.flatMap((k) => (stored.has(k) ? (changes.get(k) ?? ['trace']) : [])));
    const sources = new Set(
      sourcesFor(kind)
        .filter((s) => sourceAffected(s, allChanges))
        .map((s) => s.code),
    );
    const computer = this.computer(kind);
    return this.inParts(keys, async (tx, part) => {
      const result = await computer.computeSources(
        tx,
        part.filter((k) => stored.has(k)),
        asOf,
        sources,
        stored,
        states,
        { catalogVersion, changes },
      );
      const full = part.filter((k) => !stored.has(k));
      for (const [key, values] of await computer.compute(tx, full, asOf, states)) result.set(key, values);
      return result;
    });
  }

  /**
   * Features of `keys` computed in parts side by side (see `parallelism`), each part in one
   * planned transaction, so each subject's sources are read from one snapshot.
   */
  private async inParts(
    keys: readonly string[],
    work: (tx: Queryable, part: readonly string[]) => Promise<Map<string, FeatureValues>>,
  ): Promise<Map<string, FeatureValues>> {
    const wanted = this.db.kind === 'pglite' ? 1 : (this.options.parallelism ?? 2);
    const parts = Math.max(1, Math.min(wanted, Math.floor(keys.length / (this.options.minPartSize ?? 250))));
    const size = Math.ceil(keys.length / parts);
    const results = await Promise.all(
      Array.from({ length: parts }, (_, i) =>
        plannedTransaction(this.db, (tx) => work(tx, keys.slice(i * size, (i + 1) * size))),
      ),
    );
    return new Map(results.flatMap((r) => [...r]));
  }

  /** Takes up the catalog's database-kept parts (see `catalogFromDb`); a no-op without them. */
  async reloadCatalog(): Promise<void> {
    if (!this.options.catalogFromDb) return;
    const next = await this.options.catalogFromDb(this.db, this.catalog);
    if (catalogVersion(next) === catalogVersion(this.catalog)) return;
    this.catalog = next;
    this.computers.clear();
    this.catalogVersion = undefined;
  }

  private async compute(
    kind: SubjectKind,
    keys: readonly string[],
    asOf: Date,
    changes?: ReadonlyMap<string, readonly string[]>,
  ): Promise<PreparedPortraits> {
    const catalog = catalogFor(kind, this.catalog);
    this.catalogVersion ??= await registerCatalog(this.db, this.catalog);
    const catalogVersion = this.catalogVersion;
    const sourceStates = newSourceStates(kind);
    const features = changes
      ? await this.computeChanged(kind, keys, asOf, catalogVersion, changes, sourceStates)
      : await this.inParts(keys, (tx, part) => this.computer(kind).compute(tx, part, asOf, sourceStates));
    const portraits = [...features].map(([key, values]) => ({ key, values: evaluatePortrait(catalog, values) }));
    return { kind, keys, asOf, catalogVersion, portraits, sourceStates };
  }
}
