import type { Queryable } from '../../db/db.js';
import { type CompiledSource, compileSource, emptyValue } from './compile-features.js';
import type { SourceDef } from './source-types.js';
import type { FeatureDef, FeatureValues } from './types.js';

/**
 * Computes every feature of a set of subjects: one query per source (each feature of the
 * source is a FILTERed aggregate of the same pass), then the derived ratios.
 */
export class FeatureComputer {
  private readonly compiled: CompiledSource[];
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
  }

  /** The SQL the batch runs, one statement per source (shown by `portraits explain`). */
  get statements(): readonly CompiledSource[] {
    return this.compiled;
  }

  async compute(db: Queryable, keys: readonly string[], asOf: Date): Promise<Map<string, FeatureValues>> {
    return this.run(db, keys, asOf, this.compiled, new Map());
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
  ): Promise<Map<string, FeatureValues>> {
    return this.run(
      db,
      keys,
      asOf,
      this.compiled.filter((c) => sources.has(c.source.code)),
      stored,
    );
  }

  private async run(
    db: Queryable,
    keys: readonly string[],
    asOf: Date,
    compiled: readonly CompiledSource[],
    stored: ReadonlyMap<string, FeatureValues>,
  ): Promise<Map<string, FeatureValues>> {
    const recomputed = new Set(compiled.flatMap((c) => c.features.map((f) => f.code)));
    const result = new Map<string, FeatureValues>();
    for (const key of keys) {
      const values: FeatureValues = {};
      const before = stored.get(key);
      for (const feature of this.features) {
        const kept = before?.[feature.code];
        values[feature.code] = !recomputed.has(feature.code) && kept !== undefined ? kept : emptyValue(feature);
      }
      result.set(key, values);
    }
    if (keys.length === 0) return result;
    const plans = new PlanMode(db);
    for (const source of compiled) {
      await plans.use(source.statementName ? 'generic' : 'as-found');
      const rows = await db.query<Record<string, unknown>>(
        source.sql,
        [asOf, keys],
        source.statementName ? { name: source.statementName } : undefined,
      );
      for (const row of rows) {
        const values = result.get(String(row.subject_key));
        if (!values) continue;
        source.features.forEach((feature, i) => {
          const v = row[`f${i}`];
          values[feature.code] = v === null || v === undefined ? emptyValue(feature) : Number(v);
        });
      }
    }
    await plans.use('as-found');
    for (const values of result.values()) {
      for (const feature of this.derived) values[feature.code] = derive(feature, values);
    }
    return result;
  }
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
