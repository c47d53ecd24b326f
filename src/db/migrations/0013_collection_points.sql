-- Collection points (采集点, T6): what is collected of each kind of trace, "tailored to the
-- object" (量体裁衣). Per trace type: whether it is collected at all, how much detail of its
-- attributes is kept, and how often per customer (a minimum interval between two kept traces
-- of the type, e.g. one app login per customer per hour is enough for a portrait).
-- A trace type without a row is collected in full, every time.
CREATE TABLE collection_point (
  trace_type           text PRIMARY KEY,
  enabled              boolean NOT NULL DEFAULT true,
  -- 'full' keeps every attribute the source sent; 'listed' keeps only the keys in `attributes`.
  detail               text NOT NULL DEFAULT 'full' CHECK (detail IN ('full', 'listed')),
  attributes           text[] NOT NULL DEFAULT '{}',
  min_interval_minutes integer NOT NULL DEFAULT 0 CHECK (min_interval_minutes >= 0),
  purpose              text,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           bigint REFERENCES app_user (user_id)
);

-- The defaults a utility starts from: high-volume channel-use events are thinned per customer,
-- everything that is a service event stays complete.
INSERT INTO collection_point (trace_type, enabled, detail, attributes, min_interval_minutes, purpose) VALUES
  ('app_login', true, 'full', '{}', 60, '渠道偏好与交互活跃度（C5、C6）：每客户每小时记一次登录即可'),
  ('website_visit', true, 'full', '{}', 60, '渠道偏好与交互活跃度（C5、C6）'),
  ('power_loss_event', true, 'full', '{}', 0, '停电主动感知（O1）：每个失电事件都要采集');
