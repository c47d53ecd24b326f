-- The service-trace store (T1, T2): one append-only table every channel writes to, in one
-- vocabulary (src/traces/vocabulary.ts). Partitioned by month of occurrence; partitions
-- are created on demand by ensure_trace_partition().
CREATE TABLE trace (
  trace_id    bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamptz NOT NULL,
  trace_type  text NOT NULL,
  channel     text NOT NULL,
  direction   text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
  customer_id bigint,
  employee_id bigint,
  case_id     text,
  topic       text,
  source      text NOT NULL,
  source_id   text NOT NULL,
  attributes  jsonb NOT NULL DEFAULT '{}',
  revision    integer NOT NULL DEFAULT 1,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (trace_id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX trace_customer_idx ON trace (customer_id, occurred_at);
CREATE INDEX trace_employee_idx ON trace (employee_id, occurred_at);
CREATE INDEX trace_case_idx ON trace (case_id, occurred_at) WHERE case_id IS NOT NULL;

-- Idempotency on (source, source_id) lives in its own table: a partitioned table's unique keys
-- must include the partition column, and a distributed one's the distribution column.
CREATE TABLE trace_key (
  source       text NOT NULL,
  source_id    text NOT NULL,
  trace_id     bigint NOT NULL,
  occurred_at  timestamptz NOT NULL,
  content_hash text NOT NULL,
  PRIMARY KEY (source, source_id)
);

-- Previous versions of traces a corrected import replaced: the trace table shows the current
-- revision, this one keeps what was seen before.
CREATE TABLE trace_revision (
  trace_id    bigint NOT NULL,
  revision    integer NOT NULL,
  occurred_at timestamptz NOT NULL,
  content     jsonb NOT NULL,
  replaced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (trace_id, revision)
);

-- Traces whose customer could not be resolved (T3): kept with the reason, never dropped.
CREATE TABLE trace_quarantine (
  source       text NOT NULL,
  source_id    text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  reason       text NOT NULL,
  payload      jsonb NOT NULL,
  resolved_trace_id bigint,
  PRIMARY KEY (source, source_id)
);

CREATE FUNCTION ensure_trace_partition(month_start date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  part text := format('trace_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
BEGIN
  IF to_regclass(part) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF trace FOR VALUES FROM (%L) TO (%L)',
      part, month_start::timestamptz, (month_start + interval '1 month')::timestamptz);
  END IF;
END $$;
