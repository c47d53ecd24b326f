import type { Queryable } from '../../src/db/db.js';

/**
 * An index that misses rows of its table: its maintenance switched off (indisready) while
 * rows go in, then on again. What a lost index page write leaves, made on purpose.
 */
export async function damageIndex(db: Queryable): Promise<void> {
  await db.exec(`
    INSERT INTO org_unit (org_unit_id, name, level, path) VALUES ('ZZ01', 'Damage test', 'company', 'ZZ01');
    UPDATE pg_index SET indisready = false WHERE indexrelid = 'org_unit_parent_idx'::regclass;
    INSERT INTO org_unit (org_unit_id, name, level, parent_id, path)
      SELECT 'ZZ01' || lpad(g::text, 2, '0'), 'Unit ' || g, 'county', 'ZZ01', 'ZZ01/ZZ01' || lpad(g::text, 2, '0')
      FROM generate_series(1, 40) g;
    UPDATE pg_index SET indisready = true WHERE indexrelid = 'org_unit_parent_idx'::regclass;
  `);
}
