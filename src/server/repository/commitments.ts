import type { TQueryable } from "@/server/db/types";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import { isoDate, jsonArray, listPage, OPEN_ISH_SQL, source, type TPage, text, textOrNull } from "./sql";

/** Overdue as of `asOf` (an SQL date expression): a due date passed while the work is still open-ish. */
export const overdueSql = (c: string, asOf: string) =>
  `(${c}.due_date IS NOT NULL AND ${c}.due_date < ${asOf} AND ${c}.status IN ${OPEN_ISH_SQL})`;

export const commitmentJson = (c: string, asOf: string) => `jsonb_build_object(
  'id', ${c}.id, 'kind', ${c}.kind, 'text', ${text(c, "text")}, 'quote', ${c}.quote,
  'owedByIds', ${jsonArray("co.vendor_id", `commitment_owers co WHERE co.commitment_id = ${c}.id`, "co.position")},
  'incidentIds', ${jsonArray("ci.incident_id", `commitment_incidents ci WHERE ci.commitment_id = ${c}.id`, "ci.position")},
  'madeInDocumentId', ${c}.made_in_document_id, 'madeAtMeetingId', ${c}.made_at_meeting_id,
  'madeOn', ${c}.made_on, 'dueDate', ${isoDate(`${c}.due_date`)},
  'reportedDoneDate', ${isoDate(`${c}.reported_done_date`)}, 'verifiedDate', ${isoDate(`${c}.verified_date`)},
  'evidence', ${textOrNull(c, "evidence")}, 'status', ${c}.status, 'source', ${source(c, "source")},
  'reopenedDate', ${isoDate(`${c}.reopened_date`)}, 'reopenedReason', ${textOrNull(c, "reopened_reason")},
  'overdue', ${overdueSql(c, asOf)}, 'version', ${c}.version
)`;

export type TCommitmentFilter = {
  vendorId?: string | undefined;
  incidentId?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  dueBefore?: string | undefined;
  overdue?: "true" | "false" | undefined;
};

export const listCommitments = (db: TQueryable, filter: TCommitmentFilter, asOf: string, page: TPage) =>
  listPage<TCommitmentView>(
    db,
    {
      item: commitmentJson("c", "$1::date"),
      from: "commitments c",
      where: `($2::text IS NULL OR EXISTS (
          SELECT 1 FROM commitment_owers co WHERE co.commitment_id = c.id AND co.vendor_id = $2))
        AND ($3::text IS NULL OR EXISTS (
          SELECT 1 FROM commitment_incidents ci WHERE ci.commitment_id = c.id AND ci.incident_id = $3))
        AND ($4::text IS NULL OR c.kind = $4)
        AND ($5::text IS NULL OR c.status = $5)
        AND ($6::date IS NULL OR (c.due_date IS NOT NULL AND c.due_date < $6::date))
        AND ($7::boolean IS NULL OR ${overdueSql("c", "$1::date")} = $7)`,
      orderBy: "c.position",
      params: [
        asOf,
        filter.vendorId ?? null,
        filter.incidentId ?? null,
        filter.kind ?? null,
        filter.status ?? null,
        filter.dueBefore ?? null,
        filter.overdue === undefined ? null : filter.overdue === "true",
      ],
    },
    page,
  );

export const getCommitment = async (
  db: TQueryable,
  id: string,
  asOf: string,
): Promise<TCommitmentView | null> => {
  const rows = await db.query<{ item: TCommitmentView }>(
    `SELECT ${commitmentJson("c", "$2::date")} AS item FROM commitments c WHERE c.id = $1`,
    [id, asOf],
  );
  return rows[0]?.item ?? null;
};
