-- A call's quality-inspection result feeds its customer's portrait (angry-customer calls),
-- so a new or superseding result marks that customer's portrait stale, in the result's own
-- transaction (see portrait_dirty in 0014).
CREATE FUNCTION mark_portraits_dirty_from_qa() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO portrait_dirty (subject_kind, subject_key)
    SELECT DISTINCT 'customer', c.customer_id::text FROM changed r JOIN call c ON c.call_id = r.call_id
    WHERE c.customer_id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE SET marked_at = clock_timestamp();
  INSERT INTO portrait_dirty (subject_kind, subject_key)
    SELECT DISTINCT 'employee', r.agent_employee_id::text FROM changed r WHERE r.agent_employee_id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE SET marked_at = clock_timestamp();
  RETURN NULL;
END $$;

CREATE TRIGGER qa_result_marks_portraits AFTER INSERT ON qa_result
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_qa();
