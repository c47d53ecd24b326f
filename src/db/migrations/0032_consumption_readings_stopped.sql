-- 采集中断: a meter whose daily readings stopped while the other meters of its transformer
-- area kept reporting (a failed collection terminal or link, a broken or tampered meter).
-- Judged against the area, not against the clock, so a collection system that delivers a whole
-- area days late flags no one: the area's newest reading day is kept with the peer figures,
-- each customer's own with its single-day figures, and the profile keeps both and the gap.
ALTER TABLE consumption_daily_summary ADD COLUMN last_read_on date;
ALTER TABLE consumption_peer ADD COLUMN last_read_on date;
ALTER TABLE consumption_profile
  ADD COLUMN last_read_on date,
  ADD COLUMN area_read_until date,
  ADD COLUMN days_behind_peers integer;
