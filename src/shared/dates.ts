/*
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so that Node, the browser and SQL agree
 * to the day. "Today" is the date in Tokyo: the association meets in Japan.
 */

export const todayInTokyo = (now: Date = new Date()) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);

const utc = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

export const isDayPrecise = (date: string | null | undefined): date is string => !!date && date.length === 10;

/** Whole days from a to b (b − a), as PostgreSQL's `date - date`. */
export const daysBetween = (a: string, b: string) => Math.round((utc(b) - utc(a)) / 86_400_000);

export const addDays = (iso: string, days: number) =>
  new Date(utc(iso) + days * 86_400_000).toISOString().slice(0, 10);

/** The same day n months earlier, clamped to the month's last day (as PostgreSQL's `- interval 'n months'`). */
export const minusMonths = (iso: string, months: number) => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 - months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
};

/** 年度: a fiscal year that starts in `startMonth` (April for the association) is named by its first year. */
export const fiscalYearOf = (date: string, startMonth = 4) => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m >= startMonth ? y : y - 1;
};
