import type { TQueryable } from "@/server/db/types";
import type { TIncident, TIncidentSummary } from "@/shared/schemas/incident";
import { figure, isoDate, jsonArray, listPage, source, type TPage, text, textOrNull } from "./sql";

/**
 * Per incident: `total` = sum of the exact affected counts when there is at least one entry and every
 * entry is exact, else null; `exact_sum` = sum of the exact ones (0 when none).
 */
export const INCIDENT_AFFECTED_SQL = `
  SELECT i.id AS incident_id,
    CASE WHEN count(a.position) > 0 AND count(a.count_value) = count(a.position)
      THEN sum(a.count_value) END AS total,
    COALESCE(sum(a.count_value), 0) AS exact_sum
  FROM incidents i LEFT JOIN affected_counts a ON a.incident_id = i.id
  GROUP BY i.id`;

const summaryJson = (i: string) => `jsonb_build_object(
  'id', ${i}.id, 'number', ${i}.number, 'title', ${text(i, "title")}, 'category', ${i}.category,
  'status', ${i}.status, 'fiscalYear', ${i}.fiscal_year,
  'vendorIds', ${jsonArray("iv.vendor_id", `incident_vendors iv WHERE iv.incident_id = ${i}.id`, "iv.position")},
  'affectedTotal', (SELECT CASE WHEN count(*) > 0 AND count(a.count_value) = count(*) THEN sum(a.count_value) END
    FROM affected_counts a WHERE a.incident_id = ${i}.id),
  'firstDate', (SELECT min(m.date COLLATE "C") FROM milestones m WHERE m.incident_id = ${i}.id)
)`;

const sourcedTextOrNull = (i: string, name: string) =>
  `CASE WHEN ${i}.${name}_ja IS NULL THEN NULL
    ELSE jsonb_build_object('text', ${text(i, name)}, 'source', ${source(i, name)}) END`;

export const incidentJson = (i: string) => `jsonb_build_object(
  'id', ${i}.id, 'number', ${i}.number, 'title', ${text(i, "title")}, 'category', ${i}.category,
  'status', ${i}.status, 'fiscalYear', ${i}.fiscal_year,
  'vendorIds', ${jsonArray("iv.vendor_id", `incident_vendors iv WHERE iv.incident_id = ${i}.id`, "iv.position")},
  'summary', ${text(i, "summary")},
  'system', ${sourcedTextOrNull(i, "system")},
  'cause', ${sourcedTextOrNull(i, "cause")},
  'scope', ${jsonArray(
    `jsonb_build_object('id', s.id, 'unit', s.unit, 'count', ${figure("s", "count")},
      'note', ${textOrNull("s", "note")}, 'outsideRecord', s.outside_record)`,
    `scope_statements s WHERE s.incident_id = ${i}.id`,
    "s.position",
  )},
  'affected', ${jsonArray(
    `jsonb_build_object('productId', a.product_id, 'count', ${figure("a", "count")})`,
    `affected_counts a WHERE a.incident_id = ${i}.id`,
    "a.position",
  )},
  'dataCategories', ${jsonArray(
    `jsonb_build_object('text', ${text("dc", "text")}, 'source', ${source("dc", "source")})`,
    `data_categories dc WHERE dc.incident_id = ${i}.id`,
    "dc.position",
  )},
  'misuse', jsonb_build_object('status', ${i}.misuse_status, 'asOf', ${isoDate(`${i}.misuse_as_of`)},
    'source', ${source(i, "misuse")}),
  'milestones', ${jsonArray(
    `jsonb_build_object('id', m.id, 'kind', m.kind, 'date', m.date, 'endDate', m.end_date,
      'note', ${textOrNull("m", "note")}, 'source', ${source("m", "source")}, 'outsideRecord', m.outside_record)`,
    `milestones m WHERE m.incident_id = ${i}.id`,
    "m.position",
  )},
  'memberContact', CASE WHEN ${i}.contact_phone IS NULL THEN NULL ELSE jsonb_build_object(
    'name', ${text(i, "contact_name")}, 'phone', ${i}.contact_phone, 'hours', ${text(i, "contact_hours")},
    'source', ${source(i, "contact")}) END,
  'documentIds', ${jsonArray("idoc.document_id", `incident_documents idoc WHERE idoc.incident_id = ${i}.id`, "idoc.position")},
  'version', ${i}.version
)`;

export type TIncidentFilter = {
  vendorId?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  fiscalYear?: number | undefined;
};

export const listIncidents = (db: TQueryable, filter: TIncidentFilter, page: TPage) =>
  listPage<TIncidentSummary>(
    db,
    {
      item: summaryJson("i"),
      from: "incidents i",
      where: `($1::text IS NULL OR EXISTS (
          SELECT 1 FROM incident_vendors iv WHERE iv.incident_id = i.id AND iv.vendor_id = $1))
        AND ($2::text IS NULL OR i.category = $2)
        AND ($3::text IS NULL OR i.status = $3)
        AND ($4::int IS NULL OR i.fiscal_year = $4)`,
      orderBy: "i.position",
      params: [
        filter.vendorId ?? null,
        filter.category ?? null,
        filter.status ?? null,
        filter.fiscalYear ?? null,
      ],
    },
    page,
  );

export const getIncident = async (db: TQueryable, id: string): Promise<TIncident | null> => {
  const rows = await db.query<{ item: TIncident }>(
    `SELECT ${incidentJson("i")} AS item FROM incidents i WHERE i.id = $1`,
    [id],
  );
  return rows[0]?.item ?? null;
};
