import { addDays, addMonths, daysBetween, isDayPrecise } from "./dates";
import { recordAsOf } from "./reads/as-of";
import type { TSourceRef, TText } from "./schemas/common";
import type { TDataset } from "./schemas/dataset";
import type {
  TDeadline,
  TDeadlineMissing,
  TDeadlineOwner,
  TDeadlineRule,
  TDeadlineState,
  TDeadlines,
} from "./schemas/deadline";
import type { TIncident, TMilestoneKind } from "./schemas/incident";
import type { TLegalForm } from "./schemas/organisation";
import type { TDayCounting, TSettings } from "./schemas/settings";

/*
 * Turns the record's dates into due dates (../shared/seed/CONTEXT.md "Deadline rules") and says which are
 * met, late, overdue, due soon, or cannot be judged because the vendor never reported the date. Shared by
 * the server, the mocks and the meeting snapshots, so every side counts the same days.
 *
 * Whose duty each clock is follows the record: personal data the organisation entrusted to the vendor is
 * the organisation's to report and to notify (as 委託元; the vendor meets its own duty by telling the
 * organisation), a vendor's own customers' data is the vendor's (and an insurer's report to the FSA too).
 * The organisation's own duties — its filings, its notice, the board report its legal form requires — and
 * the vendors' promises are judged from the record itself: absent there means not done. A vendor's
 * filing the record does not show is `not_reported`, never `met`.
 */

const t = (ja: string, en: string): TText => ({ ja, en });

type TRuleInfo = { basis: TText; guideline: boolean };

/** "Promptly": the guideline's "about 3–5 days", taken at its longest so a filing is never called late early. */
export const PRELIM_DAYS = 5;
/** PPC rules Art. 8(2): 30 days, 60 where the leak may come from a wrongful act (unauthorized access). */
export const FINAL_DAYS = 30;
export const FINAL_DAYS_WRONGFUL = 60;
/** 一般社団・財団法人法 Art. 91(2) and 会社法 Art. 363(2): executive directors report at least every 3 months. */
export const BOARD_REPORT_MONTHS = 3;

/** The law that sets the board-report interval for each legal form; none: no such clock. */
const BOARD_REPORT_BASIS: Partial<Record<TLegalForm, TText>> = {
  general_incorporated_association: t(
    "一般社団法人及び一般財団法人に関する法律91条2項(業務執行理事は3か月に1回以上理事会に報告)",
    "Act on General Incorporated Associations and Foundations Art. 91(2) (executive directors report to the board at least every 3 months)",
  ),
  public_interest_incorporated_association: t(
    "一般社団法人及び一般財団法人に関する法律91条2項(業務執行理事は3か月に1回以上理事会に報告)",
    "Act on General Incorporated Associations and Foundations Art. 91(2) (executive directors report to the board at least every 3 months)",
  ),
  general_incorporated_foundation: t(
    "一般社団法人及び一般財団法人に関する法律197条・91条2項(業務執行理事は3か月に1回以上理事会に報告)",
    "Act on General Incorporated Associations and Foundations Art. 197 with Art. 91(2) (executive directors report to the board at least every 3 months)",
  ),
  public_interest_incorporated_foundation: t(
    "一般社団法人及び一般財団法人に関する法律197条・91条2項(業務執行理事は3か月に1回以上理事会に報告)",
    "Act on General Incorporated Associations and Foundations Art. 197 with Art. 91(2) (executive directors report to the board at least every 3 months)",
  ),
  stock_company: t(
    "会社法363条2項(代表取締役・業務執行取締役は3か月に1回以上取締役会に報告)",
    "Companies Act Art. 363(2) (representative and executive directors report to the board at least every 3 months)",
  ),
};

/** The basis of the board-report clock for a legal form, or null when its law sets none. */
export const boardReportBasis = (legalForm: TLegalForm): TText | null =>
  BOARD_REPORT_BASIS[legalForm] ?? null;

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
    // The legal form's own law replaces this (boardReportBasis).
    basis: t(
      "法人の根拠法(3か月に1回以上の職務執行報告)",
      "The organisation's law (a report at least every 3 months)",
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

/** The first day-precise milestone of one of `kinds` (in a record already cut at the reference date). */
const earliestDay = (
  incident: TIncident,
  kinds: readonly TMilestoneKind[],
  accept = (_: TIncident["milestones"][number]) => true,
) =>
  incident.milestones
    .filter((m) => kinds.includes(m.kind) && isDayPrecise(m.date) && accept(m))
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
  basis?: TText;
  /**
   * Whether the record itself shows it done (the organisation's own duties, verified commitments): absent
   * there means not done, so a passed due date is overdue. For a vendor's filings absent means not
   * reported.
   */
  recordShowsDone: boolean;
};

