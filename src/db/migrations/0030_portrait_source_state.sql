-- The incremental refresh applies a new trace to a customer's stored trace features instead of
-- re-reading the customer's year (src/portraits/engine/feature-delta.ts). Two things make that
-- exact:
--
-- 1. portrait_source_state: per subject and source, what the features were computed from —
--    the as-of time, the catalog version and each feature's running state (counts, the
--    numerator and denominator of a share, the count of each distinct value, the newest time).
--    Written with every full computation and every delta, in the portrait's transaction.
-- 2. portrait_dirty.trace_ids: the traces of a customer not yet applied to that state, added in
--    the inserting transaction by the trigger below. NULL means "not known" (a mark from before
--    this migration, more than 64 traces waiting, a trace rewritten in place): the next refresh
--    recomputes the customer's trace features in full.
--
-- Every trace of a customer is then either in the state (if its time was in a window at the
-- state's as-of) or in the mark's list, whatever the commit order of ingest and refresh.
CREATE TABLE portrait_source_state (
  subject_kind    text NOT NULL,
  subject_key     text NOT NULL,
  source          text NOT NULL,
  as_of           timestamptz NOT NULL,
  catalog_version text NOT NULL,
  state           jsonb NOT NULL,
  PRIMARY KEY (subject_kind, subject_key, source)
);

ALTER TABLE portrait_dirty ADD COLUMN trace_ids bigint[];
ALTER TABLE portrait_dirty ALTER COLUMN trace_ids SET DEFAULT '{}';

-- A mark's waiting traces: both lists joined, or NULL ("not known") past 64 or when either is.
CREATE FUNCTION merge_trace_ids(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cardinality(a) + cardinality(b) <= 64 THEN a || b END
$$;

CREATE OR REPLACE FUNCTION mark_portraits_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'trace' THEN
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes, trace_ids)
      SELECT 'customer', customer_id::text,
        array_agg(DISTINCT 'trace:' || trace_type)
          || CASE WHEN bool_or(trace_type IN ('payment', 'bill_issued', 'disconnection', 'reconnection')) THEN '{billing}'::text[] ELSE '{}'::text[] END,
        -- A rewritten trace was counted with its old content: not a delta the state can take.
        CASE WHEN TG_OP = 'INSERT' AND count(*) <= 64 THEN array_agg(trace_id) END
      FROM changed WHERE customer_id IS NOT NULL GROUP BY customer_id
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes),
            trace_ids = merge_trace_ids(portrait_dirty.trace_ids, EXCLUDED.trace_ids);
    IF TG_OP = 'UPDATE' THEN
      -- A trace rewritten to another customer (or another time) leaves its old customer's
      -- features counting it: recompute that customer too.
      INSERT INTO portrait_dirty (subject_kind, subject_key, changes, trace_ids)
        SELECT 'customer', customer_id::text, array_agg(DISTINCT 'trace:' || trace_type), NULL
        FROM previous WHERE customer_id IS NOT NULL GROUP BY customer_id
        ON CONFLICT (subject_kind, subject_key) DO UPDATE
          SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes),
              trace_ids = NULL;
    END IF;
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT 'employee', employee_id::text, array_agg(DISTINCT 'trace:' || trace_type)
      FROM changed WHERE employee_id IS NOT NULL GROUP BY employee_id
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT a.kind, a.key, array_agg(DISTINCT 'trace:' || p.trace_type)
      FROM (
        SELECT DISTINCT cu.org_unit_id, cu.transformer_area_id, c.trace_type
        FROM (SELECT DISTINCT customer_id, trace_type FROM changed WHERE customer_id IS NOT NULL) c
          CROSS JOIN LATERAL (SELECT k.org_unit_id, k.transformer_area_id FROM customer k
                              WHERE k.customer_id = c.customer_id OFFSET 0) cu
      ) p
        CROSS JOIN LATERAL customer_area_subjects(p.org_unit_id, p.transformer_area_id) a
      GROUP BY a.kind, a.key
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  ELSE
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT DISTINCT 'customer', customer_id::text, '{readings}'::text[] FROM changed WHERE customer_id IS NOT NULL
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER trace_update_marks_portraits ON trace;
CREATE TRIGGER trace_update_marks_portraits AFTER UPDATE ON trace
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty();
