-- The refresher takes stale marks oldest first. By marked_at, which every new change to the
-- same subject moves forward, a subject that kept changing (a customer chatting, a busy agent)
-- went back to the end of the queue each time and could wait indefinitely (measured on the
-- 5,000-customer bench at 1,000 traces/s, two traces per customer: p50 5 s). queued_at is when
-- the subject became stale and stays until its portrait is refreshed; marked_at still bounds
-- which marks a refresh clears.
ALTER TABLE portrait_dirty ADD COLUMN queued_at timestamptz;
UPDATE portrait_dirty SET queued_at = marked_at;
ALTER TABLE portrait_dirty ALTER COLUMN queued_at SET DEFAULT clock_timestamp(), ALTER COLUMN queued_at SET NOT NULL;
CREATE INDEX portrait_dirty_queued_idx ON portrait_dirty (queued_at);
