import type { TQueryable } from "@/server/db/types";
import type { TOrganisation } from "@/shared/schemas/organisation";
import { text } from "./sql";

export const getOrganisation = async (db: TQueryable): Promise<TOrganisation | null> => {
  const rows = await db.query<{ item: TOrganisation }>(
    `SELECT jsonb_build_object(
       'id', o.id, 'name', ${text("o", "name")}, 'shortName', ${text("o", "short_name")},
       'boardName', ${text("o", "board_name")}, 'fiscalYearStartMonth', o.fiscal_year_start_month
     ) AS item
     FROM organisation o`,
  );
  return rows[0]?.item ?? null;
};