/** Personal data was (or may have been) exposed: the APPI reporting duties apply to whoever holds it. */
export const isPersonalDataIncident = (incident: Pick<TIncident, "dataRole">) => incident.dataRole !== "none";

const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A wrongful act (an attack) allows 60 days for the final report instead of 30. */
const WRONGFUL: ReadonlySet<TIncident["category"]> = new Set(["unauthorized_access", "cyberattack"]);

/** The vendor-kind id of the built-in "insurer" kind: an insurer's leaks are reported to the FSA too. */
export const INSURER_KIND = "insurer";

export type TDeadlineQuery = {
  asOf: string;
  withinDays: number;
  caseId?: string | undefined;
  incidentId?: string | undefined;
  owner?: TDeadlineOwner | undefined;
  limit?: number;
  offset?: number;
};

/**
 * Every due date the record gives rise to as of `asOf` (the record as it stood that day: what is dated
 * later is left out), judged against what the record shows done, most pressing first.
 */
export const computeDeadlines = (
  dataset: Readonly<TDataset>,
  settings: Pick<TSettings, "dayCounting">,
  query: TDeadlineQuery,
): TDeadlines => deadlinesOfRecord(recordAsOf(dataset, query.asOf), settings, query);

/** The same over a record already cut at `query.asOf` (the overview cuts it once for every figure). */
export const deadlinesOfRecord = (
  data: Readonly<TDataset>,
  settings: Pick<TSettings, "dayCounting">,
  query: TDeadlineQuery,
): TDeadlines => {
  const { asOf } = query;
  const counting = settings.dayCounting;
  const drafts: TDraft[] = [];
  const incidents = data.incidents.filter(
    (i) =>
      (query.incidentId === undefined || i.id === query.incidentId) &&
      (query.caseId === undefined || i.caseId === query.caseId),
  );
  const insurers = new Set(data.vendors.filter((v) => v.kindId === INSURER_KIND).map((v) => v.id));
  const boardBasis = boardReportBasis(data.organisation.legalForm);

  for (const incident of incidents) {
    const base = {
      caseId: incident.caseId,
      incidentId: incident.id,
      commitmentId: null,
      regulatoryActionId: null,
      label: incident.title,
    };
    if (isPersonalDataIncident(incident)) {
      const ours = incident.dataRole === "entrusted_by_organisation";
      // The vendor where it happened holds its own customers' data; it owes their filings.
      const holder = incident.chain.at(-1) ?? incident.vendorIds[0] ?? null;
      const owner: TDeadlineOwner = ours ? "organisation" : "vendor";
      const vendorIds = ours || holder === null ? [] : [holder];
      // The clocks run from when the duty-holder learned of it: the vendor's detection, or the day the
      // vendor told the organisation. A date known only to the month (or not at all) gives no due date.
      const started = ours
        ? earliestDay(incident, ["reported_to_officers", "reported_to_organisation"])
        : earliestDay(incident, ["detected"]);
      const start = started?.date ?? null;
      const source: TSourceRef | null = started?.source ?? null;
      const prelim = earliestDay(
        incident,
        ours ? ["organisation_regulator_preliminary_report"] : ["vendor_regulator_preliminary_report"],
      );
      const final = earliestDay(
        incident,
        ours ? ["organisation_regulator_final_report"] : ["vendor_regulator_final_report"],
      );
      // A public notice may stand in for notice to each individual (PPC rules Art. 10 proviso); a vendor's
      // notice counts for the organisation's people only where the secretariat says it reached them.
      const notice = ours
        ? earliestDay(
            incident,
            ["organisation_notice", "vendor_public_announcement", "vendor_notice_to_people"],
            (m) => m.kind === "organisation_notice" || m.coversOurPeople,
          )
        : earliestDay(incident, ["vendor_public_announcement", "vendor_notice_to_people"]);
      const statutory = (rule: TDeadlineRule, due: string | null, done: string | null): TDraft => ({
        ...base,
        key: `${rule}:${incident.id}`,
        rule,
        owner,
        vendorIds,
        startDate: start,
        dueDate: due,
        doneDate: done,
        source,
        recordShowsDone: ours,
      });
      drafts.push(
        statutory("APPI_PRELIM", start && dueAfterDays(start, PRELIM_DAYS, counting), prelim?.date ?? null),
        statutory(
          "APPI_FINAL",
          start &&
            dueAfterDays(start, WRONGFUL.has(incident.category) ? FINAL_DAYS_WRONGFUL : FINAL_DAYS, counting),
          final?.date ?? null,
        ),
        statutory("APPI_NOTICE", null, notice?.date ?? null),
      );
      if (!ours && holder !== null && insurers.has(holder)) {
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
    if (incident.status === "open" && boardBasis !== null) {
      // The last time the board heard of it: a meeting whose items name it, or a reported_to_board
      // milestone. Never heard of: the clock runs from when the organisation learned of it.
      const heard: { date: string; source: TSourceRef }[] = data.meetings
        .filter((m) => m.items.some((item) => item.incidentIds.includes(incident.id)))
        .map((m) => ({ date: m.date, source: m.source }));
      for (const m of incident.milestones) {
        if (m.kind === "reported_to_board" && isDayPrecise(m.date))
          heard.push({ date: m.date, source: m.source });
      }
      heard.sort((a, b) => byDate(b.date, a.date));
      const learned = earliestDay(incident, ["reported_to_organisation"]);
      const last = heard[0] ?? (learned ? { date: learned.date, source: learned.source } : null);
      if (last) {
        drafts.push({
          startEvent: heard[0] ? "board_report" : "learned",
          ...base,
          key: `BOARD_REPORT:${incident.id}`,
          rule: "BOARD_REPORT",
          owner: "organisation",
          vendorIds: [],
          startDate: last.date,
          dueDate: dueAfterMonths(last.date, BOARD_REPORT_MONTHS, counting),
          doneDate: null,
          source: last.source,
          basis: boardBasis,
          recordShowsDone: true,
        });
      }
    }
  }

  const incidentIds = new Set(incidents.map((i) => i.id));
  const caseOf = new Map(data.incidents.map((i) => [i.id, i.caseId]));
  const scoped = query.incidentId !== undefined || query.caseId !== undefined;
  for (const c of data.commitments) {
    if (c.dueDate === null) continue;
    if (scoped && !c.incidentIds.some((id) => incidentIds.has(id))) continue;
    const incidentId = c.incidentIds.find((id) => incidentIds.has(id)) ?? c.incidentIds[0] ?? null;
    drafts.push({
      key: `VENDOR_PROMISE:${c.id}`,
      rule: "VENDOR_PROMISE",
      owner: "vendor",
      caseId: incidentId ? (caseOf.get(incidentId) ?? null) : null,
      incidentId,
      commitmentId: c.id,
      vendorIds: c.owedByIds,
      regulatoryActionId: null,
      label: c.text,
      startDate: isDayPrecise(c.madeOn) ? c.madeOn : null,
      dueDate: c.dueDate,
      // Only the organisation's verification closes a commitment; the vendor's word alone does not.
      doneDate: c.status === "verified" ? c.verifiedDate : null,
      source: c.source,
      recordShowsDone: true,
    });
  }

  if (!scoped) {
    for (const a of data.regulatoryActions) {
      if (a.planDueDate === null) continue;
      drafts.push({
        key: `FSA_PLAN:${a.id}`,
        rule: "FSA_PLAN",
        owner: "vendor",
        caseId: null,
        incidentId: null,
        commitmentId: null,
        vendorIds: [a.vendorId],
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

  const all: TDeadline[] = drafts
    .filter((d) => query.owner === undefined || d.owner === query.owner)
    .map(({ recordShowsDone, basis, ...d }) => ({
      ...d,
      guideline: DEADLINE_RULES[d.rule].guideline,
      basis: basis ?? DEADLINE_RULES[d.rule].basis,
      ...judge({ ...d, recordShowsDone }, asOf, query.withinDays),
      daysLeft: d.dueDate === null ? null : daysBetween(asOf, d.dueDate),
    }));
  all.sort(
    (a, b) =>
      DEADLINE_STATE_ORDER.indexOf(a.state) - DEADLINE_STATE_ORDER.indexOf(b.state) ||
      byDate(a.dueDate ?? "9999-12-31", b.dueDate ?? "9999-12-31") ||
      byDate(a.key, b.key),
  );
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  return {
    asOf,
    withinDays: query.withinDays,
    dayCounting: counting,
    counts: {
      overdue: all.filter((i) => i.state === "overdue").length,
      dueSoon: all.filter((i) => i.state === "due_soon").length,
      notReported: all.filter((i) => i.state === "not_reported").length,
    },
    total: all.length,
    limit,
    offset,
    items: all.slice(offset, offset + limit),
  };
};
