import type { TQueryable } from "@/server/db/types";
import type { TMeeting } from "@/shared/schemas/meeting";
import { figure, isoDate, jsonArray, listPage, source, type TPage, text, textOrNull } from "./sql";

export const meetingJson = (m: string) => `jsonb_build_object(
  'id', ${m}.id, 'fiscalYear', ${m}.fiscal_year, 'number', ${m}.number, 'kind', ${m}.kind,
  'title', ${text(m, "title")}, 'date', ${isoDate(`${m}.date`)},
  'items', ${jsonArray(
    `jsonb_build_object('id', mi.id, 'title', ${text("mi", "title")}, 'incidentIds', to_jsonb(mi.incident_ids),
      'documentIds', to_jsonb(mi.document_ids), 'presentedByIds', to_jsonb(mi.presented_by_ids),
      'note', ${textOrNull("mi", "note")})`,
    `meeting_items mi WHERE mi.meeting_id = ${m}.id`,
    "mi.position",
  )},
  'vendorAttendees', ${jsonArray(
    `jsonb_build_object('vendorId', ma.vendor_id, 'people', ${figure("ma", "people")},
      'role', ${textOrNull("ma", "role")})`,
    `meeting_attendees ma WHERE ma.meeting_id = ${m}.id`,
    "ma.position",
  )},
  'resolutions', ${jsonArray(
    `jsonb_build_object('id', r.id, 'kind', r.kind, 'text', ${text("r", "text")}, 'quote', r.quote,
      'targetVendorIds', to_jsonb(r.target_vendor_ids), 'commitmentIds', to_jsonb(r.commitment_ids),
      'note', ${textOrNull("r", "note")}, 'source', ${source("r", "source")})`,
    `resolutions r WHERE r.meeting_id = ${m}.id`,
    "r.position",
  )},
  'source', ${source(m, "source")},
  'closed', CASE WHEN ${m}.closed_at IS NULL THEN NULL ELSE jsonb_build_object(
    'at', to_char(${m}.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'byName', ${m}.closed_by_name) END,
  'version', ${m}.version
)`;

/** Meetings: newest first, then id. */
export const listMeetings = (db: TQueryable, filter: { fiscalYear?: number | undefined }, page: TPage) =>
  listPage<TMeeting>(
    db,
    {
      item: meetingJson("m"),
      from: "meetings m",
      where: "($1::int IS NULL OR m.fiscal_year = $1)",
      orderBy: 'm.date DESC, m.id COLLATE "C"',
      params: [filter.fiscalYear ?? null],
    },
    page,
  );

export const getMeeting = async (db: TQueryable, id: string): Promise<TMeeting | null> => {
  const rows = await db.query<{ item: TMeeting }>(
    `SELECT ${meetingJson("m")} AS item FROM meetings m WHERE m.id = $1`,
    [id],
  );
  return rows[0]?.item ?? null;
};
