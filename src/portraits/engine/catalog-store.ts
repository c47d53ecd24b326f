import type { Queryable } from '../../db/db.js';
import { catalogVersion, catalogVersions } from '../definitions/index.js';
import { customerFeatureLayout } from './feature-layout.js';
import type { DefinitionCatalog } from './types.js';

/** Records the catalog version with its customer feature layout (idempotent) and returns it. */
export async function registerCatalog(db: Queryable, catalog: DefinitionCatalog): Promise<string> {
  const version = catalogVersion(catalog);
  const layout = customerFeatureLayout(catalog);
  // A version recorded before migration 0035 without portraits has no layout yet. One that
  // has keeps the layout its rows were converted with (layoutOf reads it).
  await db.query(
    `INSERT INTO portrait_catalog (catalog_version, definitions, customer_features) VALUES ($1, $2, $3)
     ON CONFLICT (catalog_version) DO UPDATE SET customer_features = EXCLUDED.customer_features
     WHERE portrait_catalog.customer_features IS NULL`,
    [version, JSON.stringify(catalogVersions(catalog)), layout],
  );
  return version;
}
