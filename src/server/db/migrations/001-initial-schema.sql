-- The record of the association's oversight of its insurance vendors, as relational tables.
--
-- Conventions:
--   * Every record keeps `position`: its index in the dataset array (or in its parent's array); lists are
--     ordered by it. Editable records carry `version` for optimistic locking.
--   * Bilingual texts (ZText) are two columns, <name>_ja and <name>_en, both set or both null.
--   * A source reference (ZSourceRef) is <name>_document_id (a foreign key) and <name>_cites (text[]).
--   * A figure (ZFigure) is ten columns <name>_status, _value, _label_ja/_en, _formula_ja/_en,
--     _missing_ja/_en, _document_id, _cites. `_value` is set exactly when the status is `reported` or
--     `derived` (the "exact value" of docs/api-semantics.md), so aggregates can sum `_value` as it is.
--   * Partial dates (YYYY-MM or YYYY-MM-DD) are text; `day` columns hold the date when it is day-precise,
--     the only dates that take part in day counts.

CREATE DOMAIN entity_id AS text COLLATE "C"
  CHECK (VALUE ~ '^[a-z0-9][a-z0-9-]{0,63}$');

CREATE DOMAIN partial_date AS text COLLATE "C"
  CHECK (VALUE ~ '^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$');

CREATE DOMAIN i18n_text AS text
  CHECK (char_length(VALUE) BETWEEN 1 AND 4000);

CREATE DOMAIN figure_status AS text COLLATE "C"
  CHECK (VALUE IN ('reported', 'approximate', 'derived', 'not_reported'));

-- The day of a partial date, or null for a month-only date (make_date is immutable; a cast is not).
CREATE FUNCTION day_of(d text) RETURNS date
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN CASE WHEN length(d) = 10
    THEN make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) END;

