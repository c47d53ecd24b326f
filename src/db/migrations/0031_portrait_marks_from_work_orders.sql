-- A work order's features (complaints, upheld and not upheld, satisfaction, time to close) read
-- the work_order row itself, and its customer, its responsible employee and the customer's
-- areas all have features over it. Until now only the order's traces marked portraits stale:
-- the creation trace marks the customer and its areas but not the responsible employee (the
-- trace has none), and a re-import that changes only the row (upheld or not, satisfaction,
-- closing time, another employee) writes no trace, so every portrait kept the old figures
-- until the next rebuild. A new work order, and a change to a column a portrait reads, now
-- mark the customer, the employee and the areas — the old and the new ones where they
-- changed — with the change 'work_order', in the same transaction. A re-import of the same
-- row, or one that changes only the summary, marks nothing.
--
-- A status step (accepted, dispatched, handled, callback …) comes with a trace naming the
-- employee who took the step, who is often not the one the order is answered by; the
-- responsible employee's figures (time to handle, past the deadline) read the steps too, so a
-- new or changed step marks the order's responsible employee with 'work_order' as well.
--
-- The mark lists no trace (trace_ids stays as it was, '{}' for a new mark): the trace features
-- that read work orders name 'work_order' in their revisitOn and are read in full.
CREATE FUNCTION mark_portraits_dirty_from_work_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  customers bigint[];
  employees bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT customer_id), array_agg(DISTINCT responsible_employee_id)
      INTO customers, employees
    FROM changed;
  ELSE
    SELECT array_agg(DISTINCT side.customer_id), array_agg(DISTINCT side.employee_id)
      INTO customers, employees
    FROM changed n JOIN before o ON o.order_no = n.order_no
      CROSS JOIN LATERAL (VALUES (n.customer_id, n.responsible_employee_id), (o.customer_id, o.responsible_employee_id))
        AS side (customer_id, employee_id)
    WHERE (n.customer_id, n.case_id, n.order_type, n.topic_code, n.urgency, n.status, n.channel, n.created_at,
           n.sla_deadline, n.closed_at, n.responsible_employee_id, n.substantiated, n.satisfaction)
      IS DISTINCT FROM
          (o.customer_id, o.case_id, o.order_type, o.topic_code, o.urgency, o.status, o.channel, o.created_at,
           o.sla_deadline, o.closed_at, o.responsible_employee_id, o.substantiated, o.satisfaction);
  END IF;
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT 'customer', id::text, '{work_order}'::text[] FROM unnest(customers) AS id WHERE id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT 'employee', id::text, '{work_order}'::text[] FROM unnest(employees) AS id WHERE id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT DISTINCT a.kind, a.key, '{work_order}'::text[]
    FROM (
      SELECT DISTINCT cu.org_unit_id, cu.transformer_area_id
      FROM unnest(customers) AS id
        CROSS JOIN LATERAL (SELECT k.org_unit_id, k.transformer_area_id FROM customer k
                            WHERE k.customer_id = id OFFSET 0) cu
    ) p
      CROSS JOIN LATERAL customer_area_subjects(p.org_unit_id, p.transformer_area_id) a
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  RETURN NULL;
END $$;

CREATE TRIGGER work_order_marks_portraits AFTER INSERT ON work_order
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_work_order();
CREATE TRIGGER work_order_update_marks_portraits AFTER UPDATE ON work_order
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_work_order();

CREATE FUNCTION mark_portraits_dirty_from_work_order_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT DISTINCT 'employee', w.responsible_employee_id::text, '{work_order}'::text[]
    FROM (SELECT DISTINCT order_no FROM changed) s
      CROSS JOIN LATERAL (SELECT o.responsible_employee_id FROM work_order o
                          WHERE o.order_no = s.order_no OFFSET 0) w
    WHERE w.responsible_employee_id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  RETURN NULL;
END $$;

CREATE TRIGGER work_order_status_marks_portraits AFTER INSERT ON work_order_status
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_work_order_status();
CREATE TRIGGER work_order_status_update_marks_portraits AFTER UPDATE ON work_order_status
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_work_order_status();
