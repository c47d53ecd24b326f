-- Ingest bookkeeping: each committed batch also records how far its run got, in the same
-- transaction, so an interrupted import shows the last data row that is safely stored.
ALTER TABLE import_run
  ADD COLUMN rows_inserted  integer NOT NULL DEFAULT 0,
  ADD COLUMN rows_updated   integer NOT NULL DEFAULT 0,
  ADD COLUMN rows_unchanged integer NOT NULL DEFAULT 0,
  ADD COLUMN last_row       integer NOT NULL DEFAULT 0,
  ADD COLUMN error          text;

-- Retrying quarantined traces reads the unresolved ones only.
CREATE INDEX trace_quarantine_unresolved_idx ON trace_quarantine (source, source_id) WHERE resolved_trace_id IS NULL;
