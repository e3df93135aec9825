-- Editing between meetings: the commitment workflow's reopening, closed meetings and their frozen
-- snapshots, the settings deadlines depend on, and the hash-chained audit log.

ALTER TABLE commitments
  ADD COLUMN reopened_date date,
  ADD COLUMN reopened_reason_ja i18n_text,
  ADD COLUMN reopened_reason_en i18n_text,
  ADD CONSTRAINT commitments_reopened_reason_both CHECK ((reopened_reason_ja IS NULL) = (reopened_reason_en IS NULL));

ALTER TABLE meetings
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN closed_by_name text CHECK (char_length(closed_by_name) BETWEEN 1 AND 200),
  ADD CONSTRAINT meetings_closed_both CHECK ((closed_at IS NULL) = (closed_by_name IS NULL));

-- What the board was shown when the meeting closed: written once, never changed.
CREATE TABLE meeting_snapshots (
  meeting_id entity_id PRIMARY KEY REFERENCES meetings (id),
  taken_at timestamptz NOT NULL,
  snapshot jsonb NOT NULL
);

-- One row: settings that change how the record is read (how days are counted for deadlines).
CREATE TABLE settings (
  singleton boolean NOT NULL DEFAULT true PRIMARY KEY CHECK (singleton),
  day_counting text NOT NULL DEFAULT 'exclude_first_day'
    CHECK (day_counting IN ('exclude_first_day', 'include_first_day')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
INSERT INTO settings (singleton) VALUES (true);

-- Every change, in order. Each entry's hash covers its content and the previous entry's hash, so editing
-- or removing any entry breaks the chain from there on; audit_head holds the last entry so that removing
-- entries from the end is detected too.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY CHECK (seq >= 1),
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_username text NOT NULL,
  actor_name text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);

CREATE TABLE audit_head (
  singleton boolean NOT NULL DEFAULT true PRIMARY KEY CHECK (singleton),
  seq bigint NOT NULL,
  hash text NOT NULL
);

-- Append-only: the application never updates or deletes history. (The table's owner can still disable
-- these triggers; that is what the hash chain is for.)
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
