-- Failed logins, kept in the database rather than in process memory so that several stateless
-- API processes (the scale-out path) and restarts see the same window. Keys look like
-- 'user:<username>' and 'ip:<address>'; rows older than the window are deleted on the way.
CREATE TABLE login_failure (
  key text NOT NULL,
  at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_key_idx ON login_failure (key, at);

CREATE INDEX user_session_user_idx ON user_session (user_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Small facts about the installation itself, e.g. that the first-start demo world was loaded.
CREATE TABLE app_setting (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
