-- An area portrait counts its customers (sensitive-customer density, important customers,
-- complaint density per customer). 0024 marked only the customer when its record changed, so
-- a customer moved to another transformer area, or a new one connected, left both areas'
-- portraits as they were until the next rebuild. A new customer now marks the areas it joins,
-- and a change to what the portrait reads marks the areas the customer left and joined: its
-- transformer area, that area's feeder, its grid and the grid's supply station. Which areas a
-- customer belongs to is one function, customer_area_subjects, read by the trace trigger of
-- 0023 (redefined below with it, unchanged otherwise) and by the customer trigger alike.
CREATE FUNCTION customer_area_subjects(p_org_unit_id text, p_transformer_area_id text)
  RETURNS TABLE (kind text, key text) LANGUAGE sql STABLE AS $$
  SELECT area.kind, area.key
  FROM org_unit g
    LEFT JOIN transformer_area ta ON ta.transformer_area_id = p_transformer_area_id
    CROSS JOIN LATERAL (VALUES
      ('transformer_area', p_transformer_area_id),
      ('feeder', ta.feeder_id),
      ('grid', p_org_unit_id),
      ('station', CASE WHEN g.level = 'grid' THEN g.parent_id ELSE g.org_unit_id END)
    ) AS area (kind, key)
  WHERE g.org_unit_id = p_org_unit_id AND area.key IS NOT NULL
$$;

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
      SELECT a.kind, a.key, array_agg(DISTINCT 'trace:' || c.trace_type)
      FROM changed c
        JOIN customer cu ON cu.customer_id = c.customer_id
        CROSS JOIN LATERAL customer_area_subjects(cu.org_unit_id, cu.transformer_area_id) a
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

CREATE OR REPLACE FUNCTION mark_portraits_dirty_from_customer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- The customers to mark, and the (grid, transformer area) places whose areas to mark.
  ids bigint[];
  grids text[];
  areas text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(customer_id), array_agg(org_unit_id), array_agg(transformer_area_id) INTO ids, grids, areas
    FROM changed;
  ELSE
    SELECT array_agg(DISTINCT n.customer_id), array_agg(side.org_unit_id), array_agg(side.transformer_area_id)
      INTO ids, grids, areas
    FROM changed n JOIN before o ON o.customer_id = n.customer_id
      CROSS JOIN LATERAL (VALUES (n.org_unit_id, n.transformer_area_id), (o.org_unit_id, o.transformer_area_id))
        AS side (org_unit_id, transformer_area_id)
    WHERE (n.important, n.special, n.special_category, n.customer_type, n.contract_capacity_kva,
           n.org_unit_id, n.transformer_area_id, n.status)
      IS DISTINCT FROM
          (o.important, o.special, o.special_category, o.customer_type, o.contract_capacity_kva,
           o.org_unit_id, o.transformer_area_id, o.status);
  END IF;
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT 'customer', id::text, '{customer}'::text[] FROM unnest(ids) AS id
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT DISTINCT a.kind, a.key, '{customer}'::text[]
    FROM (SELECT DISTINCT grid, area FROM unnest(grids, areas) AS place (grid, area)) p
      CROSS JOIN LATERAL customer_area_subjects(p.grid, p.area) a
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  RETURN NULL;
END $$;
