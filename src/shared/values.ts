/*
 * Checks of single values and the lists of fixed values, without zod. The first screen reads its address
 * with them, and the schemas (src/shared/schemas/) are built from them, so both accept exactly the same
 * values. Zod and the schemas are a chunk of their own, which a page served with its answers in the HTML
 * (the overview) never needs to load.
 */

/** Stable, URL-safe identifier: ids appear in URLs and must survive restarts. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const isId = (value: unknown): value is string => typeof value === "string" && ID_PATTERN.test(value);

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Year 0000 exists for JavaScript but not for PostgreSQL's calendar (1 BC comes before AD 1): not storable. */
export const isRealYear = (s: string) => !s.startsWith("0000");

export const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return isRealYear(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** A real calendar day written YYYY-MM-DD. */
export const isIsoDate = (value: unknown): value is string =>
  typeof value === "string" && ISO_DATE_PATTERN.test(value) && isRealDay(value);

/** The 年度 the record can hold. */
export const FISCAL_YEAR_MIN = 1990;
export const FISCAL_YEAR_MAX = 2100;
export const isFiscalYear = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= FISCAL_YEAR_MIN && (value as number) <= FISCAL_YEAR_MAX;

/** The kinds of dated step in an incident's course, in the order a course runs. */
export const MILESTONE_KINDS = [
  "occurred",
  "detected",
  /** The vendor's public announcement; it stands for the organisation's notice only when `coversOurPeople`. */
  "vendor_public_announcement",
  /** The vendor's own notice to the affected people (letters, e-mails); likewise. */
  "vendor_notice_to_people",
  /** The organisation's own notice to its people. */
  "organisation_notice",
  "reported_to_officers",
  "reported_to_organisation",
  "reported_to_board",
  "regulator_action",
  /** The vendor's reports to its regulator (APPI, Insurance Business Act…), when it tells the organisation. */
  "vendor_regulator_preliminary_report",
  "vendor_regulator_final_report",
  /** The organisation's own reports to the Personal Information Protection Commission (as 委託元). */
  "organisation_regulator_preliminary_report",
  "organisation_regulator_final_report",
] as const;

/** What exactValue reads of a figure (TFigure in src/shared/schemas/common.ts, which is built on this file). */
type TFigureStatus =
  | { status: "reported" | "derived"; value: number }
  | { status: "approximate" | "not_reported" | "confirmed_none" };

/** The exact value of a figure: none for approximate and not-reported figures (never 0); 0 for confirmed none. */
export const exactValue = (figure: TFigureStatus | null | undefined): number | null => {
  if (!figure) return null;
  if (figure.status === "reported" || figure.status === "derived") return figure.value;
  return figure.status === "confirmed_none" ? 0 : null;
};
