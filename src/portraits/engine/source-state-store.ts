import type { Queryable } from '../../db/db.js';
import type { SourceStates } from './compute-features.js';

/**
 * Stores the incremental sources' states with the portraits (in the portrait's transaction) and
 * settles the subjects' waiting rows (portrait_dirty.trace_ids; see migration 0030):
 *
 * - a subject whose delta applied rows keeps, on a mark set again since, only the rows listed
 *   after the delta read them;
 * - a subject read in full keeps a mark set again since with its list "not known" (NULL): the
 *   full read may have seen some of the listed rows, so the next refresh reads in full too.
 *
 * A state is never replaced by an older one (a rebuild as of a past time beside the refresher).
 * Where a later state stands, it is removed instead: this computation has just cleared marks
 * whose rows that later state had not taken in, so the next refresh must read in full.
 */
export async function writeSourceStates(
  tx: Queryable,
  states: SourceStates,
  asOf: Date,
  catalogVersion: string,
): Promise<void> {
  if (states.states.size === 0) return;
  const rows = JSON.stringify(
    [...states.states].flatMap(([k, bySource]) => [...bySource].map(([s, st]) => ({ k, s, st }))),
  );
  await tx.query(
    `WITH input AS (SELECT r.k, r.s, r.st FROM jsonb_to_recordset($1::jsonb) AS r(k text, s text, st jsonb)),
     written AS (
       INSERT INTO portrait_source_state (subject_kind, subject_key, source, as_of, catalog_version, state)
       SELECT $2, k, s, $3, $4, st FROM input
       ON CONFLICT (subject_kind, subject_key, source) DO UPDATE
         SET as_of = EXCLUDED.as_of, catalog_version = EXCLUDED.catalog_version, state = EXCLUDED.state
         WHERE portrait_source_state.as_of <= EXCLUDED.as_of
       RETURNING subject_key, source)
     DELETE FROM portrait_source_state p USING input i
     WHERE p.subject_kind = $2 AND p.subject_key = i.k AND p.source = i.s
       AND NOT EXISTS (SELECT 1 FROM written w WHERE w.subject_key = i.k AND w.source = i.s)`,
    [rows, states.kind, asOf, catalogVersion],
  );
  const settled = JSON.stringify([...states.states.keys()].map((k) => ({ k, a: states.applied.get(k) ?? null })));
  await tx.query(
    `UPDATE portrait_dirty d
     SET trace_ids = CASE WHEN r.a IS NULL OR jsonb_typeof(r.a) = 'null' THEN NULL
       ELSE ARRAY(SELECT unnest(d.trace_ids) EXCEPT ALL SELECT jsonb_array_elements_text(r.a)::bigint) END
     FROM jsonb_to_recordset($1::jsonb) AS r(k text, a jsonb)
     WHERE d.subject_kind = $2 AND d.subject_key = r.k AND d.trace_ids IS NOT NULL`,
    [settled, states.kind],
  );
}
