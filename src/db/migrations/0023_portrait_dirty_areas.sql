-- A customer's trace also touches the areas the customer belongs to: its transformer area,
-- that area's feeder, its grid and the grid's supply station (the keys of the area portraits,
-- src/portraits/definitions/area-sources.ts OF_CUSTOMER). Those get a stale mark too, with the
-- trace types, in the trace's own transaction. Area portraits are aggregates over every
-- customer of the area, so the server refreshes them on their own slower cycle rather than
-- beside each customer (src/portraits/engine/portrait-refresher.ts, `kinds`).
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
      SELECT area.kind, area.key, array_agg(DISTINCT 'trace:' || c.trace_type)
      FROM changed c
        JOIN customer cu ON cu.customer_id = c.customer_id
        LEFT JOIN transformer_area cta ON cta.transformer_area_id = cu.transformer_area_id
        JOIN org_unit cg ON cg.org_unit_id = cu.org_unit_id
        CROSS JOIN LATERAL (VALUES
          ('transformer_area', cu.transformer_area_id::text),
          ('feeder', cta.feeder_id::text),
          ('grid', cu.org_unit_id::text),
          ('station', (CASE WHEN cg.level = 'grid' THEN cg.parent_id ELSE cg.org_unit_id END)::text)
        ) AS area (kind, key)
      WHERE area.key IS NOT NULL
      GROUP BY area.kind, area.key
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
