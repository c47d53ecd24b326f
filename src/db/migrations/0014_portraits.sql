-- Portraits (画像): derived facts per subject with validity periods, so a portrait can be
-- read as it was known at any time (`asOf`). valid_to NULL = the current row.

-- Which definition versions produced a row: catalog_version is a hash of every definition's
-- code@version, and `definitions` spells them out.
CREATE TABLE portrait_catalog (
  catalog_version text PRIMARY KEY,
  definitions     jsonb NOT NULL,
  first_used_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer_portrait (
  customer_id     bigint NOT NULL,
  valid_from      timestamptz NOT NULL,
  valid_to        timestamptz,
  features        jsonb NOT NULL,
  tags            text[] NOT NULL,
  scores          jsonb NOT NULL,
  grades          jsonb NOT NULL,
  -- Copies of the values segments filter on most, so those filters use plain indexes.
  credit_score    real,
  credit_grade    text,
  fee_risk_class  smallint,
  complaint_risk  real,
  content_hash    text NOT NULL,
  catalog_version text NOT NULL REFERENCES portrait_catalog (catalog_version),
  computed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX customer_portrait_current_idx ON customer_portrait (customer_id) WHERE valid_to IS NULL;
CREATE INDEX customer_portrait_tags_idx ON customer_portrait USING gin (tags) WHERE valid_to IS NULL;
CREATE INDEX customer_portrait_grade_idx ON customer_portrait (credit_grade, fee_risk_class) WHERE valid_to IS NULL;

-- Employees and areas (transformer areas, feeders, grids, supply stations).
CREATE TABLE subject_portrait (
  subject_kind    text NOT NULL,
  subject_key     text NOT NULL,
  valid_from      timestamptz NOT NULL,
  valid_to        timestamptz,
  features        jsonb NOT NULL,
  tags            text[] NOT NULL,
  scores          jsonb NOT NULL,
  grades          jsonb NOT NULL,
  content_hash    text NOT NULL,
  catalog_version text NOT NULL REFERENCES portrait_catalog (catalog_version),
  computed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subject_kind, subject_key, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX subject_portrait_current_idx ON subject_portrait (subject_kind, subject_key) WHERE valid_to IS NULL;

-- Subjects whose portraits are stale. Statement-level triggers fill it in the same
-- transaction as the data, so a crash between the write and the refresh loses nothing;
-- the refresher deletes the marks in the transaction that writes the new portraits.
CREATE TABLE portrait_dirty (
  subject_kind text NOT NULL,
  subject_key  text NOT NULL,
  marked_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (subject_kind, subject_key)
);

CREATE FUNCTION mark_portraits_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'trace' THEN
    INSERT INTO portrait_dirty (subject_kind, subject_key)
      SELECT DISTINCT 'customer', customer_id::text FROM changed WHERE customer_id IS NOT NULL
      ON CONFLICT (subject_kind, subject_key) DO UPDATE SET marked_at = clock_timestamp();
    INSERT INTO portrait_dirty (subject_kind, subject_key)
      SELECT DISTINCT 'employee', employee_id::text FROM changed WHERE employee_id IS NOT NULL
      ON CONFLICT (subject_kind, subject_key) DO UPDATE SET marked_at = clock_timestamp();
  ELSE
    INSERT INTO portrait_dirty (subject_kind, subject_key)
      SELECT DISTINCT 'customer', customer_id::text FROM changed WHERE customer_id IS NOT NULL
      ON CONFLICT (subject_kind, subject_key) DO UPDATE SET marked_at = clock_timestamp();
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER trace_marks_portraits AFTER INSERT ON trace
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty();
CREATE TRIGGER trace_update_marks_portraits AFTER UPDATE ON trace
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty();
CREATE TRIGGER reading_marks_portraits AFTER INSERT ON meter_reading_month
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty();
CREATE TRIGGER reading_update_marks_portraits AFTER UPDATE ON meter_reading_month
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_portraits_dirty();

-- Notes staff add to or corrections they make on a portrait element (C9). Append-only: a
-- correction is a new note that supersedes the old one; every note is also audited.
CREATE TABLE portrait_note (
  note_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id   bigint NOT NULL REFERENCES customer (customer_id),
  element       text NOT NULL,
  note          text NOT NULL,
  -- 'confirm' | 'dispute' | 'comment'
  stance        text NOT NULL CHECK (stance IN ('confirm', 'dispute', 'comment')),
  author_user_id bigint NOT NULL,
  supersedes    bigint REFERENCES portrait_note (note_id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portrait_note_customer_idx ON portrait_note (customer_id, created_at);
