-- The record as documents: one row per record (an incident with its milestones and scope, a cohort with its
-- progress, a meeting with its items…), its JSON exactly as the contract's zod schema has it. Every figure is
-- computed from these records by the shared functions of src/shared (the server and the mocks call the same
-- code), so the relational split of 001 no longer earns its keep: each new field of the record cost a column
-- set, a writer, a JSON builder and an SQL aggregate, written twice. The schema is checked by zod on every
-- write (the request) and every read (each row parsed at the repository boundary).
--
-- `rev` orders the writes: record_head.rev is the revision of the last committed write, and each row keeps
-- the revision that last wrote it, so a server that holds the record in memory at revision r brings itself
-- up to date by reading only the rows with rev > r (src/server/db/record-store.ts).

CREATE TABLE record_documents (
  kind text COLLATE "C" NOT NULL CHECK (kind IN (
    'organisation', 'vendor', 'product', 'document', 'incident', 'cohort', 'commitment', 'meeting',
    'regulatory_action'
  )),
  id entity_id NOT NULL,
  -- Order within its kind (records are listed in the order they were added).
  position integer NOT NULL CHECK (position >= 0),
  version integer NOT NULL CHECK (version >= 1),
  rev bigint NOT NULL CHECK (rev >= 1),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data ->> 'id' = id),
  PRIMARY KEY (kind, id),
  UNIQUE (kind, position)
);
CREATE INDEX record_documents_rev ON record_documents (rev);

CREATE TABLE record_head (
  singleton boolean NOT NULL DEFAULT true PRIMARY KEY CHECK (singleton),
  rev bigint NOT NULL CHECK (rev >= 0)
);

-- The record as 001–005 stored it, converted once (the JSON builders of the relational repository, frozen).
INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'vendor', v.id, v.position, v.version, 1, jsonb_build_object(
  'id', v.id, 'name', jsonb_build_object('ja', v.name_ja, 'en', v.name_en), 'shortName', jsonb_build_object('ja', v.short_name_ja, 'en', v.short_name_en), 'role', v.role,
  'productIds', COALESCE((SELECT jsonb_agg(vp.product_id ORDER BY vp.position) FROM vendor_products vp WHERE vp.vendor_id = v.id), '[]'::jsonb),
  'version', v.version
)
FROM vendors v;

INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'product', p.id, p.position, p.version, 1, jsonb_build_object(
  'id', p.id, 'name', jsonb_build_object('ja', p.name_ja, 'en', p.name_en),
  'vendorIds', COALESCE((SELECT jsonb_agg(pv.vendor_id ORDER BY pv.position) FROM product_vendors pv WHERE pv.product_id = p.id), '[]'::jsonb),
  'changes', COALESCE((SELECT jsonb_agg(jsonb_build_object('effective', pc.effective, 'description', jsonb_build_object('ja', pc.description_ja, 'en', pc.description_en),
      'source', jsonb_build_object('documentId', pc.source_document_id, 'cites', to_jsonb(pc.source_cites))) ORDER BY pc.position) FROM product_changes pc WHERE pc.product_id = p.id), '[]'::jsonb),
  'version', p.version
)
FROM products p;

INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'document', d.id, d.position, d.version, 1, jsonb_build_object(
  'id', d.id, 'label', jsonb_build_object('ja', d.label_ja, 'en', d.label_en), 'title', jsonb_build_object('ja', d.title_ja, 'en', d.title_en), 'kind', d.kind,
  'issuerIds', to_jsonb(d.issuer_ids), 'publisher', CASE WHEN d.publisher_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', d.publisher_ja, 'en', d.publisher_en) END, 'date', d.date,
  'outsideRecord', d.outside_record,
  'statements', COALESCE((SELECT jsonb_agg(jsonb_build_object('ja', ds.text_ja, 'en', ds.text_en) ORDER BY ds.position) FROM document_statements ds WHERE ds.document_id = d.id), '[]'::jsonb),
  'version', d.version
)
FROM documents d;

INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'incident', i.id, i.position, i.version, 1, jsonb_build_object(
  'id', i.id, 'number', i.number, 'title', jsonb_build_object('ja', i.title_ja, 'en', i.title_en), 'category', i.category,
  'status', i.status, 'fiscalYear', i.fiscal_year,
  'vendorIds', COALESCE((SELECT jsonb_agg(iv.vendor_id ORDER BY iv.position) FROM incident_vendors iv WHERE iv.incident_id = i.id), '[]'::jsonb),
  'summary', jsonb_build_object('ja', i.summary_ja, 'en', i.summary_en),
  'system', CASE WHEN i.system_ja IS NULL THEN NULL
    ELSE jsonb_build_object('text', jsonb_build_object('ja', i.system_ja, 'en', i.system_en), 'source', jsonb_build_object('documentId', i.system_document_id, 'cites', to_jsonb(i.system_cites))) END,
  'cause', CASE WHEN i.cause_ja IS NULL THEN NULL
    ELSE jsonb_build_object('text', jsonb_build_object('ja', i.cause_ja, 'en', i.cause_en), 'source', jsonb_build_object('documentId', i.cause_document_id, 'cites', to_jsonb(i.cause_cites))) END,
  'scope', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'unit', s.unit, 'count', CASE s.count_status
    WHEN 'reported' THEN jsonb_build_object('status', 'reported', 'value', s.count_value, 'source', jsonb_build_object('documentId', s.count_document_id, 'cites', to_jsonb(s.count_cites)))
    WHEN 'derived' THEN jsonb_build_object('status', 'derived', 'value', s.count_value,
      'formula', jsonb_build_object('ja', s.count_formula_ja, 'en', s.count_formula_en), 'source', jsonb_build_object('documentId', s.count_document_id, 'cites', to_jsonb(s.count_cites)))
    WHEN 'approximate' THEN jsonb_build_object('status', 'approximate',
      'label', jsonb_build_object('ja', s.count_label_ja, 'en', s.count_label_en), 'source', jsonb_build_object('documentId', s.count_document_id, 'cites', to_jsonb(s.count_cites)))
    WHEN 'not_reported' THEN jsonb_build_object('status', 'not_reported',
      'missing', jsonb_build_object('ja', s.count_missing_ja, 'en', s.count_missing_en), 'source', jsonb_build_object('documentId', s.count_document_id, 'cites', to_jsonb(s.count_cites)))
  END,
      'note', CASE WHEN s.note_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', s.note_ja, 'en', s.note_en) END, 'outsideRecord', s.outside_record) ORDER BY s.position) FROM scope_statements s WHERE s.incident_id = i.id), '[]'::jsonb),
  'affected', COALESCE((SELECT jsonb_agg(jsonb_build_object('productId', a.product_id, 'count', CASE a.count_status
    WHEN 'reported' THEN jsonb_build_object('status', 'reported', 'value', a.count_value, 'source', jsonb_build_object('documentId', a.count_document_id, 'cites', to_jsonb(a.count_cites)))
    WHEN 'derived' THEN jsonb_build_object('status', 'derived', 'value', a.count_value,
      'formula', jsonb_build_object('ja', a.count_formula_ja, 'en', a.count_formula_en), 'source', jsonb_build_object('documentId', a.count_document_id, 'cites', to_jsonb(a.count_cites)))
    WHEN 'approximate' THEN jsonb_build_object('status', 'approximate',
      'label', jsonb_build_object('ja', a.count_label_ja, 'en', a.count_label_en), 'source', jsonb_build_object('documentId', a.count_document_id, 'cites', to_jsonb(a.count_cites)))
    WHEN 'not_reported' THEN jsonb_build_object('status', 'not_reported',
      'missing', jsonb_build_object('ja', a.count_missing_ja, 'en', a.count_missing_en), 'source', jsonb_build_object('documentId', a.count_document_id, 'cites', to_jsonb(a.count_cites)))
  END) ORDER BY a.position) FROM affected_counts a WHERE a.incident_id = i.id), '[]'::jsonb),
  'dataCategories', COALESCE((SELECT jsonb_agg(jsonb_build_object('text', jsonb_build_object('ja', dc.text_ja, 'en', dc.text_en), 'source', jsonb_build_object('documentId', dc.source_document_id, 'cites', to_jsonb(dc.source_cites))) ORDER BY dc.position) FROM data_categories dc WHERE dc.incident_id = i.id), '[]'::jsonb),
  'misuse', jsonb_build_object('status', i.misuse_status, 'asOf', to_char(i.misuse_as_of, 'YYYY-MM-DD'),
    'source', jsonb_build_object('documentId', i.misuse_document_id, 'cites', to_jsonb(i.misuse_cites))),
  'milestones', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', m.id, 'kind', m.kind, 'date', m.date, 'endDate', m.end_date,
      'note', CASE WHEN m.note_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', m.note_ja, 'en', m.note_en) END, 'source', jsonb_build_object('documentId', m.source_document_id, 'cites', to_jsonb(m.source_cites)), 'outsideRecord', m.outside_record) ORDER BY m.position) FROM milestones m WHERE m.incident_id = i.id), '[]'::jsonb),
  'memberContact', CASE WHEN i.contact_phone IS NULL THEN NULL ELSE jsonb_build_object(
    'name', jsonb_build_object('ja', i.contact_name_ja, 'en', i.contact_name_en), 'phone', i.contact_phone, 'hours', jsonb_build_object('ja', i.contact_hours_ja, 'en', i.contact_hours_en),
    'source', jsonb_build_object('documentId', i.contact_document_id, 'cites', to_jsonb(i.contact_cites))) END,
  'documentIds', COALESCE((SELECT jsonb_agg(idoc.document_id ORDER BY idoc.position) FROM incident_documents idoc WHERE idoc.incident_id = i.id), '[]'::jsonb),
  'version', i.version
)
FROM incidents i;

INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'cohort', c.id, c.position, c.version, 1, jsonb_build_object(
  'id', c.id, 'incidentId', c.incident_id, 'parentId', c.parent_id, 'label', jsonb_build_object('ja', c.label_ja, 'en', c.label_en),
  'purpose', c.purpose, 'members', CASE c.members_status
    WHEN 'reported' THEN jsonb_build_object('status', 'reported', 'value', c.members_value, 'source', jsonb_build_object('documentId', c.members_document_id, 'cites', to_jsonb(c.members_cites)))
    WHEN 'derived' THEN jsonb_build_object('status', 'derived', 'value', c.members_value,
      'formula', jsonb_build_object('ja', c.members_formula_ja, 'en', c.members_formula_en), 'source', jsonb_build_object('documentId', c.members_document_id, 'cites', to_jsonb(c.members_cites)))
    WHEN 'approximate' THEN jsonb_build_object('status', 'approximate',
      'label', jsonb_build_object('ja', c.members_label_ja, 'en', c.members_label_en), 'source', jsonb_build_object('documentId', c.members_document_id, 'cites', to_jsonb(c.members_cites)))
    WHEN 'not_reported' THEN jsonb_build_object('status', 'not_reported',
      'missing', jsonb_build_object('ja', c.members_missing_ja, 'en', c.members_missing_en), 'source', jsonb_build_object('documentId', c.members_document_id, 'cites', to_jsonb(c.members_cites)))
  END, 'amountPerMemberYen', CASE c.amount_status
    WHEN 'reported' THEN jsonb_build_object('status', 'reported', 'value', c.amount_value, 'source', jsonb_build_object('documentId', c.amount_document_id, 'cites', to_jsonb(c.amount_cites)))
    WHEN 'derived' THEN jsonb_build_object('status', 'derived', 'value', c.amount_value,
      'formula', jsonb_build_object('ja', c.amount_formula_ja, 'en', c.amount_formula_en), 'source', jsonb_build_object('documentId', c.amount_document_id, 'cites', to_jsonb(c.amount_cites)))
    WHEN 'approximate' THEN jsonb_build_object('status', 'approximate',
      'label', jsonb_build_object('ja', c.amount_label_ja, 'en', c.amount_label_en), 'source', jsonb_build_object('documentId', c.amount_document_id, 'cites', to_jsonb(c.amount_cites)))
    WHEN 'not_reported' THEN jsonb_build_object('status', 'not_reported',
      'missing', jsonb_build_object('ja', c.amount_missing_ja, 'en', c.amount_missing_en), 'source', jsonb_build_object('documentId', c.amount_document_id, 'cites', to_jsonb(c.amount_cites)))
  END,
  'methods', to_jsonb(c.methods), 'status', c.status, 'statusSource', jsonb_build_object('documentId', c.status_document_id, 'cites', to_jsonb(c.status_cites)),
  'progress', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', e.id, 'cohortId', e.cohort_id, 'date', e.date, 'doneCount', CASE e.done_status
    WHEN 'reported' THEN jsonb_build_object('status', 'reported', 'value', e.done_value, 'source', jsonb_build_object('documentId', e.done_document_id, 'cites', to_jsonb(e.done_cites)))
    WHEN 'derived' THEN jsonb_build_object('status', 'derived', 'value', e.done_value,
      'formula', jsonb_build_object('ja', e.done_formula_ja, 'en', e.done_formula_en), 'source', jsonb_build_object('documentId', e.done_document_id, 'cites', to_jsonb(e.done_cites)))
    WHEN 'approximate' THEN jsonb_build_object('status', 'approximate',
      'label', jsonb_build_object('ja', e.done_label_ja, 'en', e.done_label_en), 'source', jsonb_build_object('documentId', e.done_document_id, 'cites', to_jsonb(e.done_cites)))
    WHEN 'not_reported' THEN jsonb_build_object('status', 'not_reported',
      'missing', jsonb_build_object('ja', e.done_missing_ja, 'en', e.done_missing_en), 'source', jsonb_build_object('documentId', e.done_document_id, 'cites', to_jsonb(e.done_cites)))
  END,
      'note', CASE WHEN e.note_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', e.note_ja, 'en', e.note_en) END, 'source', jsonb_build_object('documentId', e.source_document_id, 'cites', to_jsonb(e.source_cites))) ORDER BY e.position) FROM progress_events e WHERE e.cohort_id = c.id), '[]'::jsonb),
  'version', c.version
)
FROM cohorts c;

INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'commitment', c.id, c.position, c.version, 1, jsonb_build_object(
  'id', c.id, 'kind', c.kind, 'text', jsonb_build_object('ja', c.text_ja, 'en', c.text_en), 'quote', c.quote,
  'owedByIds', COALESCE((SELECT jsonb_agg(co.vendor_id ORDER BY co.position) FROM commitment_owers co WHERE co.commitment_id = c.id), '[]'::jsonb),
  'incidentIds', COALESCE((SELECT jsonb_agg(ci.incident_id ORDER BY ci.position) FROM commitment_incidents ci WHERE ci.commitment_id = c.id), '[]'::jsonb),
  'madeInDocumentId', c.made_in_document_id, 'madeAtMeetingId', c.made_at_meeting_id,
  'madeOn', c.made_on, 'dueDate', to_char(c.due_date, 'YYYY-MM-DD'),
  'reportedDoneDate', to_char(c.reported_done_date, 'YYYY-MM-DD'), 'verifiedDate', to_char(c.verified_date, 'YYYY-MM-DD'),
  'evidence', CASE WHEN c.evidence_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', c.evidence_ja, 'en', c.evidence_en) END, 'status', c.status, 'source', jsonb_build_object('documentId', c.source_document_id, 'cites', to_jsonb(c.source_cites)),
  'reopenedDate', to_char(c.reopened_date, 'YYYY-MM-DD'), 'reopenedReason', CASE WHEN c.reopened_reason_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', c.reopened_reason_ja, 'en', c.reopened_reason_en) END,
  'overdue', (c.due_date IS NOT NULL AND c.due_date < current_date AND c.status IN ('open', 'in_progress', 'reopened')), 'version', c.version
) - 'overdue'
FROM commitments c;

INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'meeting', m.id, m.position, m.version, 1, jsonb_build_object(
  'id', m.id, 'fiscalYear', m.fiscal_year, 'number', m.number, 'kind', m.kind,
  'title', jsonb_build_object('ja', m.title_ja, 'en', m.title_en), 'date', to_char(m.date, 'YYYY-MM-DD'),
  'items', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', mi.id, 'title', jsonb_build_object('ja', mi.title_ja, 'en', mi.title_en), 'incidentIds', to_jsonb(mi.incident_ids),
      'documentIds', to_jsonb(mi.document_ids), 'presentedByIds', to_jsonb(mi.presented_by_ids),
      'note', CASE WHEN mi.note_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', mi.note_ja, 'en', mi.note_en) END) ORDER BY mi.position) FROM meeting_items mi WHERE mi.meeting_id = m.id), '[]'::jsonb),
  'vendorAttendees', COALESCE((SELECT jsonb_agg(jsonb_build_object('vendorId', ma.vendor_id, 'people', CASE ma.people_status
    WHEN 'reported' THEN jsonb_build_object('status', 'reported', 'value', ma.people_value, 'source', jsonb_build_object('documentId', ma.people_document_id, 'cites', to_jsonb(ma.people_cites)))
    WHEN 'derived' THEN jsonb_build_object('status', 'derived', 'value', ma.people_value,
      'formula', jsonb_build_object('ja', ma.people_formula_ja, 'en', ma.people_formula_en), 'source', jsonb_build_object('documentId', ma.people_document_id, 'cites', to_jsonb(ma.people_cites)))
    WHEN 'approximate' THEN jsonb_build_object('status', 'approximate',
      'label', jsonb_build_object('ja', ma.people_label_ja, 'en', ma.people_label_en), 'source', jsonb_build_object('documentId', ma.people_document_id, 'cites', to_jsonb(ma.people_cites)))
    WHEN 'not_reported' THEN jsonb_build_object('status', 'not_reported',
      'missing', jsonb_build_object('ja', ma.people_missing_ja, 'en', ma.people_missing_en), 'source', jsonb_build_object('documentId', ma.people_document_id, 'cites', to_jsonb(ma.people_cites)))
  END,
      'role', CASE WHEN ma.role_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', ma.role_ja, 'en', ma.role_en) END) ORDER BY ma.position) FROM meeting_attendees ma WHERE ma.meeting_id = m.id), '[]'::jsonb),
  'resolutions', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'kind', r.kind, 'text', jsonb_build_object('ja', r.text_ja, 'en', r.text_en), 'quote', r.quote,
      'targetVendorIds', to_jsonb(r.target_vendor_ids), 'commitmentIds', to_jsonb(r.commitment_ids),
      'note', CASE WHEN r.note_ja IS NULL THEN NULL ELSE jsonb_build_object('ja', r.note_ja, 'en', r.note_en) END, 'source', jsonb_build_object('documentId', r.source_document_id, 'cites', to_jsonb(r.source_cites))) ORDER BY r.position) FROM resolutions r WHERE r.meeting_id = m.id), '[]'::jsonb),
  'source', jsonb_build_object('documentId', m.source_document_id, 'cites', to_jsonb(m.source_cites)),
  'closed', CASE WHEN m.closed_at IS NULL THEN NULL ELSE jsonb_build_object(
    'at', to_char(m.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'byName', m.closed_by_name) END,
  'version', m.version
)
FROM meetings m;

INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'regulatory_action', r.id, r.position, 1, 1, jsonb_build_object(
  'id', r.id, 'vendorId', r.vendor_id, 'date', to_char(r.date, 'YYYY-MM-DD'),
  'authority', jsonb_build_object('ja', r.authority_ja, 'en', r.authority_en), 'action', jsonb_build_object('ja', r.action_ja, 'en', r.action_en), 'amountYen', r.amount_yen,
  'planDueDate', to_char(r.plan_due_date, 'YYYY-MM-DD'), 'source', jsonb_build_object('documentId', r.source_document_id, 'cites', to_jsonb(r.source_cites))
)
FROM regulatory_actions r;

INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'organisation', o.id, 0, o.version, 1, jsonb_build_object('id', o.id, 'name', jsonb_build_object('ja', o.name_ja, 'en', o.name_en), 'shortName', jsonb_build_object('ja', o.short_name_ja, 'en', o.short_name_en), 'boardName', jsonb_build_object('ja', o.board_name_ja, 'en', o.board_name_en), 'fiscalYearStartMonth', o.fiscal_year_start_month)
FROM organisation o;

INSERT INTO record_head (rev)
SELECT CASE WHEN EXISTS (SELECT 1 FROM record_documents) THEN 1 ELSE 0 END;

ALTER TABLE meeting_snapshots DROP CONSTRAINT meeting_snapshots_meeting_id_fkey;

DROP TABLE regulatory_actions, progress_events, cohorts, resolutions, commitment_incidents, commitment_owers,
  commitments, meeting_attendees, meeting_items, meetings, milestones, data_categories, affected_counts,
  scope_statements, incident_documents, incident_vendors, incidents, product_changes, product_vendors,
  vendor_products, products, vendors, document_statements, documents, organisation;
DROP FUNCTION day_of(text);
