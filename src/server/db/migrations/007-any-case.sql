-- Any organisation, any vendor, any case (docs/any-case.md): the record's documents take their new shape.
--   * the organisation gets its legal form, the people it serves (populations) and its vendor kinds;
--   * vendors get a kind from that list and the contractors they work for (none: contracted directly);
--   * products become services (of a kind, serving a population);
--   * each incident belongs to a case (one case per existing incident: grouping them is the board's call),
--     names the chain through which the organisation is exposed and whose data it was, and keeps who or
--     what was affected as one list of impact entries (per service, population and unit): the old scope
--     statements in records are the vendor-wide extent, those in members the whole of the members
--     affected (the per-product counts its parts);
--   * milestones are named by whose act they are; a vendor's notice counts for the organisation's people
--     only once the secretariat says so;
--   * remediation groups count people of a population; progress events can record a status change;
--   * commitments keep the dated history of their workflow; resolutions name their agenda item;
--     documents get an address and the organisation's notice its general kind.

ALTER TABLE record_documents DROP CONSTRAINT record_documents_kind_check;

UPDATE record_documents SET kind = 'service' WHERE kind = 'product';

ALTER TABLE record_documents ADD CONSTRAINT record_documents_kind_check CHECK (kind IN (
  'organisation', 'case', 'vendor', 'service', 'document', 'incident', 'cohort', 'commitment', 'meeting',
  'regulatory_action'
));

UPDATE record_documents SET data = data || jsonb_build_object(
  'legalForm', 'general_incorporated_association',
  'populations', jsonb_build_array(jsonb_build_object(
    'id', 'members', 'name', jsonb_build_object('ja', '会員', 'en', 'members'), 'ofWhom', NULL)),
  'vendorKinds', jsonb_build_array(
    jsonb_build_object('id', 'insurer', 'name', jsonb_build_object('ja', '保険会社', 'en', 'Insurer')),
    jsonb_build_object('id', 'agency', 'name', jsonb_build_object('ja', '保険代理店', 'en', 'Insurance agency')),
    jsonb_build_object('id', 'contractor', 'name', jsonb_build_object('ja', '業務委託先(BPO)', 'en', 'Contractor (BPO)')),
    jsonb_build_object('id', 'printer', 'name', jsonb_build_object('ja', '印刷・発送業者', 'en', 'Printer / mailing house')),
    jsonb_build_object('id', 'call-centre', 'name', jsonb_build_object('ja', 'コールセンター', 'en', 'Call centre')),
    jsonb_build_object('id', 'system-provider', 'name', jsonb_build_object('ja', 'システム・クラウド事業者', 'en', 'System or cloud provider')),
    jsonb_build_object('id', 'other', 'name', jsonb_build_object('ja', 'その他', 'en', 'Other'))),
  'version', version)
WHERE kind = 'organisation';

UPDATE record_documents SET data = (data - 'role' - 'productIds') || jsonb_build_object(
  'kindId', data ->> 'role', 'subcontractorOf', '[]'::jsonb, 'serviceIds', data -> 'productIds')
WHERE kind = 'vendor';

UPDATE record_documents SET data = data || jsonb_build_object('kind', 'insurance_scheme', 'populationId', 'members')
WHERE kind = 'service';

-- One case per incident, numbered as the incidents are, after every other record.
INSERT INTO record_documents (kind, id, position, version, rev, data)
SELECT 'case', 'case-' || i.id, i.position, 1, h.rev,
  jsonb_build_object('id', 'case-' || i.id, 'title', i.data -> 'title', 'summary', NULL,
    'status', i.data ->> 'status', 'version', 1)
FROM record_documents i CROSS JOIN record_head h
WHERE i.kind = 'incident';

UPDATE record_documents SET data = (data - 'scope' - 'affected' - 'memberContact') || jsonb_build_object(
  'caseId', 'case-' || id,
  'chain', CASE WHEN jsonb_array_length(data -> 'vendorIds') > 0
    THEN jsonb_build_array(data -> 'vendorIds' -> 0) ELSE '[]'::jsonb END,
  -- Under the old model every personal-data incident was the vendor's own duty (an insurer's customers).
  'dataRole', CASE WHEN data ->> 'category' = 'unauthorized_access' OR jsonb_array_length(data -> 'dataCategories') > 0
    THEN 'vendor_own' ELSE 'none' END,
  'impact', COALESCE((
    SELECT jsonb_agg(e.item ORDER BY e.rank, e.n) FROM (
      SELECT 0 AS rank, s.n, jsonb_build_object('id', s.v ->> 'id',
        'scope', CASE WHEN s.v ->> 'unit' = 'members' THEN 'ours' ELSE 'vendor_wide' END, 'serviceId', NULL,
        'populationId', CASE WHEN s.v ->> 'unit' = 'members' THEN 'members' END,
        'unit', CASE WHEN s.v ->> 'unit' = 'members' THEN 'people' ELSE 'records' END,
        'count', s.v -> 'count', 'note', s.v -> 'note', 'outsideRecord', s.v -> 'outsideRecord') AS item
      FROM jsonb_array_elements(data -> 'scope') WITH ORDINALITY AS s (v, n)
      UNION ALL
      SELECT 1, a.n, jsonb_build_object('id', 'imp-' || id || '-' || a.n, 'scope', 'ours',
        'serviceId', a.v ->> 'productId',
        'populationId', 'members', 'unit', 'people', 'count', a.v -> 'count', 'note', NULL,
        'outsideRecord', COALESCE((SELECT d.data -> 'outsideRecord' FROM record_documents d
          WHERE d.kind = 'document' AND d.id = a.v -> 'count' -> 'source' ->> 'documentId'), 'false'::jsonb)) AS item
      FROM jsonb_array_elements(data -> 'affected') WITH ORDINALITY AS a (v, n)
    ) e), '[]'::jsonb),
  'milestones', COALESCE((
    SELECT jsonb_agg(m.v || jsonb_build_object('kind', CASE m.v ->> 'kind'
        WHEN 'association_member_notice' THEN 'organisation_notice'
        WHEN 'reported_to_association' THEN 'reported_to_organisation'
        WHEN 'regulator_preliminary_report' THEN 'vendor_regulator_preliminary_report'
        WHEN 'regulator_final_report' THEN 'vendor_regulator_final_report'
        ELSE m.v ->> 'kind' END,
      'coversOurPeople', false) ORDER BY m.n)
    FROM jsonb_array_elements(data -> 'milestones') WITH ORDINALITY AS m (v, n)), '[]'::jsonb),
  'contact', CASE WHEN data -> 'memberContact' = 'null'::jsonb THEN NULL
    ELSE data -> 'memberContact' END)
