import { useQuery } from "@tanstack/react-query";
import { Fragment } from "react";
import { Link } from "react-router";
import { NotReported } from "@/components/not-reported";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TDeadline, TDeadlineRule, TDeadlineState } from "@/shared/schemas/deadline";
import { deadlineQueries } from "../api/queries";

/*
 * The pieces every deadlines view shares: the state in words (未報告 looks like every other 未報告 in the
 * app, never like "met"), the due date with its guideline mark, the days left or late, and whose duty it
 * is — the organisation's own, or every vendor the record names — in the record's own names.
 */

export const RULE_LABEL: Record<TDeadlineRule, TPlainKey> = {
  APPI_PRELIM: "deadlines.rule.APPI_PRELIM",
  APPI_FINAL: "deadlines.rule.APPI_FINAL",
  APPI_NOTICE: "deadlines.rule.APPI_NOTICE",
  INS_FSA_LEAK: "deadlines.rule.INS_FSA_LEAK",
  FSA_PLAN: "deadlines.rule.FSA_PLAN",
  BOARD_REPORT: "deadlines.rule.BOARD_REPORT",
  VENDOR_PROMISE: "deadlines.rule.VENDOR_PROMISE",
};

export const STATE_LABEL: Record<TDeadlineState, TPlainKey> = {
  met: "deadlines.state.met",
  late: "deadlines.state.late",
  overdue: "deadlines.state.overdue",
  due_soon: "deadlines.state.due_soon",
  upcoming: "deadlines.state.upcoming",
  not_reported: "deadlines.state.not_reported",
  done_no_due: "deadlines.state.done_no_due",
};

/**
 * The state's words: a filing that is the organisation's own duty and missing from the record is 未記録
 * (not recorded), not 未報告 — no vendor was to report it.
 */
export const stateLabel = (d: Pick<TDeadline, "state" | "owner">): TPlainKey =>
  d.state === "not_reported" && d.owner === "organisation"
    ? "deadlines.state.not_recorded"
    : STATE_LABEL[d.state];

/** What the board must act on or cannot judge; the rest is settled or not yet due. */
export const needsAttention = (d: TDeadline) =>
  d.state === "overdue" || d.state === "due_soon" || d.state === "not_reported";

/** What the record lacks to judge a deadline, said for whose duty it is (null: nothing is missing). */
export const missingKey = (d: Pick<TDeadline, "missing" | "owner">, missing = d.missing): TPlainKey | null =>
  missing ? `deadlines.missing.${missing}.${d.owner}` : null;

/**
 * 未報告 for a deadline, saying what the record lacks for whose duty it is (`missing` overrides the
 * deadline's own, for a column about one date).
 */
export const DeadlineNotReported = ({
  deadline,
  missing = deadline.missing,
}: {
  deadline: TDeadline;
  missing?: TDeadline["missing"];
}) => {
  const { t } = useI18n();
  const key = missingKey(deadline, missing);
  // NotReported takes a record text; these are the catalog's words, already in the reader's language.
  return <NotReported missing={key ? { ja: t(key), en: t(key) } : null} />;
};

export const StateChip = ({ deadline }: { deadline: TDeadline }) => {
  const { t } = useI18n();
  const key = missingKey(deadline);
  const why = key ? t(key) : undefined;
  if (deadline.state === "not_reported") {
    // The app's one look for 未報告: a dashed badge, with what is missing for screen readers and on hover.
    return (
      <span className="not-reported dl-chip" title={why}>
        {t(stateLabel(deadline))}
        {why ? <span className="visually-hidden">{`: ${why}`}</span> : null}
      </span>
    );
  }
  return <span className={`status-chip dl-chip dl-state-${deadline.state}`}>{t(stateLabel(deadline))}</span>;
};

/** "あと5日" / "12日超過" / "本日が期限"; nothing once done or when it cannot be judged. */
export const DaysText = ({ deadline }: { deadline: TDeadline }) => {
  const { t, tp } = useI18n();
  const n = deadline.daysLeft;
  if (n === null || !["overdue", "due_soon", "upcoming"].includes(deadline.state)) return null;
  if (n === 0) return <span className="dl-days dl-days-today">{t("deadlines.dueToday")}</span>;
  if (n < 0) {
    return <span className="dl-days dl-days-late">{tp("deadlines.daysLate", -n)}</span>;
  }
  return <span className="dl-days">{tp("deadlines.daysLeft", n)}</span>;
};

export const daysCsv = (d: TDeadline) => d.daysLeft;

