-- 95598 work orders (工单). `case_id` links every trace of the case chain (诉求链).
CREATE TABLE work_order (
  order_no                text PRIMARY KEY,
  customer_id             bigint NOT NULL REFERENCES customer (customer_id),
  case_id                 text NOT NULL,
  -- complaint, report, opinion, repair, consultation, service_request, praise
  order_type              text NOT NULL,
  topic_code              text NOT NULL,
  urgency                 text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'very_urgent')),
  status                  text NOT NULL,
  channel                 text NOT NULL,
  created_at              timestamptz NOT NULL,
  sla_deadline            timestamptz,
  closed_at               timestamptz,
  responsible_employee_id bigint REFERENCES employee (employee_id),
  substantiated           boolean,
  satisfaction            smallint CHECK (satisfaction BETWEEN 1 AND 5),
  summary                 text,
  source                  text NOT NULL DEFAULT 'manual',
  updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_order_customer_idx ON work_order (customer_id, created_at);
CREATE INDEX work_order_case_idx ON work_order (case_id);
CREATE INDEX work_order_employee_idx ON work_order (responsible_employee_id);

-- Status history of a work order: accepted → dispatched → arrived → handled → callback → closed.
CREATE TABLE work_order_status (
  order_no    text NOT NULL REFERENCES work_order (order_no),
  seq         integer NOT NULL,
  status      text NOT NULL,
  at          timestamptz NOT NULL,
  employee_id bigint REFERENCES employee (employee_id),
  note        text,
  PRIMARY KEY (order_no, seq)
);

-- Calls and online chats with their transcripts (speech-to-text happens upstream).
CREATE TABLE call (
  call_id           text PRIMARY KEY,
  customer_id       bigint REFERENCES customer (customer_id),
  agent_employee_id bigint REFERENCES employee (employee_id),
  channel           text NOT NULL,            -- phone_95598 or online_chat
  direction         text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  started_at        timestamptz NOT NULL,
  ended_at          timestamptz NOT NULL,
  caller_phone      text,
  case_id           text,
  order_no          text,
  source            text NOT NULL DEFAULT 'manual',
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX call_customer_idx ON call (customer_id, started_at);
CREATE INDEX call_agent_idx ON call (agent_employee_id, started_at);

CREATE TABLE call_turn (
  call_id  text NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
  seq      integer NOT NULL,
  speaker  text NOT NULL CHECK (speaker IN ('agent', 'customer', 'system')),
  start_ms integer NOT NULL CHECK (start_ms >= 0),
  end_ms   integer NOT NULL,
  text     text NOT NULL,
  PRIMARY KEY (call_id, seq),
  CHECK (end_ms >= start_ms)
);

-- Outages: planned (计划停电), fault (故障停电), arrears disconnection (欠费停电).
-- The scope is a feeder, a transformer area or one customer; the customers affected follow
-- from the topology.
CREATE TABLE outage (
  outage_id      text PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('planned', 'fault', 'arrears')),
  scope_level    text NOT NULL CHECK (scope_level IN ('feeder', 'transformer_area', 'customer')),
  scope_id       text NOT NULL,
  started_at     timestamptz NOT NULL,
  restored_at    timestamptz,
  planned_start  timestamptz,
  planned_end    timestamptz,
  announced_at   timestamptz,
  cause          text,
  source         text NOT NULL DEFAULT 'manual',
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outage_scope_idx ON outage (scope_level, scope_id, started_at);

-- SMS, app push and WeChat notices sent to customers.
CREATE TABLE notice (
  notice_id   text PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customer (customer_id),
  medium      text NOT NULL CHECK (medium IN ('sms', 'push', 'wechat')),
  -- outage_planned, outage_fault, restoration, arrears_reminder, disconnection_notice, bill, survey, ...
  topic       text NOT NULL,
  sent_at     timestamptz NOT NULL,
  status      text NOT NULL DEFAULT 'delivered' CHECK (status IN ('sent', 'delivered', 'failed')),
  content     text,
  outage_id   text,
  source      text NOT NULL DEFAULT 'manual',
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notice_customer_idx ON notice (customer_id, sent_at);

-- Employee operations in the source systems (disconnection executed, meter read, login …).
CREATE TABLE employee_operation (
  operation_id text PRIMARY KEY,
  employee_id  bigint NOT NULL REFERENCES employee (employee_id),
  operation    text NOT NULL,
  at           timestamptz NOT NULL,
  customer_id  bigint REFERENCES customer (customer_id),
  system       text,
  detail       jsonb NOT NULL DEFAULT '{}',
  source       text NOT NULL DEFAULT 'manual',
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX employee_operation_employee_idx ON employee_operation (employee_id, at);
