import { z } from "zod";
import { firstRow } from "@/server/db/rows";
import type { TQueryable } from "@/server/db/types";
import { type TSettings, ZSettings } from "@/shared/schemas/settings";

const ZSettingsRow = z.object({
  day_counting: ZSettings.shape.dayCounting,
  version: z.coerce.number().int(),
});

/** The one settings row (migration 003 inserts it). */
export const getSettings = async (db: TQueryable, lock = false): Promise<TSettings> => {
  const row = await firstRow(
    db,
    ZSettingsRow,
    `SELECT day_counting, version FROM settings${lock ? " FOR UPDATE" : ""}`,
  );
  if (!row) throw new Error("the settings row is missing (migration 003 inserts it)");
  return { dayCounting: row.day_counting, version: row.version };
};

export const writeSettings = async (db: TQueryable, settings: TSettings) => {
  await db.query("UPDATE settings SET day_counting = $1, version = $2", [
    settings.dayCounting,
    settings.version,
  ]);
};
