-- What changed for a stale portrait, so the refresher reruns only the precomputations the
-- change affects: 'billing' (payments, bills, disconnections → credit ledger), 'readings'
-- (→ consumption profile), 'trace', 'qa' (features only). Measured: rerunning the
-- consumption pass for every app login kept the refresher far behind 2,000 traces/s.
ALTER TABLE portrait_dirty ADD COLUMN changes text[] NOT NULL DEFAULT '{}';

CREATE FUNCTION merge_changes(a text[], b text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT c ORDER BY c), '{}') FROM unnest(a || b) AS c
$$;

CREATE OR REPLACE FUNCTION mark_portraits_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'trace' THEN
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT 'customer', customer_id::text,
        array_agg(DISTINCT CASE WHEN trace_type IN ('payment', 'bill_issued', 'disconnection', 'reconnection') THEN 'billing' ELSE 'trace' END)
      FROM changed WHERE customer_id IS NOT NULL GROUP BY customer_id
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT DISTINCT 'employee', employee_id::text, '{trace}'::text[] FROM changed WHERE employee_id IS NOT NULL
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

CREATE OR REPLACE FUNCTION mark_portraits_dirty_from_qa() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT DISTINCT 'customer', c.customer_id::text, '{qa}'::text[] FROM changed r JOIN call c ON c.call_id = r.call_id
    WHERE c.customer_id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT DISTINCT 'employee', r.agent_employee_id::text, '{qa}'::text[] FROM changed r WHERE r.agent_employee_id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  RETURN NULL;
END $$;
