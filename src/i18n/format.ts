/*
 * Number and date formatting through Intl. Japanese formats follow the association's conventions
 * (2025年8月23日, 372,000円, 1,860名); English uses en-GB day-month-year so dates are never ambiguous.
 */

export type TFormatLang = "ja" | "en";

const locale = (lang: TFormatLang) => (lang === "ja" ? "ja-JP" : "en-GB");

/*
 * Intl formatters are costly to build and a page formats hundreds of values: each is built once per
 * language and options, then kept.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (lang: TFormatLang, name: string, options: Intl.DateTimeFormatOptions) => {
  const key = `${lang}:${name}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), options);
    dateFormats.set(key, f);
  }
  return f;
};

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
  const format =
    d === null
      ? dateFormat(lang, "month", { year: "numeric", month: "long", timeZone: "UTC" })
      : dateFormat(lang, "day", {
          year: "numeric",
          month: lang === "ja" ? "long" : "short",
          day: "numeric",
          timeZone: "UTC",
        });
  return format.format(value);
};

/** A moment (ISO, UTC) as the organisation reads it: the day and time in Tokyo, to the minute. */
export const formatMoment = (iso: string, lang: TFormatLang) =>
  dateFormat(lang, "moment", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: lang === "ja" ? "long" : "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));

/** A month's own name (1–12): "4月" / "April". */
export const formatMonthName = (month: number, lang: TFormatLang) =>
  dateFormat(lang, "monthName", { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );

const pluralRules = new Map<TFormatLang, Intl.PluralRules>();

/** The plural category a count takes in the language ("one" for 1 in English; always "other" in Japanese). */
export const pluralCategory = (count: number, lang: TFormatLang): Intl.LDMLPluralRule => {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(locale(lang));
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
};

/** Share as a percentage with at most one decimal; null when the base is 0 or unknown. */
export const percentOf = (part: number, whole: number | null | undefined) =>
  whole && whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
