/*
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so that Node, the browser and SQL agree
 * to the day. "Today" is the date in Tokyo: the association meets in Japan.
 */

/*
 * Japan has kept UTC+9 all year since 1951, so the day in Tokyo is the UTC day nine hours on: no
 * time-zone data to load (an Intl formatter with a time zone costs some 10 ms to build in a browser, on
 * the first screen's path).
 */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

export const todayInTokyo = (now: Date = new Date()) =>
  new Date(now.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);

/** A day's midnight in UTC, in milliseconds (a time axis, or arithmetic in whole days). */
export const utcTime = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

export const isDayPrecise = (date: string | null | undefined): date is string => !!date && date.length === 10;

/** Whole days from a to b (b − a), as PostgreSQL's `date - date`. */
export const daysBetween = (a: string, b: string) => Math.round((utcTime(b) - utcTime(a)) / 86_400_000);

export const addDays = (iso: string, days: number) =>
  new Date(utcTime(iso) + days * 86_400_000).toISOString().slice(0, 10);

/** Days in a month (`monthIndex` 0–11; day 0 of the next month is this month's last). */
const daysInMonth = (year: number, monthIndex: number) =>
  new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/** The last day of the month a date (YYYY-MM-DD) or a month-only date (YYYY-MM) falls in. */
export const lastDayOfMonth = (date: string) =>
  `${date.slice(0, 7)}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1)).padStart(2, "0")}`;

/**
 * The same day n months later (earlier for a negative n), clamped to that month's last day when it has
 * no such day, as PostgreSQL's `+ interval 'n months'`. The one place months are counted: the
 * scorecards' 24-month window and the deadlines' periods of months both step with it.
 */
export const addMonths = (iso: string, months: number) => {
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const year = Number(iso.slice(0, 4)) + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month));
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
};

/** The same day n months earlier, clamped to the month's last day (as PostgreSQL's `- interval 'n months'`). */
export const minusMonths = (iso: string, months: number) => addMonths(iso, -months);

/** 年度: a fiscal year that starts in `startMonth` (April for the association) is named by its first year. */
export const fiscalYearOf = (date: string, startMonth = 4) => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m >= startMonth ? y : y - 1;
};
