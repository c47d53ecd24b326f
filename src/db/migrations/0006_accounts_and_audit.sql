-- Staff accounts. Roles: admin, manager, agent (95598), hall_staff, grid_manager, qa_inspector.
-- `org_unit_id` is the data scope: the account sees that unit and everything below it.
CREATE TABLE app_user (
  user_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'manager', 'agent', 'hall_staff', 'grid_manager', 'qa_inspector')),
  org_unit_id   text REFERENCES org_unit (org_unit_id),
  -- Extra permissions beyond the role's: pii_unmask, confidential (special customers).
  permissions   text[] NOT NULL DEFAULT '{}',
  employee_id   bigint REFERENCES employee (employee_id),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES app_user (user_id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

-- Who did what, when and why: every unmasking of personal data and every change to a record.
CREATE TABLE audit_log (
  audit_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  user_id      bigint REFERENCES app_user (user_id),
  action       text NOT NULL,
  subject_type text NOT NULL,
  subject_id   text NOT NULL,
  reason       text,
  detail       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, at);

-- One row per import run, so an interrupted run is visible and a re-run can be compared.
CREATE TABLE import_run (
  run_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path          text NOT NULL,
  kind          text NOT NULL,
  source        text NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  rows_read     integer NOT NULL DEFAULT 0,
  rows_accepted integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  rows_quarantined integer NOT NULL DEFAULT 0,
  status        text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed'))
);
