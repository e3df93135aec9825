import { addDays, addMonths, daysBetween, isDayPrecise } from "./dates";
import type { TSourceRef, TText } from "./schemas/common";
import type { TDataset } from "./schemas/dataset";
import type {
  TDeadline,
  TDeadlineMissing,
  TDeadlineRule,
  TDeadlineState,
  TDeadlines,
} from "./schemas/deadline";
import type { TIncident, TMilestoneKind } from "./schemas/incident";
import type { TDayCounting, TSettings } from "./schemas/settings";

/*
 * Turns the record's dates into due dates (../shared/seed/CONTEXT.md "Deadline rules") and says which are
 * met, late, overdue, due soon, or cannot be judged because the vendor never reported the date. Shared by
 * the server, the mocks and the meeting snapshots, so every side counts the same days.
 *
 * The reporting duties under APPI and the Insurance Business Act are the insurer's; the board checks them
 * from the dates the insurer reports. A duty whose fulfilment the record does not show is `not_reported`,
 * never `met`. The association's own duties (a board report every three months) and the vendor's promises
 * are judged from the record itself: absent there means not done.
 */

const t = (ja: string, en: string): TText => ({ ja, en });

type TRuleInfo = { basis: TText; guideline: boolean };

/** "Promptly": the guideline's "about 3–5 days", taken at its longest so a filing is never called late early. */
export const PRELIM_DAYS = 5;
/** PPC rules Art. 8(2): 30 days, 60 where the leak may come from a wrongful act (unauthorized access). */
export const FINAL_DAYS = 30;
export const FINAL_DAYS_WRONGFUL = 60;
/** 一般社団法人法 Art. 91(2): executive directors report to the board at least every 3 months. */
export const BOARD_REPORT_MONTHS = 3;

/** Where each rule is written, and how long it allows (days counted from the clock's start). */
export const DEADLINE_RULES: Record<TDeadlineRule, TRuleInfo> = {
  APPI_PRELIM: {
    basis: t(
      "個人情報保護法26条1項、規則7条・8条1項、通則編ガイドライン3-5-3-3(速やかに:概ね3〜5日以内)",
      "APPI Art. 26(1); PPC rules Art. 7–8(1); general guideline 3-5-3-3 (promptly: about 3–5 days)",
    ),
    guideline: true,
  },
  APPI_FINAL: {
    basis: t(
      "個人情報保護法26条1項、規則8条2項(30日以内、不正の目的によるおそれがある場合は60日以内)",
      "APPI Art. 26(1); PPC rules Art. 8(2) (30 days; 60 days where a wrongful act is involved)",
    ),
    guideline: false,
  },
  APPI_NOTICE: {
    basis: t(
      "個人情報保護法26条2項、規則10条(状況に応じて速やかに。困難な場合は公表で代替可)",
      "APPI Art. 26(2); PPC rules Art. 10 (promptly as the situation allows; a public notice may substitute)",
    ),
    guideline: false,
  },
  INS_FSA_LEAK: {
    basis: t(
      "保険業法施行規則53条の8の2、個人情報保護委員会FAQ Q4-12(速やかに:概ね3〜5日以内、その後随時)",
      "Insurance Business Act Enforcement Regulations Art. 53-8-2; PPC FAQ Q4-12 (promptly: about 3–5 days, then updates)",
    ),
    guideline: true,
  },
  FSA_PLAN: {
    basis: t(
      "業務改善命令(命令に定める期日、その後定期報告)",
      "The business improvement order (its date, then periodic reports)",
    ),
    guideline: false,
  },
  BOARD_REPORT: {
    basis: t(
      "一般社団法人法91条2項(業務執行理事は3か月に1回以上理事会に報告)",
      "Act on General Incorporated Associations Art. 91(2) (executive directors report to the board at least every 3 months)",
    ),
    guideline: false,
  },
  VENDOR_PROMISE: {
    basis: t(
      "委託先の約束または理事会の要求に定めた期日",
      "The date the vendor promised or the board demanded",
    ),
    guideline: false,
  },
};

/**
 * The last day of a period of `days` days from `start`. Japan's Civil Code Art. 140 does not count the first
 * day (the period ends `start + days`); counting it ends the period one day earlier.
 */
export const dueAfterDays = (start: string, days: number, counting: TDayCounting) =>
  withinCalendar(addDays(start, counting === "exclude_first_day" ? days : days - 1));

/**
 * A record dated at the end of year 9999 would put a due date past the last date the schemas (and ISO
 * 8601's four-digit years) can write: such a clock ends on the last writable day instead.
 */
const LAST_DAY = "9999-12-31";
const withinCalendar = (date: string) => (/^\d{4}-/.test(date) ? date : LAST_DAY);

/**
 * The last day of a period of `months` months from `start` (Civil Code Art. 143): the day before the day
 * of the last month that corresponds to the period's first day, or that month's last day when it has no
 * such day. Excluding the day of the event, the period's first day is the next day.
 */
