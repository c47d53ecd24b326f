-- A mark's waiting traces (portrait_dirty.trace_ids) are read back by id alone
-- (feature-delta.ts). The trace table is partitioned by month, and its primary key leads with
-- the id, so that probe descended every monthly partition's key index: ~40 index pages for a
-- customer with a waiting trace, ~3 with this bound (EXPLAIN on the 20,000-customer bench
-- world; the delta statement's average over every customer it refreshed, some with no waiting
-- trace and so nothing to probe, fell from 44 to 21 pages). trace_from keeps the earliest time
-- among the waiting traces, so the probe reads only the partitions from that month on (run-time
-- pruning).
--
-- It is a lower bound, never more: traces applied and taken off the list leave it where it was,
-- and a mark whose list is not known (NULL) reads the customer in full anyway. A mark with no
-- bound (NULL: listed before this migration) is read from every month: the delta takes a
-- missing bound as '-infinity'.
ALTER TABLE portrait_dirty ADD COLUMN trace_from timestamptz;

CREATE OR REPLACE FUNCTION mark_portraits_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'trace' THEN
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes, trace_ids, trace_from)
      SELECT 'customer', customer_id::text,
        array_agg(DISTINCT 'trace:' || trace_type)
          || CASE WHEN bool_or(trace_type IN ('payment', 'bill_issued', 'disconnection', 'reconnection')) THEN '{billing}'::text[] ELSE '{}'::text[] END,
        -- A rewritten trace was counted with its old content: not a delta the state can take.
        CASE WHEN TG_OP = 'INSERT' AND count(*) <= 64 THEN array_agg(trace_id) END,
        min(occurred_at)
      FROM changed WHERE customer_id IS NOT NULL GROUP BY customer_id
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes),
            trace_ids = merge_trace_ids(portrait_dirty.trace_ids, EXCLUDED.trace_ids),
            -- least() skips a NULL: a mark with no waiting traces had no bound to keep.
            trace_from = least(portrait_dirty.trace_from, EXCLUDED.trace_from);
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
