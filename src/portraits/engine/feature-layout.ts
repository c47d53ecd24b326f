import type { Queryable } from '../../db/db.js';
import type { DefinitionCatalog, FeatureValues } from './types.js';

/**
 * A customer portrait stores its features as a float8[] (migration 0035): the values of the
 * catalog version's customer features in their codes' bytewise order. The order is a function
 * of the feature set alone, so the migration could derive it in SQL, and it is kept per
 * version in `portrait_catalog.customer_features` for reading rows of past versions.
 */
export type FeatureLayout = readonly string[];

export function customerFeatureLayout(catalog: DefinitionCatalog): FeatureLayout {
  // Codes are ASCII, where the default sort is PostgreSQL's COLLATE "C".
  return catalog.features
    .filter((f) => f.subject === 'customer')
    .map((f) => f.code)
    .sort();
}

/**
 * The array literal of `values` in `layout`'s order. A feature without a value is NULL, and so
 * is one that is not a finite number, as it was in the jsonb before (JSON has no NaN).
 */
export function featureArrayLiteral(layout: FeatureLayout, values: FeatureValues): string {
  return `{${layout.map((code) => finiteOrNull(values[code])).join(',')}}`;
}

const finiteOrNull = (value: number | null | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : 'NULL';

export function featuresFromArray(layout: FeatureLayout, values: readonly (number | null)[]): FeatureValues {
  const features: FeatureValues = {};
  layout.forEach((code, i) => {
    features[code] = values[i] ?? null;
  });
  return features;
}

// A catalog version names a fixed set of definitions, so its layout never changes once known.
const layouts = new Map<string, FeatureLayout>();

/** The layout rows of `catalogVersion` were written in; empty for a version that has none. */
export async function layoutOf(db: Queryable, catalogVersion: string): Promise<FeatureLayout> {
  const known = layouts.get(catalogVersion);
  if (known) return known;
  const rows = await db.query<{ customer_features: string[] | null }>(
    'SELECT customer_features FROM portrait_catalog WHERE catalog_version = $1',
    [catalogVersion],
  );
  const layout = rows[0]?.customer_features;
  if (!layout) return [];
  layouts.set(catalogVersion, layout);
  return layout;
}
