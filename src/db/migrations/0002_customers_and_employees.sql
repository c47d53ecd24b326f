-- Customers. `customer_id` is the internal key every growing table carries (the future
-- distribution column); `customer_no` is the business key source systems use.
CREATE TABLE customer (
  customer_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_no          text NOT NULL UNIQUE,
  name                 text NOT NULL,
  customer_type        text NOT NULL CHECK (customer_type IN ('residential', 'non_residential')),
  -- For non-residential customers: industry code and words (e.g. 'C26' chemicals).
  industry             text,
  voltage_level        text NOT NULL DEFAULT '220V',
  contract_capacity_kva numeric,
  org_unit_id          text NOT NULL REFERENCES org_unit (org_unit_id),
  transformer_area_id  text REFERENCES transformer_area (transformer_area_id),
  address              text,
  phone                text,
  id_number            text,
  wechat_id            text,
  -- 重要/高危客户 (hospitals, chemical plants): supply continuity first.
  important            boolean NOT NULL DEFAULT false,
  -- 特殊客户 (government, vulnerable groups, public figures): confidential handling.
  special              boolean NOT NULL DEFAULT false,
  special_category     text,
  opened_on            date,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
  source               text NOT NULL DEFAULT 'manual',
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_org_idx ON customer (org_unit_id);
CREATE INDEX customer_area_idx ON customer (transformer_area_id);
CREATE INDEX customer_name_idx ON customer (name text_pattern_ops);

CREATE TABLE meter (
  meter_no            text PRIMARY KEY,
  customer_id         bigint NOT NULL REFERENCES customer (customer_id),
  transformer_area_id text REFERENCES transformer_area (transformer_area_id),
  installed_on        date,
  multiplier          numeric NOT NULL DEFAULT 1,
  source              text NOT NULL DEFAULT 'manual',
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meter_customer_idx ON meter (customer_id);

-- Identity resolution (T3): every way a source system names a customer maps to one customer.
CREATE TABLE customer_identity (
  kind        text NOT NULL CHECK (kind IN ('customer_no', 'meter_no', 'phone', 'id_number', 'wechat_id')),
  value       text NOT NULL,
  customer_id bigint NOT NULL REFERENCES customer (customer_id),
  PRIMARY KEY (kind, value)
);
CREATE INDEX customer_identity_customer_idx ON customer_identity (customer_id);
-- Phone-tail search ("last four digits") without scanning every customer.
CREATE INDEX customer_identity_phone_tail_idx ON customer_identity (right(value, 4)) WHERE kind = 'phone';

CREATE TABLE employee (
  employee_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employee_no  text NOT NULL UNIQUE,
  name         text NOT NULL,
  -- e.g. agent_95598, hall_staff, grid_manager, meter_reader, repair, qa_inspector, manager
  post         text NOT NULL,
  org_unit_id  text NOT NULL REFERENCES org_unit (org_unit_id),
  hire_date    date,
  birth_year   integer,
  gender       text CHECK (gender IN ('M', 'F')),
  skill_level  integer CHECK (skill_level BETWEEN 1 AND 5),
  phone        text,
  status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  source       text NOT NULL DEFAULT 'manual',
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX employee_org_idx ON employee (org_unit_id);
