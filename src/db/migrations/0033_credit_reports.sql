-- Third-party credit records (第三方信用信息, REQUIREMENTS C3 "optional third-party inputs"):
-- what an outside registry says of a customer — a court's list of dishonest judgment debtors
-- (失信被执行人), a credit-China red list of trustworthy entities (守信红名单), a bank's
-- default record. Each record moves the customer's credit score in the month it was reported
-- (credit model v2; docs/portraits-credit.md). A record is not a service trace: the customer
-- did not contact anyone, so it has no trace and counts in no interaction feature.
CREATE TABLE credit_report (
  report_no   text PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customer (customer_id),
  agency      text NOT NULL,
  verdict     text NOT NULL CHECK (verdict IN ('dishonest', 'honoured')),
  reported_on date NOT NULL,
  note        text,
  source      text NOT NULL DEFAULT 'manual',
  updated_at  timestamptz NOT NULL DEFAULT now()
);
-- The credit rebuild reads the records of a range of customers.
CREATE INDEX credit_report_customer_idx ON credit_report (customer_id, reported_on);

-- A new record, or one whose customer, verdict or day changed, marks the customer's credit
-- ledger (and so its portrait) stale with 'billing', the change the ledger follows; a changed
-- customer marks the old one too. A re-import of the same record marks nothing.
CREATE FUNCTION mark_portraits_dirty_from_credit_report() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  customers bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT customer_id) INTO customers FROM changed;
  ELSE
    SELECT array_agg(DISTINCT side.customer_id) INTO customers
    FROM changed n JOIN before o ON o.report_no = n.report_no
      CROSS JOIN LATERAL (VALUES (n.customer_id), (o.customer_id)) AS side (customer_id)
    WHERE (n.customer_id, n.verdict, n.reported_on) IS DISTINCT FROM (o.customer_id, o.verdict, o.reported_on);
  END IF;
  INSERT INTO portrait_dirty (subject_kind, subject_key, changes)
    SELECT 'customer', id::text, '{billing}'::text[] FROM unnest(customers) AS id WHERE id IS NOT NULL
    ON CONFLICT (subject_kind, subject_key) DO UPDATE
      SET marked_at = clock_timestamp(), changes = merge_changes(portrait_dirty.changes, EXCLUDED.changes);
  RETURN NULL;
END $$;

CREATE TRIGGER credit_report_marks_portraits AFTER INSERT ON credit_report
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_credit_report();
CREATE TRIGGER credit_report_update_marks_portraits AFTER UPDATE ON credit_report
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty_from_credit_report();
