import type { TQueryable } from "@/server/db/types";
import type { TCitation, TDocumentDetail, TSourceDocument } from "@/shared/schemas/document";
import { jsonArray, listPage, type TPage, text, textOrNull } from "./sql";

export const documentJson = (d: string) => `jsonb_build_object(
  'id', ${d}.id, 'label', ${text(d, "label")}, 'title', ${text(d, "title")}, 'kind', ${d}.kind,
  'issuerIds', to_jsonb(${d}.issuer_ids), 'publisher', ${textOrNull(d, "publisher")}, 'date', ${d}.date,
  'outsideRecord', ${d}.outside_record,
  'statements', ${jsonArray(text("ds", "text"), `document_statements ds WHERE ds.document_id = ${d}.id`, "ds.position")},
  'version', ${d}.version
)`;

export const listDocuments = (
  db: TQueryable,
  filter: { kind?: string | undefined; outsideRecord?: "true" | "false" | undefined },
  page: TPage,
) =>
  listPage<TSourceDocument>(
    db,
    {
      item: documentJson("d"),
      from: "documents d",
      where: "($1::text IS NULL OR d.kind = $1) AND ($2::boolean IS NULL OR d.outside_record = $2)",
      orderBy: "d.position",
      params: [
        filter.kind ?? null,
        filter.outsideRecord === undefined ? null : filter.outsideRecord === "true",
      ],
    },
    page,
  );

/** "Cites": the source names the document, or lists it among what it relies on. */
const cites = (a: string, name: string) => `(${a}.${name}_document_id = $1 OR $1 = ANY(${a}.${name}_cites))`;

/*
 * Every record citing document $1, grouped by citation kind (ZCitationKind order), then incident number
 * where there is one, then position (docs/api-semantics.md "Document detail: citedBy").
 */
const CITED_BY_SQL = `
  SELECT kind, id, parent_id, label_ja, label_en FROM (
    SELECT 1 AS k, i.number AS n, i.position AS p1, 0 AS p2, 'incident' AS kind, i.id::text AS id,
      NULL::text AS parent_id, i.title_ja::text AS label_ja, i.title_en::text AS label_en
    FROM incidents i
    WHERE EXISTS (SELECT 1 FROM incident_documents x WHERE x.incident_id = i.id AND x.document_id = $1)
    UNION ALL
    SELECT 2, i.number, m.position, 0, 'milestone', m.id, i.id,
      COALESCE(m.note_ja, i.title_ja), COALESCE(m.note_en, i.title_en)
    FROM milestones m JOIN incidents i ON i.id = m.incident_id
    WHERE ${cites("m", "source")}
    UNION ALL
    SELECT 3, i.number, c.position, 0, 'cohort', c.id, c.incident_id, c.label_ja, c.label_en
    FROM cohorts c JOIN incidents i ON i.id = c.incident_id
    WHERE ${cites("c", "status")} OR ${cites("c", "members")}
    UNION ALL
    SELECT 4, i.number, c.position, e.position, 'progress', e.id, c.incident_id,
      COALESCE(e.note_ja, c.label_ja), COALESCE(e.note_en, c.label_en)
    FROM progress_events e JOIN cohorts c ON c.id = e.cohort_id JOIN incidents i ON i.id = c.incident_id
    WHERE ${cites("e", "source")}
    UNION ALL
    SELECT 5, 0, c.position, 0, 'commitment', c.id, NULL, c.text_ja, c.text_en
    FROM commitments c
    WHERE ${cites("c", "source")} OR c.made_in_document_id = $1
    UNION ALL
    SELECT 6, 0, m.position, 0, 'meeting', m.id, NULL, m.title_ja, m.title_en
    FROM meetings m
    WHERE ${cites("m", "source")}
      OR EXISTS (SELECT 1 FROM meeting_items mi WHERE mi.meeting_id = m.id AND $1 = ANY(mi.document_ids))
    UNION ALL
    SELECT 7, 0, r.position, 0, 'regulatory_action', r.id, r.vendor_id, r.action_ja, r.action_en
    FROM regulatory_actions r
    WHERE ${cites("r", "source")}
  ) cited
  ORDER BY k, n, p1, p2`;

export const getDocument = async (db: TQueryable, id: string): Promise<TDocumentDetail | null> => {
  const [docs, cited] = await Promise.all([
    db.query<{ item: TSourceDocument }>(
      `SELECT ${documentJson("d")} AS item FROM documents d WHERE d.id = $1`,
      [id],
    ),
    db.query<{
      kind: TCitation["kind"];
      id: string;
      parent_id: string | null;
      label_ja: string;
      label_en: string;
    }>(CITED_BY_SQL, [id]),
  ]);
  const doc = docs[0]?.item;
  if (!doc) return null;
  return {
    ...doc,
    citedBy: cited.map((row) => ({
      kind: row.kind,
      id: row.id,
      parentId: row.parent_id,
      label: { ja: row.label_ja, en: row.label_en },
    })),
  };
};
