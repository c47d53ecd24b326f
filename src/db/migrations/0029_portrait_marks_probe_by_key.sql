-- The marking triggers of 0020 and 0026 joined a statement's changed rows to customer (a
-- trace's areas) and to call (a QA result's customer). How the planner answered each join
-- depended on the table's size: at 20,000 customers a batch of 1,000 traces hashed all 20,000
-- customers (31 ms); at 200,000 it probed by key. Each changed row now looks its customer or
-- call up by key whatever the size (OFFSET 0 keeps the planner from flattening the look-up
-- back into the join: 15 ms at 20,000), and the areas are worked out once per distinct (grid,
-- transformer area), not once per trace. What is marked, and with which changes, is as before.
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

CREATE OR REPLACE FUNCTION mark_portraits_dirty_from_qa() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT DISTINCT 'customer', c.customer_id::text, '{qa}'::text[]
    FROM (SELECT DISTINCT call_id FROM changed) r
      CROSS JOIN LATERAL (SELECT k.customer_id FROM call k WHERE k.call_id = r.call_id OFFSET 0) c
    WHERE c.customer_id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT DISTINCT 'employee', r.agent_employee_id::text, '{qa}'::text[] FROM changed r WHERE r.agent_employee_id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  RETURN NULL;
END $$;
