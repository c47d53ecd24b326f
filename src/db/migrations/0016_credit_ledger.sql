-- The credit ledger (信用台账, C3): the iterative cumulative credit score of each customer,
-- one row per month from the customer's first bill or event, so the score as of any month is
-- that month's row. Written by src/portraits/credit/credit-ledger.ts; `events` holds the lines
-- of the month ([{code, count, delta}], adding up to `delta`); `model_version` is the version
-- of CREDIT_MODEL that computed the row.
CREATE TABLE credit_ledger (
  customer_id   bigint NOT NULL,
  month         date NOT NULL,
  score_before  smallint NOT NULL,
  delta         smallint NOT NULL,
  score_after   smallint NOT NULL CHECK (score_after BETWEEN 0 AND 100),
  events        jsonb NOT NULL DEFAULT '[]',
  model_version integer NOT NULL,
  PRIMARY KEY (customer_id, month),
  CHECK (score_after = score_before + delta)
);

-- The credit rebuild reads disconnections and theft verdicts by customer range; without this
-- every batch would scan all employee operations.
CREATE INDEX IF NOT EXISTS employee_operation_customer_idx ON employee_operation (customer_id, at);
