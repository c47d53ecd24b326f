import type { Queryable } from '../db/db.js';

export interface OrgUnitStep {
  id: string;
  name: string;
  level: string;
}

/** The units from the company down to the one of `path` ('/HN/HN01/HN0101/'), in order. */
export async function orgUnitChain(db: Queryable, path: string): Promise<OrgUnitStep[]> {
  const ids = path.split('/').filter(Boolean);
  const rows = await db.query<{ org_unit_id: string; name: string; level: string }>(
    'SELECT org_unit_id, name, level FROM org_unit WHERE org_unit_id = ANY($1::text[]) ORDER BY length(path)',
    [ids],
  );
  return rows.map((r) => ({ id: r.org_unit_id, name: r.name, level: r.level }));
}
