import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useLocation, useSearchParams } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import type { TDeadline, TDeadlines } from "@/shared/schemas/deadline";
import { DUE_SOON_DAYS, deadlineQueries } from "../api/queries";
import {
  DaysText,
  DeadlineNotReported,
  DeadlineWhat,
  DueDate,
  RULE_LABEL,
  StateChip,
  stateLabel,
  useCaseName,
  useWhose,
  Whose,
} from "./deadline-parts";
import "./deadlines.css";

/** The section's anchor; `?deadlines=all` opens the full list (the overview's "more" links there). */
export const DEADLINES_ANCHOR = "deadlines";

/**
 * The commitments tracker's deadlines: every due date the record gives rise to — the organisation's own
 * filings and notice, the vendors' filings and promised dates, the plans due under business improvement
 * orders and the board's three-month reports — each with whose duty it is. What is overdue or due within
 * the window is listed; the full list (未報告, not yet due, done) is one click away and has its own
 * address. The API answers a page (most pressing first) and the total: the page says how many it shows,
 * and the rest are one more click away.
 */
export const DeadlinesSection = ({ asOf }: { asOf: string }) => {
  const { t, f } = useI18n();
  const query = useQuery(deadlineQueries.list({ asOf }));
  const vendors = useQuery(referenceQueries.vendors());
  const organisation = useQuery(referenceQueries.organisation());
  const cases = useCaseName().query;
  const location = useLocation();
  const section = useRef<HTMLElement>(null);
  const loaded = query.isSuccess;
  // Links land on #deadlines; parts above it load on their own, so scroll once its data is in too.
  useEffect(() => {
    if (loaded && location.hash === `#${DEADLINES_ANCHOR}`)
      section.current?.scrollIntoView({ block: "start" });
  }, [loaded, location.hash]);
  return (
    <section
      ref={section}
      id={DEADLINES_ANCHOR}
      className="panel dl-section"
      aria-labelledby={`${DEADLINES_ANCHOR}-title`}
    >
      <h2 id={`${DEADLINES_ANCHOR}-title`}>
        {t("deadlines.sectionTitle", { days: f.number(query.data?.withinDays ?? DUE_SOON_DAYS) })}
      </h2>
      <p className="dl-lead">{t("deadlines.sectionLead")}</p>
      <QueryState query={query} waitFor={[vendors, organisation, cases]} minHeight="12rem">
        {(d) => <SectionBody deadlines={d} />}
      </QueryState>
    </section>
  );
};

