import { type Actor, scopePattern } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';

export interface TransformerAreaOption {
  id: string;
  name: string;
  feeder: { id: string; name: string };
  substation: { id: string; name: string };
  orgUnit: { id: string; name: string };
}

const LIMIT = 50;

/**
 * Transformer areas (台区) served by units in the caller's scope whose id or name starts with
 * `q` (or contains it, for names), for the segment filter's picker; at most 50.
 */
export async function searchTransformerAreas(db: Queryable, actor: Actor, q: string): Promise<TransformerAreaOption[]> {
  const text = q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const rows = await db.query<{
    id: string;
    name: string;
    feeder_id: string;
    feeder_name: string;
    substation_id: string;
    substation_name: string;
    org_unit_id: string;
    org_name: string;
  }>(
    `SELECT ta.transformer_area_id AS id, ta.name, f.feeder_id, f.name AS feeder_name, s.substation_id,
       s.name AS substation_name, o.org_unit_id, o.name AS org_name
     FROM transformer_area ta
     JOIN feeder f ON f.feeder_id = ta.feeder_id
     JOIN substation s ON s.substation_id = f.substation_id
     JOIN org_unit o ON o.org_unit_id = ta.org_unit_id
     WHERE ($1 = '%' OR o.path LIKE $1)
       AND ($2 = '' OR ta.transformer_area_id LIKE $2 || '%' OR ta.name LIKE '%' || $2 || '%')
     ORDER BY ta.transformer_area_id LIMIT $3`,
    [scopePattern(actor), text, LIMIT],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    feeder: { id: r.feeder_id, name: r.feeder_name },
    substation: { id: r.substation_id, name: r.substation_name },
    orgUnit: { id: r.org_unit_id, name: r.org_name },
  }));
}
