-- Org units: company → city → county → supply station (供电所) → grid (网格).
-- `path` is the chain of ids from the company down ('/HN/HN-CS/HN-CS-01/'), so a data
-- scope check is one prefix comparison.
CREATE TABLE org_unit (
  org_unit_id text PRIMARY KEY,
  parent_id   text REFERENCES org_unit (org_unit_id),
  level       text NOT NULL CHECK (level IN ('company', 'city', 'county', 'station', 'grid')),
  name        text NOT NULL,
  path        text NOT NULL,
  source      text NOT NULL DEFAULT 'manual',
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_unit_path_idx ON org_unit (path text_pattern_ops);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);

-- Grid topology: substation → feeder (线路) → transformer area (台区) → meter → customer.
CREATE TABLE substation (
  substation_id text PRIMARY KEY,
  name          text NOT NULL,
  voltage_kv    numeric,
  org_unit_id   text NOT NULL REFERENCES org_unit (org_unit_id),
  source        text NOT NULL DEFAULT 'manual',
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE feeder (
  feeder_id     text PRIMARY KEY,
  name          text NOT NULL,
  substation_id text NOT NULL REFERENCES substation (substation_id),
  org_unit_id   text NOT NULL REFERENCES org_unit (org_unit_id),
  source        text NOT NULL DEFAULT 'manual',
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feeder_substation_idx ON feeder (substation_id);

CREATE TABLE transformer_area (
  transformer_area_id text PRIMARY KEY,
  name                text NOT NULL,
  feeder_id           text NOT NULL REFERENCES feeder (feeder_id),
  -- The grid (网格) that serves the area.
  org_unit_id         text NOT NULL REFERENCES org_unit (org_unit_id),
  capacity_kva        numeric,
  source              text NOT NULL DEFAULT 'manual',
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transformer_area_feeder_idx ON transformer_area (feeder_id);
CREATE INDEX transformer_area_org_idx ON transformer_area (org_unit_id);
