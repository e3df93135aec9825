import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { DataTable, type TColumn } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import { SourceRef } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { referenceQueries } from "@/lib/reference-queries";
import type { TDeadline, TDeadlineRule } from "@/shared/schemas/deadline";
import { deadlineQueries } from "../api/queries";
import {
  DaysText,
  DeadlineNotReported,
  DueDate,
  RULE_LABEL,
  StateChip,
  stateLabel,
  useWhose,
  Whose,
} from "./deadline-parts";
import "./deadlines.css";

/** The statutory clocks in the order they fall due; the vendor's own promises are on the commitments. */
const CLOCK_ORDER: TDeadlineRule[] = [
  "APPI_PRELIM",
  "INS_FSA_LEAK",
  "APPI_FINAL",
  "APPI_NOTICE",
  "BOARD_REPORT",
];
const PERSONAL_DATA_RULES: TDeadlineRule[] = ["APPI_PRELIM", "INS_FSA_LEAK", "APPI_FINAL", "APPI_NOTICE"];

/**
 * What starts a clock: for the statutory ones, it depends on whose duty it is; the board-report clock of
 * an incident the board never heard of runs from the day the organisation learned of it, not from a report.
 */
export const startLabel = (d: Pick<TDeadline, "rule" | "owner" | "startEvent">): TPlainKey => {
  if (d.rule === "BOARD_REPORT" && d.startEvent === "learned") return "deadlines.start.BOARD_REPORT.learned";
  return d.rule === "BOARD_REPORT" || d.rule === "FSA_PLAN" || d.rule === "VENDOR_PROMISE"
    ? `deadlines.start.${d.rule}`
    : `deadlines.start.statutory.${d.owner}`;
};

/**
 * /incidents/:id — which statutory clocks apply to the incident, whose duty each is (the organisation's
 * own as 委託元, or the vendor's, named from the record), when each started and falls due (with its legal
 * basis as the API gives it for the organisation's legal form, and a mark where the day comes from a
 * guideline), the day it was done, and whether that met the deadline. With no date the answer is 未報告,
 * never "met".
 */
export const IncidentClocks = ({ incidentId, asOf }: { incidentId: string; asOf: string }) => {
  const { t, f } = useI18n();
  const id = useId();
  const query = useQuery(deadlineQueries.list({ asOf, incidentId }));
  const vendors = useQuery(referenceQueries.vendors());
  const organisation = useQuery(referenceQueries.organisation());
  const columns = useClockColumns();
  return (
    <section className="panel dl-clocks" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("deadlines.clocksTitle")}</h2>
      <p className="dl-lead">{t("deadlines.clocksLead")}</p>
      <QueryState query={query} waitFor={[vendors, organisation]} minHeight="14rem">
        {(d) => {
          const clocks = d.items
            .filter((i) => CLOCK_ORDER.includes(i.rule))
            .sort((a, b) => CLOCK_ORDER.indexOf(a.rule) - CLOCK_ORDER.indexOf(b.rule));
          const personal = clocks.some((c) => PERSONAL_DATA_RULES.includes(c.rule));
          return (
            <>
              {personal ? null : <p className="dl-not-applicable">{t("deadlines.clocksNotApplicable")}</p>}
              {clocks.length === 0 ? (
                <p className="dl-none">{t("deadlines.clocksNone")}</p>
              ) : (
                <DataTable
                  caption={t("deadlines.clocksCaption", { n: f.number(clocks.length) })}
                  rows={clocks}
                  columns={columns}
                  rowKey={(r) => r.key}
                  csvName={`incident-${incidentId}-deadlines-${d.asOf}`}
                />
              )}
              {clocks.some((c) => c.guideline) ? (
                <p className="dl-footnote">
                  <span className="figure-tag">{t("deadlines.guideline")}</span>{" "}
                  {t("deadlines.guidelineTitle")}
                </p>
              ) : null}
              {clocks.some((c) => c.state === "not_reported") ? (
                <p className="dl-footnote">
                  <NotReported /> {t("deadlines.clocksNotReportedNote")}
                </p>
              ) : null}
              <p className="dl-footnote">
                {t("deadlines.dayCountingNote", {
                  mode: t(`deadlines.dayCounting.${d.dayCounting}`),
                })}{" "}
                <span className="dl-asof">{t("deadlines.asOf", { date: f.date(d.asOf) })}</span>
              </p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
};

const useClockColumns = (): TColumn<TDeadline>[] => {
  const { t, tx, f } = useI18n();
  const whose = useWhose();
  return [
    {
      key: "rule",
      header: t("deadlines.colRule"),
      render: (r) => (
        <div className="dl-clock-rule">
          <strong>{t(RULE_LABEL[r.rule])}</strong>
          <span className="dl-clock-to">{t(`deadlines.to.${r.rule}`)}</span>
          <span className="dl-basis">{tx(r.basis)}</span>
        </div>
      ),
      csv: (r) => `${t(RULE_LABEL[r.rule])} (${tx(r.basis)})`,
    },
    {
      key: "whose",
      header: t("deadlines.colWhose"),
      render: (r) => <Whose deadline={r} />,
      csv: (r) => (r.owner === "vendor" ? `${t("deadlines.owner.vendor")}: ${whose.text(r)}` : whose.text(r)),
    },
    {
      key: "due",
      header: t("deadlines.colDue"),
      render: (r) => <DueDate deadline={r} />,
      csv: (r) => r.dueDate,
    },
    {
      key: "reported",
      header: t("deadlines.colReported"),
      render: (r) => {
        if (r.doneDate) {
          return (
            <span className="dl-done">
              <span className="nowrap">{f.date(r.doneDate)}</span>
              <span className="dl-clock-note">
                {r.owner === "organisation" ? t("deadlines.doneFromRecord") : t("deadlines.doneFromVendor")}
              </span>
            </span>
          );
        }
        // The board report is met by the next report to the board itself: there is no filing to date.
        if (r.rule === "BOARD_REPORT") return <span className="dl-na">{t("deadlines.notApplicable")}</span>;
        if (r.state === "not_reported") return <DeadlineNotReported deadline={r} missing="done_date" />;
        return <span className="dl-na">{t("deadlines.notDone")}</span>;
      },
      csv: (r) =>
        r.doneDate ??
        (r.rule === "BOARD_REPORT"
          ? t("deadlines.notApplicable")
          : r.state === "not_reported"
            ? t("common.notReported")
            : t("deadlines.notDone")),
    },
    {
      key: "state",
      header: t("deadlines.colState"),
      render: (r) => (
        <div className="dl-clock-state">
          <StateChip deadline={r} />
          <DaysText deadline={r} />
        </div>
      ),
      csv: (r) => t(stateLabel(r)),
    },
    {
      key: "start",
      header: t("deadlines.colStart"),
      render: (r) => (
        <div className="dl-clock-start">
          {r.startDate ? (
            <span className="nowrap">{f.date(r.startDate)}</span>
          ) : (
            <DeadlineNotReported deadline={r} missing="start_date" />
          )}
          <span className="dl-clock-note">{t(startLabel(r))}</span>
          {r.source ? <SourceRef source={r.source} compact /> : null}
        </div>
      ),
      csv: (r) => r.startDate,
    },
  ];
};
