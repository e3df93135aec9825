import { todayInTokyo } from "@/shared/dates";
import { ZFiscalYear, ZIsoDate } from "@/shared/schemas/common";

/*
 * Values read from the address, for the pages and for the route loaders that start their data (so both
 * ask for the same thing). No React here: a loader's module must not pull the UI's modules along.
 */

/** `?year=2025` / `?fy=2025`: anything that is not a plausible 年度 is ignored, so a mistyped link still opens. */
export const parseFiscalYear = (raw: string | null): number | undefined => {
  if (!raw || !/^\d{4}$/.test(raw)) return undefined;
  const year = ZFiscalYear.safeParse(Number(raw));
  return year.success ? year.data : undefined;
};

/** `?asOf=YYYY-MM-DD` when a link fixes the day (a meeting's date), else today in Tokyo. */
export const parseAsOf = (params: URLSearchParams) => {
  const asOf = ZIsoDate.safeParse(params.get("asOf"));
  return asOf.success ? asOf.data : todayInTokyo();
};
