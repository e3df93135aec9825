-- A closed meeting's snapshot is what the board was shown: written once in the transaction that closes the
-- meeting, never changed or removed afterwards (the application has no path that does either).
CREATE FUNCTION meeting_snapshots_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'meeting_snapshots is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER meeting_snapshots_no_update BEFORE UPDATE OR DELETE ON meeting_snapshots
  FOR EACH ROW EXECUTE FUNCTION meeting_snapshots_append_only();
CREATE TRIGGER meeting_snapshots_no_truncate BEFORE TRUNCATE ON meeting_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_snapshots_append_only();
