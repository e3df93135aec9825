/*
 * Number and date formatting through Intl. Japanese formats follow the association's conventions
 * (2025年8月23日, 372,000円, 1,860名); English uses en-GB day-month-year so dates are never ambiguous.
 */

export type TFormatLang = "ja" | "en";

const locale = (lang: TFormatLang) => (lang === "ja" ? "ja-JP" : "en-GB");

const numberFormats = new Map<string, Intl.NumberFormat>();
export const formatNumber = (n: number, lang: TFormatLang, maximumFractionDigits = 0) => {
  const key = `${lang}:${maximumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(n);
};

/** Formats YYYY-MM-DD or a month-only YYYY-MM without inventing a day. */
export const formatDate = (date: string, lang: TFormatLang) => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = date.length >= 10 ? Number(date.slice(8, 10)) : null;
  const value = new Date(Date.UTC(y, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions =
    d === null
      ? { year: "numeric", month: "long", timeZone: "UTC" }
      : { year: "numeric", month: lang === "ja" ? "long" : "short", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale(lang), options).format(value);
};

/** Share as a percentage with at most one decimal; null when the base is 0 or unknown. */
export const percentOf = (part: number, whole: number | null | undefined) =>
  whole && whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
