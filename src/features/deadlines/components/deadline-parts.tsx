import { Link } from "react-router";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TDeadline, TDeadlineRule, TDeadlineState } from "@/shared/schemas/deadline";

/*
 * The pieces every deadlines view shares: the state in words (未報告 looks like every other 未報告 in the
 * app, never like "met"), the due date with its guideline mark, the days left or late, and who owes it.
 */

export const RULE_LABEL: Record<TDeadlineRule, TMessageKey> = {
  APPI_PRELIM: "deadlines.rule.APPI_PRELIM",
  APPI_FINAL: "deadlines.rule.APPI_FINAL",
  APPI_NOTICE: "deadlines.rule.APPI_NOTICE",
  INS_FSA_LEAK: "deadlines.rule.INS_FSA_LEAK",
  FSA_PLAN: "deadlines.rule.FSA_PLAN",
  BOARD_REPORT: "deadlines.rule.BOARD_REPORT",
  VENDOR_PROMISE: "deadlines.rule.VENDOR_PROMISE",
};

export const STATE_LABEL: Record<TDeadlineState, TMessageKey> = {
  met: "deadlines.state.met",
  late: "deadlines.state.late",
  overdue: "deadlines.state.overdue",
  due_soon: "deadlines.state.due_soon",
  upcoming: "deadlines.state.upcoming",
  not_reported: "deadlines.state.not_reported",
  done_no_due: "deadlines.state.done_no_due",
};

/** What the board must act on or cannot judge; the rest is settled or not yet due. */
export const needsAttention = (d: TDeadline) =>
  d.state === "overdue" || d.state === "due_soon" || d.state === "not_reported";

export const StateChip = ({ deadline }: { deadline: TDeadline }) => {
  const { t } = useI18n();
  const why = deadline.missing ? t(`deadlines.missing.${deadline.missing}` as TMessageKey) : undefined;
  if (deadline.state === "not_reported") {
    // The app's one look for 未報告: a dashed badge, with what is missing for screen readers and on hover.
    return (
      <span className="not-reported dl-chip" title={why}>
        {t(STATE_LABEL.not_reported)}
        {why ? <span className="visually-hidden">{`: ${why}`}</span> : null}
      </span>
    );
  }
  return (
    <span className={`status-chip dl-chip dl-state-${deadline.state}`}>{t(STATE_LABEL[deadline.state])}</span>
  );
};

/** "あと5日" / "12日超過" / "本日が期限"; nothing once done or when it cannot be judged. */
export const DaysText = ({ deadline }: { deadline: TDeadline }) => {
  const { t, f } = useI18n();
  const n = deadline.daysLeft;
  if (n === null || !["overdue", "due_soon", "upcoming"].includes(deadline.state)) return null;
  if (n === 0) return <span className="dl-days dl-days-today">{t("deadlines.dueToday")}</span>;
  if (n < 0) {
    return (
      <span className="dl-days dl-days-late">
        {t(n === -1 ? "deadlines.daysLateOne" : "deadlines.daysLate", { n: f.number(-n) })}
      </span>
    );
  }
  return (
    <span className="dl-days">
      {t(n === 1 ? "deadlines.daysLeftOne" : "deadlines.daysLeft", { n: f.number(n) })}
    </span>
  );
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

/** Who owes it: the vendor, or the association itself (its reports to the board). */
export const useWhose = () => {
  const { t } = useI18n();
  const names = useReferenceNames("vendors");
  return (d: TDeadline) => (d.vendorId ? names.vendor(d.vendorId) : t("deadlines.association"));
};

/** Where the record behind a deadline is: the commitment, the incident, or the vendor's regulatory record. */
export const recordPath = (d: TDeadline): string | null => {
  if (d.commitmentId) return `/commitments?id=${encodeURIComponent(d.commitmentId)}`;
  if (d.incidentId) return `/incidents/${encodeURIComponent(d.incidentId)}`;
  if (d.vendorId) return `/vendors/${encodeURIComponent(d.vendorId)}`;
  return null;
};

/** The rule in words and, linked, the record it applies to. */
export const DeadlineWhat = ({ deadline }: { deadline: TDeadline }) => {
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
    </span>
  );
};
