-- A customer's own record feeds features of its portrait (important, special, public figure,
-- customer type, contract capacity) and places it in the topology its peers and areas are
-- read by. Until now only traces, readings and QA results marked a portrait stale, so a
-- customer re-imported as 特殊客户 kept the old portrait until the next rebuild. A new customer,
-- or a change to one of those columns, now marks the customer (change 'customer') in the
-- same transaction; an update that changes nothing the portrait reads (a re-import of the
-- same row, a new phone number) marks nothing.
CREATE FUNCTION mark_portraits_dirty_from_customer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT 'customer', customer_id::text, '{customer}'::text[] FROM changed
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  ELSE
    INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
      SELECT 'customer', n.customer_id::text, '{customer}'::text[]
      FROM changed n JOIN before o ON o.customer_id = n.customer_id
      WHERE (n.important, n.special, n.special_category, n.customer_type, n.contract_capacity_kva,
             n.org_unit_id, n.transformer_area_id, n.status)
        IS DISTINCT FROM
            (o.important, o.special, o.special_category, o.customer_type, o.contract_capacity_kva,
             o.org_unit_id, o.transformer_area_id, o.status)
      ON CONFLICT (subject_kind, subject_key) DO UPDATE
        SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER customer_marks_portraits AFTER INSERT ON customer
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_customer();
CREATE TRIGGER customer_update_marks_portraits AFTER UPDATE ON customer
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_customer();