export const dueAfterMonths = (start: string, months: number, counting: TDayCounting) => {
  const first = counting === "exclude_first_day" ? addDays(start, 1) : start;
  if (!/^\d{4}-/.test(first)) return LAST_DAY;
  const corresponding = addMonths(first, months);
  // Past year 9999 the date no longer has four digits.
  if (!/^\d{4}-/.test(corresponding)) return LAST_DAY;
  // Clamped to a shorter month: that month has no corresponding day, and the period ends on its last.
  if (corresponding.slice(8) !== first.slice(8)) return corresponding;
  return withinCalendar(addDays(corresponding, -1));
};

/** The first day-precise milestone of a kind (on or before `asOf`: the record as it stood that day). */
const earliestDay = (incident: TIncident, kind: TMilestoneKind, asOf: string) =>
  incident.milestones
    .filter((m) => m.kind === kind && isDayPrecise(m.date) && m.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0] ?? null;

type TJudged = { state: TDeadlineState; missing: TDeadlineMissing | null };

const judge = (
  d: Pick<TDraft, "startDate" | "dueDate" | "doneDate" | "recordShowsDone">,
  asOf: string,
  withinDays: number,
): TJudged => {
  const { dueDate, doneDate } = d;
  if (doneDate !== null && doneDate <= asOf) {
    if (dueDate === null) return { state: "done_no_due", missing: null };
    return { state: doneDate <= dueDate ? "met" : "late", missing: null };
  }
  if (dueDate === null) {
    // A clock that never started to the day cannot be judged; one without a fixed day ("promptly") is
    // judged only once the record shows it done.
    return { state: "not_reported", missing: d.startDate === null ? "start_date" : "done_date" };
  }
  const left = daysBetween(asOf, dueDate);
  if (left < 0) {
    return d.recordShowsDone
      ? { state: "overdue", missing: null }
      : { state: "not_reported", missing: "done_date" };
  }
  return { state: left <= withinDays ? "due_soon" : "upcoming", missing: null };
};

/** Most pressing first: what the board must act on, then what it cannot judge, then what is settled. */
export const DEADLINE_STATE_ORDER: readonly TDeadlineState[] = [
  "overdue",
  "due_soon",
  "not_reported",
  "upcoming",
  "late",
  "met",
  "done_no_due",
];

type TDraft = Omit<TDeadline, "state" | "daysLeft" | "basis" | "guideline" | "missing"> & {
  /**
   * Whether the record itself shows it done (the association's own duties, verified commitments): absent
   * there means not done, so a passed due date is overdue. For the vendor's filings absent means not
   * reported.
   */
  recordShowsDone: boolean;
};

/** Personal data was (or may have been) exposed: the APPI (and, for an insurer, the FSA) reporting duties apply. */
export const isPersonalDataIncident = (incident: Pick<TIncident, "category" | "dataCategories">) =>
  incident.category === "unauthorized_access" || incident.dataCategories.length > 0;

const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every due date the record gives rise to as of `asOf` (the record as it stood that day: milestones,
 * meetings and orders dated later are left out), judged against what the record shows done.
 */
