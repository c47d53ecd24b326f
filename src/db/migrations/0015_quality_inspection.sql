-- Quality inspection (智能质检, Q1–Q5, E2): schemes as data, results with their hits, manual
-- reviews, appeals, sampling, special topics, re-inspection jobs, case library, rule comments.
-- Derived facts keep their history: a newer result supersedes an older one (superseded_at),
-- reviews and appeal decisions are append-only rows.

-- A QA scheme (质检方案); exactly one scheme is routine: new calls are inspected with its live version.
CREATE TABLE qa_scheme (
  scheme_code text PRIMARY KEY,
  name        text NOT NULL,
  routine     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX qa_scheme_one_routine ON qa_scheme (routine) WHERE routine;

-- Each version holds the whole scheme as JSON in the rule language (docs/qa.md), validated on save.
CREATE TABLE qa_scheme_version (
  scheme_version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scheme_code  text NOT NULL REFERENCES qa_scheme (scheme_code),
  version      integer NOT NULL CHECK (version >= 1),
  status       text NOT NULL CHECK (status IN ('draft', 'live', 'retired')),
  -- json, not jsonb: the definition reads back exactly as saved (category and key order).
  definition   json NOT NULL,
  note         text NOT NULL DEFAULT '',
  created_by   bigint REFERENCES app_user (user_id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_by bigint REFERENCES app_user (user_id),
  published_at timestamptz,
  retired_at   timestamptz,
  UNIQUE (scheme_code, version)
);
CREATE UNIQUE INDEX qa_scheme_version_one_live ON qa_scheme_version (scheme_code) WHERE status = 'live';

-- Calls waiting for inspection. Filled by the triggers on call_turn below, in the same
-- transaction as the turns, so ingest code need not know about QA; the QA worker drains it.
CREATE TABLE qa_pending (
  call_id   text PRIMARY KEY REFERENCES call (call_id) ON DELETE CASCADE,
  marked_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION qa_mark_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO qa_pending (call_id)
  SELECT DISTINCT call_id FROM changed_turns
  ON CONFLICT (call_id) DO UPDATE SET marked_at = now();
  RETURN NULL;
END
$$;
-- Statement-level with a transition table: one insert per ingest batch, not one per turn.
-- A transition table serves one event only, hence two triggers (the ingest upserts turns).
CREATE TRIGGER call_turn_qa_insert AFTER INSERT ON call_turn
  REFERENCING NEW TABLE AS changed_turns FOR EACH STATEMENT EXECUTE FUNCTION qa_mark_pending();
CREATE TRIGGER call_turn_qa_update AFTER UPDATE ON call_turn
  REFERENCING NEW TABLE AS changed_turns FOR EACH STATEMENT EXECUTE FUNCTION qa_mark_pending();

-- Special-topic QA (专题质检): a topic, a period, a scheme version and a filter of calls.
CREATE TABLE qa_topic (
  topic_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name              text NOT NULL,
  description       text NOT NULL DEFAULT '',
  scheme_version_id bigint NOT NULL REFERENCES qa_scheme_version (scheme_version_id),
  period_from       date NOT NULL,
  period_to         date NOT NULL,
  filter            jsonb NOT NULL DEFAULT '{}',
  -- The creator's data scope: the topic inspects calls inside it only.
  scope_path        text,
  created_by        bigint REFERENCES app_user (user_id),
  created_at        timestamptz NOT NULL DEFAULT now()
);

-- Background inspection of a period: re-inspection after a scheme change, or a special topic.
CREATE TABLE qa_job (
  job_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('reinspection', 'topic')),
  scheme_version_id bigint NOT NULL REFERENCES qa_scheme_version (scheme_version_id),
  topic_id          bigint REFERENCES qa_topic (topic_id),
  period_from       date NOT NULL,
  period_to         date NOT NULL,
  status            text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total             integer NOT NULL DEFAULT 0,
  done              integer NOT NULL DEFAULT 0,
  -- Keyset cursor over (started_at, call_id) so a restarted worker resumes where it stopped.
  cursor_at         timestamptz,
  cursor_call_id    text,
  error             text,
  requested_by      bigint REFERENCES app_user (user_id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  started_at        timestamptz,
  finished_at       timestamptz
);
CREATE INDEX qa_job_open_idx ON qa_job (job_id) WHERE status IN ('queued', 'running');

CREATE TABLE qa_result (
  result_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_id           text NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
  scheme_version_id bigint NOT NULL REFERENCES qa_scheme_version (scheme_version_id),
  scheme_code       text NOT NULL,
  scheme_version    integer NOT NULL,
  topic_id          bigint REFERENCES qa_topic (topic_id),
  job_id            bigint REFERENCES qa_job (job_id),
  -- Copied from the call so lists, portraits and scope filters need no join to call.
  agent_employee_id bigint REFERENCES employee (employee_id),
  call_started_at   timestamptz NOT NULL,
  duration_s        integer NOT NULL,
  score             numeric NOT NULL,
  base_score        numeric NOT NULL,
  deductions        numeric NOT NULL,
  bonus             numeric NOT NULL,
  vetoed            boolean NOT NULL,
  category_scores   jsonb NOT NULL,
  passed_rule_count integer NOT NULL,
  angry_customer    boolean NOT NULL,
  flagged           boolean NOT NULL,
  flag_reasons      text[] NOT NULL DEFAULT '{}',
  inspected_at      timestamptz NOT NULL DEFAULT now(),
  superseded_at     timestamptz
);
-- One current result per call and topic (routine inspection: topic_id NULL).
CREATE UNIQUE INDEX qa_result_current ON qa_result (call_id, coalesce(topic_id, 0)) WHERE superseded_at IS NULL;
CREATE INDEX qa_result_started_idx ON qa_result (call_started_at) WHERE superseded_at IS NULL;
CREATE INDEX qa_result_agent_idx ON qa_result (agent_employee_id, call_started_at) WHERE superseded_at IS NULL;
CREATE INDEX qa_result_topic_idx ON qa_result (topic_id) WHERE topic_id IS NOT NULL;

-- One rule hit with its explanation: where (turn seq, character span) and what matched.
CREATE TABLE qa_hit (
  hit_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  result_id  bigint NOT NULL REFERENCES qa_result (result_id) ON DELETE CASCADE,
  rule_code  text NOT NULL,
  rule_name  text NOT NULL,
  category   text NOT NULL,
  points     numeric NOT NULL,
  veto       boolean NOT NULL DEFAULT false,
  operator   text NOT NULL,
  expression text NOT NULL,
  turn_seq   integer,
  char_start integer,
  char_end   integer,
  speaker    text,
  matched    text,
  actual     text,
  -- Every piece of evidence (up to 5), turn indexes already mapped to turn seq.
  evidence   jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX qa_hit_result_idx ON qa_hit (result_id);
CREATE INDEX qa_hit_rule_idx ON qa_hit (rule_code, result_id);

-- Manual QA (人工质检): an inspector's score and comments; append-only, the latest counts.
CREATE TABLE qa_review (
  review_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  result_id  bigint NOT NULL REFERENCES qa_result (result_id) ON DELETE CASCADE,
  call_id    text NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
  inspector  bigint NOT NULL REFERENCES app_user (user_id),
  score      numeric NOT NULL,
  comment    text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qa_review_result_idx ON qa_review (result_id, created_at);
CREATE INDEX qa_review_call_idx ON qa_review (call_id, created_at);

-- Re-check (复核): an agent appeals one deduction; a second inspector decides once.
CREATE TABLE qa_appeal (
  appeal_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hit_id            bigint NOT NULL UNIQUE REFERENCES qa_hit (hit_id) ON DELETE CASCADE,
  result_id         bigint NOT NULL REFERENCES qa_result (result_id) ON DELETE CASCADE,
  call_id           text NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
  agent_employee_id bigint REFERENCES employee (employee_id),
  appellant         bigint NOT NULL REFERENCES app_user (user_id),
  reason            text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qa_appeal_agent_idx ON qa_appeal (agent_employee_id, created_at);

CREATE TABLE qa_appeal_decision (
  decision_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  appeal_id   bigint NOT NULL UNIQUE REFERENCES qa_appeal (appeal_id) ON DELETE CASCADE,
  decision    text NOT NULL CHECK (decision IN ('upheld', 'reversed')),
  note        text NOT NULL,
  decided_by  bigint NOT NULL REFERENCES app_user (user_id),
  decided_at  timestamptz NOT NULL DEFAULT now(),
  -- A reversal restores the deduction: the result's final score after it.
  score_after numeric
);

-- Sampling plans (抽检): random share plus risk criteria over a period and a team.
CREATE TABLE qa_sampling_plan (
  plan_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name               text NOT NULL,
  org_unit_id        text REFERENCES org_unit (org_unit_id),
  period_from        date NOT NULL,
  period_to          date NOT NULL,
  random_share       numeric NOT NULL CHECK (random_share >= 0 AND random_share <= 1),
  risk               jsonb NOT NULL DEFAULT '{}',
  max_risk_per_agent integer,
  scope_path         text,
  created_by         bigint REFERENCES app_user (user_id),
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE qa_sample (
  sample_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id    bigint NOT NULL REFERENCES qa_sampling_plan (plan_id) ON DELETE CASCADE,
  call_id    text NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
  reasons    text[] NOT NULL,
  drawn_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, call_id)
);

-- Case library (案例库) of typical and excellent calls for training.
CREATE TABLE qa_case_library (
  entry_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_id       text NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('typical', 'excellent')),
  title         text NOT NULL,
  tags          text[] NOT NULL DEFAULT '{}',
  teaching_note text NOT NULL DEFAULT '',
  created_by    bigint REFERENCES app_user (user_id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qa_case_library_call_idx ON qa_case_library (call_id);

-- Standards revised with agents (Q3): comments and proposals on a rule.
CREATE TABLE qa_rule_comment (
  comment_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scheme_code   text NOT NULL REFERENCES qa_scheme (scheme_code),
  rule_code     text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('comment', 'proposal')),
  body          text NOT NULL,
  proposed_rule jsonb,
  author        bigint NOT NULL REFERENCES app_user (user_id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qa_rule_comment_rule_idx ON qa_rule_comment (scheme_code, rule_code, created_at);

-- Calls stored before this migration are inspected too (Q1: every call).
INSERT INTO qa_pending (call_id) SELECT DISTINCT call_id FROM call_turn ON CONFLICT (call_id) DO NOTHING;
