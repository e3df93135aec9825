import type { TQueryable } from "@/server/db/types";
import type { TSettings } from "@/shared/schemas/settings";

/** The one settings row (migration 003 inserts it). */
export const getSettings = async (db: TQueryable, lock = false): Promise<TSettings> => {
  const rows = await db.query<{ day_counting: TSettings["dayCounting"]; version: number }>(
    `SELECT day_counting, version FROM settings${lock ? " FOR UPDATE" : ""}`,
  );
  const row = rows[0];
  if (!row) throw new Error("the settings row is missing (migration 003 inserts it)");
  return { dayCounting: row.day_counting, version: row.version };
};

export const writeSettings = async (db: TQueryable, settings: TSettings) => {
  await db.query("UPDATE settings SET day_counting = $1, version = $2", [
    settings.dayCounting,
    settings.version,
  ]);
};