CREATE TABLE organisation (
  id entity_id PRIMARY KEY,
  name_ja i18n_text NOT NULL,
  name_en i18n_text NOT NULL,
  short_name_ja i18n_text NOT NULL,
  short_name_en i18n_text NOT NULL,
  board_name_ja i18n_text NOT NULL,
  board_name_en i18n_text NOT NULL,
  fiscal_year_start_month integer NOT NULL CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
  -- There is exactly one organisation.
  singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE TABLE documents (
  id entity_id PRIMARY KEY,
  position integer NOT NULL UNIQUE CHECK (position >= 0),
  label_ja i18n_text NOT NULL,
  label_en i18n_text NOT NULL,
  title_ja i18n_text NOT NULL,
  title_en i18n_text NOT NULL,
  kind text NOT NULL CHECK (kind IN (
    'association_notice', 'public_announcement', 'report', 'apology_letter', 'apology', 'press', 'regulator'
  )),
  -- Organisation or vendor ids: no single table to reference.
  issuer_ids text[] NOT NULL,
  publisher_ja i18n_text,
  publisher_en i18n_text,
  date partial_date,
  outside_record boolean NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK ((publisher_ja IS NULL) = (publisher_en IS NULL))
);

CREATE TABLE document_statements (
  document_id entity_id NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  text_ja i18n_text NOT NULL,
  text_en i18n_text NOT NULL,
  PRIMARY KEY (document_id, position)
);

CREATE TABLE vendors (
  id entity_id PRIMARY KEY,
  position integer NOT NULL UNIQUE CHECK (position >= 0),
  name_ja i18n_text NOT NULL,
  name_en i18n_text NOT NULL,
  short_name_ja i18n_text NOT NULL,
  short_name_en i18n_text NOT NULL,
  role text NOT NULL CHECK (role IN ('insurer', 'agency')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE TABLE products (
  id entity_id PRIMARY KEY,
  position integer NOT NULL UNIQUE CHECK (position >= 0),
  name_ja i18n_text NOT NULL,
  name_en i18n_text NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

-- The dataset states the vendor–product link from both sides, each in its own order.
CREATE TABLE vendor_products (
  vendor_id entity_id NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  product_id entity_id NOT NULL REFERENCES products (id),
  PRIMARY KEY (vendor_id, position),
  UNIQUE (vendor_id, product_id)
);

CREATE TABLE product_vendors (
  product_id entity_id NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  vendor_id entity_id NOT NULL REFERENCES vendors (id),
  PRIMARY KEY (product_id, position),
  UNIQUE (product_id, vendor_id)
);

CREATE TABLE product_changes (
  product_id entity_id NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  effective partial_date NOT NULL,
  description_ja i18n_text NOT NULL,
  description_en i18n_text NOT NULL,
  source_document_id entity_id NOT NULL REFERENCES documents (id),
  source_cites text[] NOT NULL,
  PRIMARY KEY (product_id, position)
);

CREATE TABLE incidents (
  id entity_id PRIMARY KEY,
  position integer NOT NULL UNIQUE CHECK (position >= 0),
  number integer NOT NULL UNIQUE CHECK (number >= 1),
  title_ja i18n_text NOT NULL,
  title_en i18n_text NOT NULL,
  category text NOT NULL CHECK (category IN ('unauthorized_access', 'billing_error', 'duplicate_billing', 'other')),
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
  summary_ja i18n_text NOT NULL,
  summary_en i18n_text NOT NULL,
  -- Sourced texts that the sources may not give (null = not reported).
  system_ja i18n_text,
  system_en i18n_text,
  system_document_id entity_id REFERENCES documents (id),
  system_cites text[],
  cause_ja i18n_text,
  cause_en i18n_text,
  cause_document_id entity_id REFERENCES documents (id),
  cause_cites text[],
  misuse_status text NOT NULL CHECK (misuse_status IN ('none_known', 'confirmed', 'not_reported')),
  misuse_as_of date,
  misuse_document_id entity_id NOT NULL REFERENCES documents (id),
  misuse_cites text[] NOT NULL,
  contact_name_ja i18n_text,
  contact_name_en i18n_text,
  contact_phone text,
  contact_hours_ja i18n_text,
  contact_hours_en i18n_text,
  contact_document_id entity_id REFERENCES documents (id),
  contact_cites text[],
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (num_nulls(system_ja, system_en, system_document_id, system_cites) IN (0, 4)),
  CHECK (num_nulls(cause_ja, cause_en, cause_document_id, cause_cites) IN (0, 4)),
  CHECK (num_nulls(contact_name_ja, contact_name_en, contact_phone, contact_hours_ja, contact_hours_en,
    contact_document_id, contact_cites) IN (0, 7))
);

CREATE TABLE incident_vendors (
  incident_id entity_id NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  vendor_id entity_id NOT NULL REFERENCES vendors (id),
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, vendor_id)
);
CREATE INDEX incident_vendors_vendor ON incident_vendors (vendor_id);

CREATE TABLE incident_documents (
  incident_id entity_id NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  document_id entity_id NOT NULL REFERENCES documents (id),
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, document_id)
);
CREATE INDEX incident_documents_document ON incident_documents (document_id);

CREATE TABLE scope_statements (
  id entity_id PRIMARY KEY,
  incident_id entity_id NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  unit text NOT NULL CHECK (unit IN ('records', 'members')),
  count_status figure_status NOT NULL,
  count_value bigint CHECK (count_value >= 0),
  count_label_ja i18n_text,
  count_label_en i18n_text,
  count_formula_ja i18n_text,
  count_formula_en i18n_text,
  count_missing_ja i18n_text,
  count_missing_en i18n_text,
  count_document_id entity_id NOT NULL REFERENCES documents (id),
  count_cites text[] NOT NULL,
  note_ja i18n_text,
  note_en i18n_text,
  outside_record boolean NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (incident_id, position),
  CHECK ((count_value IS NOT NULL) = (count_status IN ('reported', 'derived'))),
  CHECK (num_nulls(count_label_ja, count_label_en) = CASE WHEN count_status = 'approximate' THEN 0 ELSE 2 END),
  CHECK (num_nulls(count_formula_ja, count_formula_en) = CASE WHEN count_status = 'derived' THEN 0 ELSE 2 END),
  CHECK (num_nulls(count_missing_ja, count_missing_en) = CASE WHEN count_status = 'not_reported' THEN 0 ELSE 2 END),
  CHECK ((note_ja IS NULL) = (note_en IS NULL))
);

-- Members affected per product: the figures that /stats/affected and the scorecards add up.
CREATE TABLE affected_counts (
  incident_id entity_id NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  product_id entity_id NOT NULL REFERENCES products (id),
  count_status figure_status NOT NULL,
  count_value bigint CHECK (count_value >= 0),
  count_label_ja i18n_text,
  count_label_en i18n_text,
  count_formula_ja i18n_text,
  count_formula_en i18n_text,
  count_missing_ja i18n_text,
  count_missing_en i18n_text,
  count_document_id entity_id NOT NULL REFERENCES documents (id),
  count_cites text[] NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (incident_id, position),
  CHECK ((count_value IS NOT NULL) = (count_status IN ('reported', 'derived'))),
  CHECK (num_nulls(count_label_ja, count_label_en) = CASE WHEN count_status = 'approximate' THEN 0 ELSE 2 END),
  CHECK (num_nulls(count_formula_ja, count_formula_en) = CASE WHEN count_status = 'derived' THEN 0 ELSE 2 END),
  CHECK (num_nulls(count_missing_ja, count_missing_en) = CASE WHEN count_status = 'not_reported' THEN 0 ELSE 2 END)
);
CREATE INDEX affected_counts_product ON affected_counts (product_id);

CREATE TABLE data_categories (
  incident_id entity_id NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  text_ja i18n_text NOT NULL,
  text_en i18n_text NOT NULL,
  source_document_id entity_id NOT NULL REFERENCES documents (id),
  source_cites text[] NOT NULL,
  PRIMARY KEY (incident_id, position)
);

CREATE TABLE milestones (
  id entity_id PRIMARY KEY,
  incident_id entity_id NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  kind text NOT NULL CHECK (kind IN (
    'occurred', 'detected', 'vendor_public_announcement', 'association_member_notice',
    'reported_to_officers', 'reported_to_association', 'reported_to_board', 'regulator_action'
  )),
  date partial_date NOT NULL,
  day date GENERATED ALWAYS AS (day_of(date)) STORED,
  end_date partial_date,
  note_ja i18n_text,
  note_en i18n_text,
  source_document_id entity_id NOT NULL REFERENCES documents (id),
  source_cites text[] NOT NULL,
  outside_record boolean NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (incident_id, position),
  CHECK ((note_ja IS NULL) = (note_en IS NULL))
);

CREATE TABLE meetings (
  id entity_id PRIMARY KEY,
  position integer NOT NULL UNIQUE CHECK (position >= 0),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
  number integer NOT NULL CHECK (number >= 1),
  kind text NOT NULL CHECK (kind IN ('regular', 'extraordinary')),
  title_ja i18n_text NOT NULL,
  title_en i18n_text NOT NULL,
  date date NOT NULL,
  source_document_id entity_id NOT NULL REFERENCES documents (id),
  source_cites text[] NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE TABLE meeting_items (
  id entity_id PRIMARY KEY,
  meeting_id entity_id NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  title_ja i18n_text NOT NULL,
  title_en i18n_text NOT NULL,
  incident_ids text[] NOT NULL,
  document_ids text[] NOT NULL,
  presented_by_ids text[] NOT NULL,
  note_ja i18n_text,
  note_en i18n_text,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (meeting_id, position),
  CHECK ((note_ja IS NULL) = (note_en IS NULL))
);

CREATE TABLE meeting_attendees (
  meeting_id entity_id NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  vendor_id entity_id NOT NULL REFERENCES vendors (id),
  people_status figure_status NOT NULL,
  people_value bigint CHECK (people_value >= 0),
  people_label_ja i18n_text,
  people_label_en i18n_text,
  people_formula_ja i18n_text,
  people_formula_en i18n_text,
  people_missing_ja i18n_text,
  people_missing_en i18n_text,
  people_document_id entity_id NOT NULL REFERENCES documents (id),
  people_cites text[] NOT NULL,
  role_ja i18n_text,
  role_en i18n_text,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (meeting_id, position),
  CHECK ((people_value IS NOT NULL) = (people_status IN ('reported', 'derived'))),
  CHECK (num_nulls(people_label_ja, people_label_en) = CASE WHEN people_status = 'approximate' THEN 0 ELSE 2 END),
  CHECK (num_nulls(people_formula_ja, people_formula_en) = CASE WHEN people_status = 'derived' THEN 0 ELSE 2 END),
  CHECK (num_nulls(people_missing_ja, people_missing_en) = CASE WHEN people_status = 'not_reported' THEN 0 ELSE 2 END),
  CHECK ((role_ja IS NULL) = (role_en IS NULL))
);

CREATE TABLE commitments (
  id entity_id PRIMARY KEY,
  position integer NOT NULL UNIQUE CHECK (position >= 0),
  kind text NOT NULL CHECK (kind IN ('vendor_promise', 'board_demand')),
  text_ja i18n_text NOT NULL,
  text_en i18n_text NOT NULL,
  quote text,
  made_in_document_id entity_id REFERENCES documents (id),
  made_at_meeting_id entity_id REFERENCES meetings (id),
  made_on partial_date,
  due_date date,
  reported_done_date date,
  verified_date date,
  evidence_ja i18n_text,
  evidence_en i18n_text,
  status text NOT NULL CHECK (status IN ('open', 'in_progress', 'vendor_reported_done', 'verified', 'reopened')),
  source_document_id entity_id NOT NULL REFERENCES documents (id),
  source_cites text[] NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK ((evidence_ja IS NULL) = (evidence_en IS NULL))
);

CREATE TABLE commitment_owers (
  commitment_id entity_id NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  vendor_id entity_id NOT NULL REFERENCES vendors (id),
  PRIMARY KEY (commitment_id, position),
  UNIQUE (commitment_id, vendor_id)
);
CREATE INDEX commitment_owers_vendor ON commitment_owers (vendor_id);

CREATE TABLE commitment_incidents (
  commitment_id entity_id NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  incident_id entity_id NOT NULL REFERENCES incidents (id),
  PRIMARY KEY (commitment_id, position),
  UNIQUE (commitment_id, incident_id)
);
CREATE INDEX commitment_incidents_incident ON commitment_incidents (incident_id);

CREATE TABLE resolutions (
  id entity_id PRIMARY KEY,
  meeting_id entity_id NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  kind text NOT NULL CHECK (kind IN ('warning', 'demand', 'policy', 'review')),
  text_ja i18n_text NOT NULL,
  text_en i18n_text NOT NULL,
  quote text,
  target_vendor_ids text[] NOT NULL,
  commitment_ids text[] NOT NULL,
  note_ja i18n_text,
  note_en i18n_text,
  source_document_id entity_id NOT NULL REFERENCES documents (id),
  source_cites text[] NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (meeting_id, position),
  CHECK ((note_ja IS NULL) = (note_en IS NULL))
);

CREATE TABLE cohorts (
  id entity_id PRIMARY KEY,
  position integer NOT NULL UNIQUE CHECK (position >= 0),
  incident_id entity_id NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  parent_id entity_id REFERENCES cohorts (id),
  label_ja i18n_text NOT NULL,
  label_en i18n_text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('financial', 'notification')),
  members_status figure_status NOT NULL,
  members_value bigint CHECK (members_value >= 0),
  members_label_ja i18n_text,
  members_label_en i18n_text,
  members_formula_ja i18n_text,
  members_formula_en i18n_text,
  members_missing_ja i18n_text,
  members_missing_en i18n_text,
  members_document_id entity_id NOT NULL REFERENCES documents (id),
  members_cites text[] NOT NULL,
  -- null status = no money involved (apology letters); otherwise a figure like members.
  amount_status figure_status,
  amount_value bigint CHECK (amount_value >= 0),
  amount_label_ja i18n_text,
  amount_label_en i18n_text,
  amount_formula_ja i18n_text,
  amount_formula_en i18n_text,
  amount_missing_ja i18n_text,
  amount_missing_en i18n_text,
  amount_document_id entity_id REFERENCES documents (id),
  amount_cites text[],
  methods text[] NOT NULL CHECK (
    cardinality(methods) >= 1
    AND methods <@ ARRAY['rebilling', 'data_correction', 'offset_next_bill', 'refund', 'apology_letter']::text[]
  ),
  status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'completed', 'not_reported')),
  status_document_id entity_id NOT NULL REFERENCES documents (id),
  status_cites text[] NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK ((members_value IS NOT NULL) = (members_status IN ('reported', 'derived'))),
  CHECK (num_nulls(members_label_ja, members_label_en) = CASE WHEN members_status = 'approximate' THEN 0 ELSE 2 END),
  CHECK (num_nulls(members_formula_ja, members_formula_en) = CASE WHEN members_status = 'derived' THEN 0 ELSE 2 END),
  CHECK (num_nulls(members_missing_ja, members_missing_en) = CASE WHEN members_status = 'not_reported' THEN 0 ELSE 2 END),
  CHECK (CASE WHEN amount_status IS NULL
    THEN num_nulls(amount_value, amount_label_ja, amount_label_en, amount_formula_ja, amount_formula_en,
      amount_missing_ja, amount_missing_en, amount_document_id, amount_cites) = 9
    ELSE amount_document_id IS NOT NULL AND amount_cites IS NOT NULL
      AND (amount_value IS NOT NULL) = (amount_status IN ('reported', 'derived'))
      AND num_nulls(amount_label_ja, amount_label_en) = CASE WHEN amount_status = 'approximate' THEN 0 ELSE 2 END
      AND num_nulls(amount_formula_ja, amount_formula_en) = CASE WHEN amount_status = 'derived' THEN 0 ELSE 2 END
      AND num_nulls(amount_missing_ja, amount_missing_en) = CASE WHEN amount_status = 'not_reported' THEN 0 ELSE 2 END
  END)
);
CREATE INDEX cohorts_incident ON cohorts (incident_id);

