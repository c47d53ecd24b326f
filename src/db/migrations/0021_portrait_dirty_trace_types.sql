-- Stale marks from traces name the trace type ('trace:app_query'), so the refresher can
-- recompute only the sources a change touches: a bill look-up needs the trace statement, a
-- work-order status also the work-order one (src/portraits/definitions/*-sources.ts,
-- SourceDef.affectedBy). 'billing' still marks payments, bills and (re)connections for the
-- credit ledger.
CREATE OR REPLACE FUNCTION mark_portraits_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'trace' THEN
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT 'customer', customer_id::text,
        array_agg(DISTINCT 'trace:' || trace_type)
          || CASE WHEN bool_or(trace_type IN ('payment', 'bill_issued', 'disconnection', 'reconnection')) THEN '{billing}'::text[] ELSE '{}'::text[] END
      FROM changed WHERE customer_id IS NOT NULL GROUP BY customer_id
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT 'employee', employee_id::text, array_agg(DISTINCT 'trace:' || trace_type)
      FROM changed WHERE employee_id IS NOT NULL GROUP BY employee_id
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