export const GuidelineMark = () => {
  const { t } = useI18n();
  return (
    <span className="figure-tag dl-guideline" title={t("deadlines.guidelineTitle")}>
      {t("deadlines.guideline")}
      <span className="visually-hidden">{`: ${t("deadlines.guidelineTitle")}`}</span>
    </span>
  );
};

/** The due date, or "no fixed date" for a duty to act "promptly" with no day in the law. */
export const DueDate = ({ deadline }: { deadline: TDeadline }) => {
  const { t, f } = useI18n();
  if (deadline.dueDate === null) {
    return deadline.missing === "start_date" ? (
      <StateChip deadline={deadline} />
    ) : (
      <span className="dl-no-due">{t("deadlines.noDueDate")}</span>
    );
  }
  return (
    <span className="dl-due">
      <span className="nowrap">{f.date(deadline.dueDate)}</span>
      {deadline.guideline ? <GuidelineMark /> : null}
    </span>
  );
};

/**
 * Whose duty it is, in the record's names: the organisation itself (its own filings, notice and board
 * report: "{org}の義務", the organisation's own name from its settings), or every vendor that owes it —
 * never only the first of them, never a generic "insurer".
 */
export const useWhose = () => {
  const { t } = useI18n();
  const names = useReferenceNames("vendors");
  const vendors = (d: TDeadline) =>
    d.vendorIds.length === 0
      ? [{ id: "", name: t("deadlines.vendorUnknown") }]
      : d.vendorIds.map((id) => ({ id, name: names.vendor(id) }));
  return {
    vendors,
    /** Plain text (CSV, compact rows): the organisation's duty, or the owing vendors' names. */
    text: (d: TDeadline) =>
      d.owner === "organisation"
        ? t("deadlines.owner.organisation")
        : vendors(d)
            .map((v) => v.name)
            .join(t("deadlines.nameSeparator")),
  };
};

/** The owner in words and, for a vendor's duty, every owing vendor, each linked to its page. */
export const Whose = ({ deadline }: { deadline: TDeadline }) => {
  const { t } = useI18n();
  const whose = useWhose();
  return (
    <span className="dl-whose">
      <span className={`dl-owner dl-owner-${deadline.owner}`}>{t(`deadlines.owner.${deadline.owner}`)}</span>
      {deadline.owner === "vendor" ? (
        <span className="dl-actors">
          {whose.vendors(deadline).map((v, i) => (
            <Fragment key={v.id || i}>
              {i > 0 ? t("deadlines.nameSeparator") : null}
              {v.id ? <Link to={`/vendors/${encodeURIComponent(v.id)}`}>{v.name}</Link> : v.name}
            </Fragment>
          ))}
        </span>
      ) : null}
    </span>
  );
};

/** The case a deadline belongs to, by its title (the record's cases, shared cache). */
export const useCaseName = () => {
  const { tx } = useI18n();
  const cases = useQuery(deadlineQueries.cases());
  const byId = new Map((cases.data?.items ?? []).map((c) => [c.id, c]));
  return {
    query: cases,
    name: (caseId: string | null) => {
      if (caseId === null) return null;
      const c = byId.get(caseId);
      return c ? tx(c.title) : caseId;
    },
  };
};

/** Where the record behind a deadline is: the commitment, the incident, or the vendor's regulatory record. */
export const recordPath = (d: TDeadline): string | null => {
  if (d.commitmentId) return `/commitments?id=${encodeURIComponent(d.commitmentId)}`;
  if (d.incidentId) return `/incidents/${encodeURIComponent(d.incidentId)}`;
  const vendorId = d.vendorIds[0];
  if (d.regulatoryActionId && vendorId) return `/vendors/${encodeURIComponent(vendorId)}`;
  return null;
};

/** The rule in words and, linked, the record it applies to, with its case when there is more than one. */
export const DeadlineWhat = ({ deadline, caseName }: { deadline: TDeadline; caseName?: string | null }) => {
  const { t, tx } = useI18n();
  const path = recordPath(deadline);
  return (
    <span className="dl-what">
      <span className="dl-rule">{t(RULE_LABEL[deadline.rule])}</span>
      {path ? (
        <Link className="dl-record" to={path}>
          {tx(deadline.label)}
        </Link>
      ) : (
        <span className="dl-record">{tx(deadline.label)}</span>
      )}
      {caseName ? (
        <span className="dl-case">
          {t("deadlines.caseLabel")}: {caseName}
        </span>
      ) : null}
    </span>
  );
};