CREATE TABLE progress_events (
  id entity_id PRIMARY KEY,
  cohort_id entity_id NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  date partial_date NOT NULL,
  day date GENERATED ALWAYS AS (day_of(date)) STORED,
  done_status figure_status NOT NULL,
  done_value bigint CHECK (done_value >= 0),
  done_label_ja i18n_text,
  done_label_en i18n_text,
  done_formula_ja i18n_text,
  done_formula_en i18n_text,
  done_missing_ja i18n_text,
  done_missing_en i18n_text,
  done_document_id entity_id NOT NULL REFERENCES documents (id),
  done_cites text[] NOT NULL,
  note_ja i18n_text,
  note_en i18n_text,
  source_document_id entity_id NOT NULL REFERENCES documents (id),
  source_cites text[] NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (cohort_id, position),
  CHECK ((done_value IS NOT NULL) = (done_status IN ('reported', 'derived'))),
  CHECK (num_nulls(done_label_ja, done_label_en) = CASE WHEN done_status = 'approximate' THEN 0 ELSE 2 END),
  CHECK (num_nulls(done_formula_ja, done_formula_en) = CASE WHEN done_status = 'derived' THEN 0 ELSE 2 END),
  CHECK (num_nulls(done_missing_ja, done_missing_en) = CASE WHEN done_status = 'not_reported' THEN 0 ELSE 2 END),
  CHECK ((note_ja IS NULL) = (note_en IS NULL))
);

CREATE TABLE regulatory_actions (
  id entity_id PRIMARY KEY,
  position integer NOT NULL UNIQUE CHECK (position >= 0),
  vendor_id entity_id NOT NULL REFERENCES vendors (id),
  date date NOT NULL,
  authority_ja i18n_text NOT NULL,
  authority_en i18n_text NOT NULL,
  action_ja i18n_text NOT NULL,
  action_en i18n_text NOT NULL,
  amount_yen bigint CHECK (amount_yen >= 0),
  plan_due_date date,
  source_document_id entity_id NOT NULL REFERENCES documents (id),
  source_cites text[] NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX regulatory_actions_vendor_date ON regulatory_actions (vendor_id, date);