const SectionBody = ({ deadlines: d }: { deadlines: TDeadlines }) => {
  const { t, f } = useI18n();
  const columns = useDeadlineColumns();
  const [params, setParams] = useSearchParams();
  const showAll = params.get("deadlines") === "all";
  const days = f.number(d.withinDays);
  const urgent = d.items.filter((i) => i.state === "overdue" || i.state === "due_soon");
  const toggle = (open: boolean) => {
    if (open === showAll) return;
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (open) next.set("deadlines", "all");
        else next.delete("deadlines");
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  return (
    <>
      <p className="dl-summary">
        <span className={`dl-summary-item${d.counts.overdue > 0 ? " dl-summary-overdue" : ""}`}>
          {t("deadlines.countOverdue")}{" "}
          <strong>{t("deadlines.countValue", { n: f.number(d.counts.overdue) })}</strong>
        </span>
        <span className="dl-summary-item">
          {t("deadlines.countDueSoon", { days })}{" "}
          <strong>{t("deadlines.countValue", { n: f.number(d.counts.dueSoon) })}</strong>
        </span>
        <span className="dl-summary-item">
          {t("deadlines.countNotReported")}{" "}
          <strong>{t("deadlines.countValue", { n: f.number(d.counts.notReported) })}</strong>
        </span>
      </p>
      {urgent.length === 0 ? (
        <p className="dl-none">{t("deadlines.sectionNone", { days })}</p>
      ) : (
        <DataTable
          caption={t("deadlines.sectionCaption", { days, n: f.number(urgent.length), date: f.date(d.asOf) })}
          rows={urgent}
          columns={columns}
          rowKey={(r) => r.key}
          csvName={`deadlines-urgent-${d.asOf}`}
        />
      )}
      {d.counts.notReported > 0 ? (
        <p className="dl-footnote">
          <NotReported /> {t("deadlines.countNotReportedNote")}
        </p>
      ) : null}
      {d.total > 0 ? (
        <details className="dl-others" open={showAll} onToggle={(e) => toggle(e.currentTarget.open)}>
          <summary>{t("deadlines.sectionOthers", { n: f.number(d.total) })}</summary>
          {showAll ? <EveryDeadline page={d} /> : null}
        </details>
      ) : null}
      <p className="dl-footnote">
        {t("deadlines.dayCountingNote", { mode: t(`deadlines.dayCounting.${d.dayCounting}`) })}
      </p>
    </>
  );
};

/**
 * Every deadline: the first page at once, with "N件中M件" when the record has more, and the rest read on
 * demand (page by page), so no deadline is ever out of reach.
 */
const EveryDeadline = ({ page }: { page: TDeadlines }) => {
  const { t, f } = useI18n();
  const columns = useDeadlineColumns();
  const [everything, setEverything] = useState(false);
  const every = useQuery({ ...deadlineQueries.every({ asOf: page.asOf }), enabled: everything });
  const shown = everything && every.data ? every.data : page;
  const rest = shown.total - shown.items.length;
  return (
    <>
      <DataTable
        caption={t("deadlines.othersCaption", { n: f.number(shown.total) })}
        rows={shown.items}
        columns={columns}
        rowKey={(r) => r.key}
        csvName={`deadlines-${shown.asOf}`}
      />
      {rest > 0 ? (
        <p className="dl-page">
          <span role="status">
            {t("deadlines.pageShown", { total: f.number(shown.total), n: f.number(shown.items.length) })}
          </span>{" "}
          <button
            type="button"
            className="button button-secondary"
            disabled={every.isFetching}
            aria-busy={every.isFetching || undefined}
            onClick={() => (everything ? void every.refetch() : setEverything(true))}
          >
            {every.isFetching ? t("deadlines.loadingEvery") : t("deadlines.showEvery", { n: f.number(rest) })}
          </button>
        </p>
      ) : null}
      {every.isError ? (
        <p className="form-error" role="alert">
          {t("common.errorTitle")}
        </p>
      ) : null}
    </>
  );
};

const useDeadlineColumns = (): TColumn<TDeadline>[] => {
  const { t, tx, f } = useI18n();
  const whose = useWhose();
  const cases = useCaseName();
  // The case is named only when the deadlines span more than one.
  const manyCases = (cases.query.data?.items.length ?? 0) > 1;
  const caseOf = (r: TDeadline) => (manyCases ? cases.name(r.caseId) : null);
  return [
    {
      key: "state",
      header: t("deadlines.colState"),
      render: (r) => <StateChip deadline={r} />,
      csv: (r) => t(stateLabel(r)),
    },
    {
      key: "what",
      header: t("deadlines.colWhat"),
      render: (r) => <DeadlineWhat deadline={r} caseName={caseOf(r)} />,
      csv: (r) =>
        [`${t(RULE_LABEL[r.rule])}: ${tx(r.label)}`, caseOf(r)].filter((x) => x !== null).join(" / "),
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
      csv: (r) => (r.dueDate ? `${r.dueDate}${r.guideline ? ` (${t("deadlines.guideline")})` : ""}` : null),
    },
    {
      key: "days",
      header: t("deadlines.colDays"),
      render: (r) => <DaysText deadline={r} />,
      csv: (r) => r.daysLeft,
      align: "end",
    },
    {
      key: "done",
      header: t("deadlines.colDone"),
      render: (r) =>
        r.doneDate ? (
          <span className="nowrap">{f.date(r.doneDate)}</span>
        ) : r.state === "not_reported" ? (
          <DeadlineNotReported deadline={r} />
        ) : (
          <span className="dl-na">{t("deadlines.notDone")}</span>
        ),
      csv: (r) =>
        r.doneDate ?? (r.state === "not_reported" ? t("common.notReported") : t("deadlines.notDone")),
    },
  ];
};