export const computeDeadlines = (
  data: TDataset,
  settings: Pick<TSettings, "dayCounting">,
  query: { asOf: string; withinDays: number; incidentId?: string | undefined },
): TDeadlines => {
  const { asOf } = query;
  const counting = settings.dayCounting;
  const drafts: TDraft[] = [];
  const incidents = data.incidents.filter((i) => query.incidentId === undefined || i.id === query.incidentId);
  const insurers = new Set(data.vendors.filter((v) => v.role === "insurer").map((v) => v.id));

  for (const incident of incidents) {
    // An incident the record first mentions after the reference date did not exist yet on that day.
    if (incident.milestones.length > 0 && !incident.milestones.some((m) => m.date <= asOf)) continue;
    const base = {
      incidentId: incident.id,
      commitmentId: null,
      regulatoryActionId: null,
      label: incident.title,
    };
    const insurer = incident.vendorIds.find((id) => insurers.has(id)) ?? null;
    const vendorId = insurer ?? incident.vendorIds[0] ?? null;
    if (isPersonalDataIncident(incident)) {
      // The clocks run from when the vendor learned of it; a detection known only to the month (or not
      // at all) gives no due date.
      const detected = earliestDay(incident, "detected", asOf);
      const start = detected?.date ?? null;
      const source: TSourceRef | null = detected?.source ?? null;
      const prelim = earliestDay(incident, "regulator_preliminary_report", asOf);
      const final = earliestDay(incident, "regulator_final_report", asOf);
      // A public notice may stand in for notice to each individual (PPC rules Art. 10 proviso).
      const notice = earliestDay(incident, "vendor_public_announcement", asOf);
      const wrongful = incident.category === "unauthorized_access";
      const statutory = (rule: TDeadlineRule, due: string | null, done: string | null): TDraft => ({
        ...base,
        key: `${rule}:${incident.id}`,
        rule,
        vendorId,
        startDate: start,
        dueDate: due,
        doneDate: done,
        source,
        recordShowsDone: false,
      });
      drafts.push(
        statutory("APPI_PRELIM", start && dueAfterDays(start, PRELIM_DAYS, counting), prelim?.date ?? null),
        statutory(
          "APPI_FINAL",
          start && dueAfterDays(start, wrongful ? FINAL_DAYS_WRONGFUL : FINAL_DAYS, counting),
          final?.date ?? null,
        ),
        statutory("APPI_NOTICE", null, notice?.date ?? null),
      );
      if (insurer !== null) {
        // The insurer's first report to the FSA is the same filing as the APPI preliminary report (the
        // PPC's powers over insurers are delegated to the FSA).
        drafts.push(
          statutory(
            "INS_FSA_LEAK",
            start && dueAfterDays(start, PRELIM_DAYS, counting),
            prelim?.date ?? null,
          ),
        );
      }
    }
    if (incident.status === "open") {
      // The last time the board heard of it: a meeting whose items name it, or a reported_to_board
      // milestone. Never heard of: the clock runs from when the association learned of it.
      const heard: { date: string; source: TSourceRef }[] = data.meetings
        .filter((m) => m.date <= asOf && m.items.some((item) => item.incidentIds.includes(incident.id)))
        .map((m) => ({ date: m.date, source: m.source }));
      for (const m of incident.milestones) {
        if (m.kind === "reported_to_board" && isDayPrecise(m.date) && m.date <= asOf) {
          heard.push({ date: m.date, source: m.source });
        }
      }
      heard.sort((a, b) => byDate(b.date, a.date));
      const learned = earliestDay(incident, "reported_to_association", asOf);
      const last = heard[0] ?? (learned ? { date: learned.date, source: learned.source } : null);
      if (last) {
        drafts.push({
          ...base,
          key: `BOARD_REPORT:${incident.id}`,
          rule: "BOARD_REPORT",
          vendorId: null,
          startDate: last.date,
          dueDate: dueAfterMonths(last.date, BOARD_REPORT_MONTHS, counting),
          doneDate: null,
          source: last.source,
          recordShowsDone: true,
        });
      }
    }
  }

  for (const c of data.commitments) {
    if (c.dueDate === null) continue;
    if (query.incidentId !== undefined && !c.incidentIds.includes(query.incidentId)) continue;
    // A month-only date sorts before every day of its month: kept from the month on.
    if (c.madeOn !== null && c.madeOn > asOf) continue;
    drafts.push({
      key: `VENDOR_PROMISE:${c.id}`,
      rule: "VENDOR_PROMISE",
      incidentId: c.incidentIds[0] ?? null,
      commitmentId: c.id,
      vendorId: c.owedByIds[0] ?? null,
      regulatoryActionId: null,
      label: c.text,
      startDate: isDayPrecise(c.madeOn) ? c.madeOn : null,
      dueDate: c.dueDate,
      // Only the association's verification closes a commitment; the vendor's word alone does not.
      doneDate: c.status === "verified" ? c.verifiedDate : null,
      source: c.source,
      recordShowsDone: true,
    });
  }

  if (query.incidentId === undefined) {
    for (const a of data.regulatoryActions) {
      if (a.planDueDate === null || a.date > asOf) continue;
      drafts.push({
        key: `FSA_PLAN:${a.id}`,
        rule: "FSA_PLAN",
        incidentId: null,
        commitmentId: null,
        vendorId: a.vendorId,
        regulatoryActionId: a.id,
        label: a.action,
        startDate: a.date,
        dueDate: a.planDueDate,
        // The record holds the orders, not the vendor's filings under them.
        doneDate: null,
        source: a.source,
        recordShowsDone: false,
      });
    }
  }

  const items: TDeadline[] = drafts.map(({ recordShowsDone, ...d }) => ({
    ...d,
    guideline: DEADLINE_RULES[d.rule].guideline,
    basis: DEADLINE_RULES[d.rule].basis,
    ...judge({ ...d, recordShowsDone }, asOf, query.withinDays),
    daysLeft: d.dueDate === null ? null : daysBetween(asOf, d.dueDate),
  }));
  items.sort(
    (a, b) =>
      DEADLINE_STATE_ORDER.indexOf(a.state) - DEADLINE_STATE_ORDER.indexOf(b.state) ||
      byDate(a.dueDate ?? "9999-12-31", b.dueDate ?? "9999-12-31") ||
      byDate(a.key, b.key),
  );
  return {
    asOf,
    withinDays: query.withinDays,
    dayCounting: counting,
    counts: {
      overdue: items.filter((i) => i.state === "overdue").length,
      dueSoon: items.filter((i) => i.state === "due_soon").length,
      notReported: items.filter((i) => i.state === "not_reported").length,
    },
    items,
  };
};