WHERE kind = 'incident';

UPDATE record_documents SET data = (data - 'members' - 'amountPerMemberYen') || jsonb_build_object(
  'people', data -> 'members', 'amountPerPersonYen', data -> 'amountPerMemberYen', 'populationId', 'members',
  'progress', COALESCE((
    SELECT jsonb_agg(p.v || jsonb_build_object('statusChange', NULL) ORDER BY p.n)
    FROM jsonb_array_elements(data -> 'progress') WITH ORDINALITY AS p (v, n)), '[]'::jsonb))
WHERE kind = 'cohort';

-- The workflow's steps as far as the old fields tell them (a report, then a reopening or a verification).
UPDATE record_documents SET data = data || jsonb_build_object('history', COALESCE((
  SELECT jsonb_agg(st.step ORDER BY st.date, st.rank) FROM (
    SELECT 1 AS rank, data ->> 'reportedDoneDate' AS date, jsonb_build_object('step', 'reported_done',
      'date', data ->> 'reportedDoneDate', 'text', data -> 'evidence') AS step
    WHERE data ->> 'reportedDoneDate' IS NOT NULL
    UNION ALL
    SELECT 2, data ->> 'reopenedDate', jsonb_build_object('step', 'reopened', 'date', data ->> 'reopenedDate',
      'text', data -> 'reopenedReason')
    WHERE data ->> 'reopenedDate' IS NOT NULL
    UNION ALL
    SELECT 3, data ->> 'verifiedDate', jsonb_build_object('step', 'verified', 'date', data ->> 'verifiedDate',
      'text', NULL)
    WHERE data ->> 'verifiedDate' IS NOT NULL
  ) st), '[]'::jsonb))
WHERE kind = 'commitment';

UPDATE record_documents SET data = data || jsonb_build_object('resolutions', COALESCE((
  SELECT jsonb_agg(r.v || jsonb_build_object('itemId', NULL) ORDER BY r.n)
  FROM jsonb_array_elements(data -> 'resolutions') WITH ORDINALITY AS r (v, n)), '[]'::jsonb))
WHERE kind = 'meeting';

UPDATE record_documents SET data = data || jsonb_build_object('url', NULL,
  'kind', CASE WHEN data ->> 'kind' = 'association_notice' THEN 'organisation_notice' ELSE data ->> 'kind' END)
WHERE kind = 'document';

-- Every reader reads the record again.
UPDATE record_head SET rev = rev + 1 WHERE rev > 0;
UPDATE record_documents SET rev = (SELECT rev FROM record_head);
