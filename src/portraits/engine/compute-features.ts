import type { Queryable } from '../../db/db.js';
import { type CompiledSource, compileSource, emptyValue } from './compile-features.js';
import { applyDeltaRow, type CompiledDelta, compileDelta } from './feature-delta.js';
import { type SourceState, stateFromRow, valueFromState } from './feature-state.js';
import type { SourceDef } from './source-types.js';
import type { FeatureDef, FeatureValues, SubjectKind } from './types.js';

/**
 * The running states of the incremental sources a computation produced, to be stored with the
 * portraits (source-state-store.ts), and the waiting rows each delta applied.
 */
export interface SourceStates {
  kind: SubjectKind;
  /** subject → source → state, as of the computation's as-of time. */
  states: Map<string, Map<string, SourceState>>;
  /** subject → the listed rows (portrait_dirty.trace_ids) its delta applied; absent: read in full. */
  applied: Map<string, string[]>;
}

export function newSourceStates(kind: SubjectKind): SourceStates {
  return { kind, states: new Map(), applied: new Map() };
}

/** How the incremental refresh may apply deltas (see feature-delta.ts). */
export interface DeltaContext {
  catalogVersion: string;
  /** What changed per subject (portrait_dirty.changes), for the features' `revisitOn`. */
  changes: ReadonlyMap<string, readonly string[]>;
}

/**
 * Computes every feature of a set of subjects: one query per source (each feature of the
 * source is a FILTERed aggregate of the same pass), then the derived ratios.
 */
export class FeatureComputer {
  private readonly compiled: CompiledSource[];
  private readonly deltas = new Map<string, CompiledDelta>();
  private readonly derived: FeatureDef[];

  constructor(
    private readonly features: readonly FeatureDef[],
    sources: readonly SourceDef[],
  ) {
    const byCode = new Map(sources.map((s) => [s.code, s]));
    const bySource = new Map<string, FeatureDef[]>();
    this.derived = [];
    for (const feature of features) {
      if (feature.source === 'derived') {
        this.derived.push(feature);
        continue;
      }
      if (!byCode.has(feature.source)) throw new Error(`feature ${feature.code}: unknown source ${feature.source}`);
      bySource.set(feature.source, [...(bySource.get(feature.source) ?? []), feature]);
    }
    this.compiled = [...bySource].map(([code, list]) => compileSource(byCode.get(code) as SourceDef, list));
    for (const c of this.compiled)
      if (c.stateColumns) this.deltas.set(c.source.code, compileDelta(c.source, c.features));
  }

  /** The SQL a full computation runs, one statement per source. */
  get statements(): readonly CompiledSource[] {
    return this.compiled;
  }

  /** With `states`, the incremental sources' running states are collected there. */
  async compute(
    db: Queryable,
    keys: readonly string[],
    asOf: Date,
    states?: SourceStates,
  ): Promise<Map<string, FeatureValues>> {
    return this.run(db, keys, asOf, this.compiled, new Map(), states);
  }

  /**
   * Recomputes only the given sources' features; every other feature keeps its value from
   * `stored` (the subject's current portrait). Derived ratios are recomputed from the mix.
   */
  async computeSources(
    db: Queryable,
    keys: readonly string[],
    asOf: Date,
    sources: ReadonlySet<string>,
    stored: ReadonlyMap<string, FeatureValues>,
    states?: SourceStates,
    delta?: DeltaContext,
  ): Promise<Map<string, FeatureValues>> {
    return this.run(
      db,
      keys,
      asOf,
      this.compiled.filter((c) => sources.has(c.source.code)),
      stored,
      states,
      delta,
    );
  }

  /**
   * Applies the delta of an incremental source to the subjects it can (feature-delta.ts):
   * their values go into `result`, their new states into `states`. Returns those subjects; the
   * others are read in full.
   */
  private async applyDeltas(
    db: Queryable,
    compiled: CompiledDelta,
    keys: readonly string[],
    asOf: Date,
    result: Map<string, FeatureValues>,
    states: SourceStates,
    delta: DeltaContext,
    plans: PlanMode,
  ): Promise<Set<string>> {
    const candidates = keys.filter(
      (k) => !(delta.changes.get(k) ?? []).some((c) => compiled.revisitOn.has(c) || c === 'trace'),
    );
    const done = new Set<string>();
    if (candidates.length === 0) return done;
    await plans.use('as-found');
    const rows = await db.query<Record<string, unknown>>(compiled.sql, [
      asOf,
      candidates,
      delta.catalogVersion,
      states.kind,
      compiled.source.code,
    ]);
    for (const row of rows) {
      const key = String(row.subject_key);
      const values = result.get(key);
      const state = applyDeltaRow(compiled, row, asOf);
      if (!values || state === 'reread') continue;
      for (const f of compiled.features) values[f.code] = valueFromState(f, state[f.code] ?? null, asOf);
      stateOf(states, key).set(compiled.source.code, state);
      states.applied.set(key, ((row.waiting as unknown[] | null) ?? []).map(String));
      done.add(key);
    }
    return done;
  }

