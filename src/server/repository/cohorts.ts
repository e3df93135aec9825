import type { TQueryable } from "@/server/db/types";
import type { TCohort } from "@/shared/schemas/cohort";
import { figure, jsonArray, listPage, source, type TPage, text, textOrNull } from "./sql";

export const cohortJson = (c: string) => `jsonb_build_object(
  'id', ${c}.id, 'incidentId', ${c}.incident_id, 'parentId', ${c}.parent_id, 'label', ${text(c, "label")},
  'purpose', ${c}.purpose, 'members', ${figure(c, "members")}, 'amountPerMemberYen', ${figure(c, "amount")},
  'methods', to_jsonb(${c}.methods), 'status', ${c}.status, 'statusSource', ${source(c, "status")},
  'progress', ${jsonArray(
    `jsonb_build_object('id', e.id, 'cohortId', e.cohort_id, 'date', e.date, 'doneCount', ${figure("e", "done")},
      'note', ${textOrNull("e", "note")}, 'source', ${source("e", "source")})`,
    `progress_events e WHERE e.cohort_id = ${c}.id`,
    "e.position",
  )},
  'version', ${c}.version
)`;

/** Cohorts are listed by incident number, then position. */
export const listCohorts = (
  db: TQueryable,
  filter: { incidentId?: string | undefined; status?: string | undefined },
  page: TPage,
) =>
  listPage<TCohort>(
    db,
    {
      item: cohortJson("c"),
      from: "cohorts c JOIN incidents i ON i.id = c.incident_id",
      where: "($1::text IS NULL OR c.incident_id = $1) AND ($2::text IS NULL OR c.status = $2)",
      orderBy: "i.number, c.position",
      params: [filter.incidentId ?? null, filter.status ?? null],
    },
    page,
  );

export const getCohort = async (db: TQueryable, id: string): Promise<TCohort | null> => {
  const rows = await db.query<{ item: TCohort }>(
    `SELECT ${cohortJson("c")} AS item FROM cohorts c WHERE c.id = $1`,
    [id],
  );
  return rows[0]?.item ?? null;
};
