-- Consumption pattern (用电规律, C4): figures derived from the daily readings, rebuilt by
-- rebuildConsumptionProfiles (src/portraits/consumption). docs/portraits-consumption.md
-- explains every figure and threshold. All tables are derived: a rebuild replaces their rows.

-- One row per customer and month: the month's readings summed, and summed per 旬 (dekad:
-- days 1–10, 11–20, 21–end), which is the grain the drop detection and the peers work on.
-- Only days before the rebuild's as-of date count.
CREATE TABLE consumption_month (
  customer_id      bigint NOT NULL,
  month            date NOT NULL,
  days_read        smallint NOT NULL,
  kwh              real NOT NULL,
  peak_kwh         real,
  flat_kwh         real,
  valley_kwh       real,
  dekad_kwh        real[] NOT NULL,
  dekad_days       smallint[] NOT NULL,
  power_factor_avg real,
  max_load_kw      real,
  as_of            timestamptz NOT NULL,
  PRIMARY KEY (customer_id, month)
);

-- Figures that need single days (runs of near-zero days), written by the readings pass and
-- read by the profile pass.
CREATE TABLE consumption_daily_summary (
  customer_id       bigint PRIMARY KEY,
  as_of             timestamptz NOT NULL,
  median_daily_kwh  real,
  zero_run_max_days integer NOT NULL,
  zero_run_ended_on date,
  recent_days       integer NOT NULL,
  recent_zero_days  integer NOT NULL
);

-- Peers: customers of the same segment (residential / non_residential) in the same
-- transformer area. transformer_area_id '*' is every area together, used where an area has
-- too few peers of the segment.
CREATE TABLE consumption_peer (
  transformer_area_id text NOT NULL,
  segment             text NOT NULL,
  customers           integer NOT NULL,
  median_daily_kwh    real,
  as_of               timestamptz NOT NULL,
  PRIMARY KEY (transformer_area_id, segment)
);

-- Per peer group and month: the median peer's daily kWh, and per 旬 the peers' seasonal
-- index (median over peers of their 旬 daily average ÷ their own window average).
CREATE TABLE consumption_peer_month (
  transformer_area_id text NOT NULL,
  segment             text NOT NULL,
  month               date NOT NULL,
  customers           integer NOT NULL,
  median_daily_kwh    real,
  seasonal_index      real[] NOT NULL,
  as_of               timestamptz NOT NULL,
  PRIMARY KEY (transformer_area_id, segment, month)
);

-- One row per customer: what the portrait engine reads as features (a one-row-per-subject
-- source) and what the consumption panel shows.
CREATE TABLE consumption_profile (
  customer_id        bigint PRIMARY KEY,
  as_of              timestamptz NOT NULL,
  segment            text NOT NULL,
  -- The peer group the figures were compared with: an area id, or '*' (all areas).
  peer_group         text NOT NULL,
  months             integer NOT NULL,
  avg_daily_kwh      real,
  level_vs_peers     real,
  level_band         text,
  peak_share         real,
  valley_share       real,
  trend_slope_pct    real,
  seasonality        real,
  summer_ratio       real,
  winter_ratio       real,
  zero_run_max_days  integer NOT NULL DEFAULT 0,
  zero_run_ended_on  date,
  recent_vs_own      real,
  recent_vs_peers    real,
  sustained_vs_peers real,
  recent_zero_days   integer,
  baseline_days      integer,
  drop_started_on    date,
  drop_days          integer,
  power_factor_avg   real,
  max_load_kw        real,
  patterns           text[] NOT NULL DEFAULT '{}',
  advice             text[] NOT NULL DEFAULT '{}',
  model_version      integer NOT NULL,
  computed_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consumption_profile_patterns_idx ON consumption_profile USING gin (patterns);
