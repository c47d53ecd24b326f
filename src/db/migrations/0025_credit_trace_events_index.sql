-- The credit ledger counts disconnections and theft verdicts that arrived as traces only
-- (src/portraits/credit/credit-events.ts). Through trace_customer_idx a batch of 5,000
-- customers read every one of their ~340,000 traces (the whole trace table over a rebuild) to
-- find a handful; this index holds only the two trace types the query can count, so a batch
-- reads those alone. Partial: other traces, almost all of them, cost it nothing on ingest.
CREATE INDEX trace_credit_events_idx ON trace (customer_id, occurred_at)
  WHERE trace_type IN ('disconnection', 'employee_operation');
