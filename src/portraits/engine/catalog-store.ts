import type { Queryable } from '../../db/db.js';
import { catalogVersion, catalogVersions } from '../definitions/index.js';
import type { DefinitionCatalog } from './types.js';

/** Records the catalog version (idempotent) and returns it. */
export async function registerCatalog(db: Queryable, catalog: DefinitionCatalog): Promise<string> {
  const version = catalogVersion(catalog);
  await db.query(
    'INSERT INTO portrait_catalog (catalog_version, definitions) VALUES ($1, $2) ON CONFLICT (catalog_version) DO NOTHING',
    [version, JSON.stringify(catalogVersions(catalog))],
  );
  return version;
}