  private async run(
    db: Queryable,
    keys: readonly string[],
    asOf: Date,
    compiled: readonly CompiledSource[],
    stored: ReadonlyMap<string, FeatureValues>,
    states?: SourceStates,
    delta?: DeltaContext,
  ): Promise<Map<string, FeatureValues>> {
    // Each subject starts from every feature's empty value, with the stored value of each
    // feature not recomputed here laid over it (the lists worked out once, not per subject).
    const recomputed = new Set(compiled.flatMap((c) => c.features.map((f) => f.code)));
    const keptCodes = this.features.filter((f) => !recomputed.has(f.code)).map((f) => f.code);
    const empty: FeatureValues = Object.fromEntries(this.features.map((f) => [f.code, emptyValue(f)]));
    const result = new Map<string, FeatureValues>();
    for (const key of keys) {
      const values: FeatureValues = { ...empty };
      const before = stored.get(key);
      if (before) {
        for (const code of keptCodes) {
          const kept = before[code];
          if (kept !== undefined) values[code] = kept;
        }
      }
      result.set(key, values);
    }
    if (keys.length === 0) return result;
    const plans = new PlanMode(db);
    for (const source of compiled) {
      const deltaDef = this.deltas.get(source.source.code);
      const applied =
        deltaDef && states && delta
          ? await this.applyDeltas(db, deltaDef, keys, asOf, result, states, delta, plans)
          : null;
      const read = applied ? keys.filter((k) => !applied.has(k)) : keys;
      if (read.length === 0) continue;
      await plans.use(source.statementName ? 'generic' : 'as-found');
      const rows = await db.query<Record<string, unknown>>(
        source.sql,
        [asOf, read],
        source.statementName ? { name: source.statementName } : undefined,
      );
      for (const row of rows) {
        const key = String(row.subject_key);
        const values = result.get(key);
        if (!values) continue;
        source.features.forEach((feature, i) => {
          const v = row[`f${i}`];
          values[feature.code] = v === null || v === undefined ? emptyValue(feature) : Number(v);
        });
        if (states && source.stateColumns) {
          const state: SourceState = {};
          source.features.forEach((feature, i) => {
            const extra = (source.stateColumns?.[i] ?? []).map((c) => row[c]);
            state[feature.code] = stateFromRow(feature, values[feature.code] ?? null, extra);
          });
          stateOf(states, key).set(source.source.code, state);
        }
      }
      if (states && source.stateColumns) {
        // A subject the source had no row for starts from the empty state.
        for (const key of read) {
          if (!stateOf(states, key).has(source.source.code))
            stateOf(states, key).set(source.source.code, emptyState(source.features));
        }
      }
    }
    await plans.use('as-found');
    for (const values of result.values()) {
      for (const feature of this.derived) values[feature.code] = derive(feature, values);
    }
    return result;
  }
}

function stateOf(states: SourceStates, key: string): Map<string, SourceState> {
  let own = states.states.get(key);
  if (!own) {
    own = new Map();
    states.states.set(key, own);
  }
  return own;
}

function emptyState(features: readonly FeatureDef[]): SourceState {
  return Object.fromEntries(features.map((f) => [f.code, stateFromRow(f, emptyValue(f), [])]));
}

/**
 * plan_cache_mode for the statements of one run, set only where statements are prepared (a
 * server connection) and only when it changes: a source with a generic plan runs with
 * force_generic_plan, any other with the mode the transaction had. Set with is_local, so it
 * ends with the transaction at the latest; outside one it lasts a single statement and the
 * prepared statement falls back to the server's own choice.
 */
class PlanMode {
  /** The mode as found, read when first changed. */
  private found: string | undefined;
  private current: string | undefined;

  constructor(private readonly db: Queryable) {}

  async use(plan: 'generic' | 'as-found'): Promise<void> {
    if (!this.db.prepares) return;
    const wanted = plan === 'generic' ? 'force_generic_plan' : this.found;
    if (wanted === undefined || wanted === this.current) return;
    const rows = await this.db.query<{ found: string }>(
      "SELECT current_setting('plan_cache_mode') AS found, set_config('plan_cache_mode', $1, true)",
      [wanted],
    );
    this.found ??= rows[0]?.found;
    this.current = wanted;
  }
}

function derive(feature: FeatureDef, values: FeatureValues): number | null {
  if (feature.aggregate !== 'ratio' || !feature.ratioOf)
    throw new Error(`derived feature ${feature.code} must be a ratio`);
  const numerator = values[feature.ratioOf.numerator] ?? null;
  const denominator = values[feature.ratioOf.denominator] ?? null;
  if (numerator === null || denominator === null) return null;
  return denominator === 0 ? 0 : numerator / denominator;
}
