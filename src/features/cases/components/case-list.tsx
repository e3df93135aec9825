import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { EditorLink } from "@/components/editor-link";
import { ClearFiltersButton, FilterBar, FilterSelect } from "@/components/filter-bar";
import { ImpactTotals } from "@/components/impact-totals";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { EditorOnly } from "@/lib/edit-rights";
import { usePopulations } from "@/lib/population-counts";
import { useUrlFilters } from "@/lib/use-url-filters";
import { type TCase, ZCaseStatus } from "@/shared/schemas/case";
import type { TCaseLine } from "@/shared/schemas/stats";
import { caseQueries, parseCaseStatus } from "../api/queries";
import { CaseStatusChip, NextDeadline } from "./case-parts";
import "./cases.css";

type TRow = { case: TCase; line: TCaseLine | null };

const FILTER_KEYS = ["status"] as const;

/** /cases: every case (or those of one status) with its portfolio line and the way to its scoped overview. */
export const CaseList = () => {
  const i18n = useI18n();
  const { t, tx, f } = i18n;
  const populations = usePopulations(i18n);
  const { filters, setFilter, clear } = useUrlFilters(FILTER_KEYS, (params) => {
    const status = parseCaseStatus(params);
    return status ? { status } : {};
  });
  const query = useQuery(caseQueries.list(filters.status));

  const incidents = (r: TRow) => (r.line ? t("cases.incidentsCount", { n: f.number(r.line.incidents) }) : "");
  const affectedText = (r: TRow) =>
    r.line ? r.line.affected.map(populations.total).join(t("cases.listSeparator")) : "";
  const columns: TColumn<TRow>[] = [
    {
      key: "title",
      header: t("cases.colTitle"),
      render: (r) => (
        <>
          <Link to={`/cases/${r.case.id}`}>{tx(r.case.title)}</Link> <CaseStatusChip status={r.case.status} />
          {/* Its own overview, scoped to it: only a case with incidents has one to show. */}
          {r.line ? (
            <Link
              className="case-sub no-print"
              to={`/?caseId=${encodeURIComponent(r.case.id)}`}
              aria-label={t("cases.toOverviewNamed", { title: tx(r.case.title) })}
            >
              {t("cases.toOverview")}
            </Link>
          ) : null}
        </>
      ),
      csv: (r) => tx(r.case.title),
    },
    {
      key: "status",
      header: t("cases.colStatus"),
      // Shown beside the title, where it is read with it; a column of its own in the CSV.
      csvOnly: true,
      render: (r) => <CaseStatusChip status={r.case.status} />,
      csv: (r) => t(`domain.caseStatus.${r.case.status}`),
    },
    {
      key: "incidents",
      header: t("cases.colIncidents"),
      render: (r) =>
        r.line ? (
          <>
            <span className="nowrap">{incidents(r)}</span>
            {r.line.openIncidents > 0 ? (
              <span className="case-sub">
                {t("cases.incidentsOpen", { n: f.number(r.line.openIncidents) })}
              </span>
            ) : null}
          </>
        ) : (
          <span className="case-none">{t("cases.noIncidents")}</span>
        ),
      csv: (r) => r.line?.incidents ?? 0,
    },
    {
      key: "affected",
      header: t("cases.colAffected"),
      render: (r) => (r.line ? <ImpactTotals totals={r.line.affected} outside={r.line.outside} /> : null),
      csv: affectedText,
    },
    {
      key: "commitments",
      header: t("cases.colCommitments"),
      render: (r) =>
        r.line ? (
          <>
            <span className="nowrap">
              {t("cases.commitmentsOpen", { n: f.number(r.line.openCommitments) })}
            </span>
            {r.line.overdueCommitments > 0 ? (
              <span className="case-sub case-overdue-text">
                {t("cases.commitmentsOverdue", { n: f.number(r.line.overdueCommitments) })}
              </span>
            ) : null}
          </>
        ) : null,
      csv: (r) => r.line?.openCommitments ?? "",
    },
    {
      key: "deadline",
      header: t("cases.colNextDeadline"),
      render: (r) => (r.line ? <NextDeadline deadline={r.line.nextDeadline} /> : null),
      csv: (r) =>
        r.line?.nextDeadline ? `${r.line.nextDeadline.dueDate} ${tx(r.line.nextDeadline.label)}` : "",
    },
  ];

  return (
    <div className="cases-page">
      <PageHeader
        title={t("cases.listTitle")}
        lead={<p>{t("cases.listLead")}</p>}
        actions={
          <>
            <EditorLink to="/cases/new">{t("cases.newCase")}</EditorLink>
            <PrintButton />
          </>
        }
      />
      <FilterBar
        label={t("cases.filterLabel")}
        className="cases-filters"
        active={Boolean(filters.status)}
        onClear={clear}
      >
        <FilterSelect
          label={t("cases.filterStatus")}
          value={filters.status ?? ""}
          options={ZCaseStatus.options.map((s) => ({
            value: s,
            label: t(`domain.caseStatus.${s}`),
          }))}
          onChange={(v) => setFilter("status", v)}
          allLabel={t("cases.filterAll")}
        />
      </FilterBar>
      <QueryState
        query={query}
        waitFor={[populations.query]}
        minHeight="16rem"
        isEmpty={(d) => d.cases.length === 0}
        empty={
          filters.status ? (
            <>
              <p>{t("cases.listEmptyFiltered")}</p>
              <ClearFiltersButton onClear={clear} />
            </>
          ) : (
            <div className="cases-empty">
              <p>{t("cases.listEmpty")}</p>
              <EditorOnly>
                <p>{t("cases.listEmptyEditor")}</p>
                <p>
                  <Link className="button" to="/cases/new">
                    {t("cases.newCase")}
                  </Link>
                </p>
              </EditorOnly>
            </div>
          )
        }
      >
        {(data) => {
          const lineOf = new Map(data.lines.map((l) => [l.caseId, l]));
          const rows = data.cases.map((c) => ({ case: c, line: lineOf.get(c.id) ?? null }));
          return (
            <DataTable
              caption={t("cases.listCaption", { count: f.number(data.total) })}
              rows={rows}
              columns={columns}
              rowKey={(r) => r.case.id}
              csvName="cases"
            />
          );
        }}
      </QueryState>
      {query.data && query.data.cases.length > 0 ? (
        <p className="cases-footnote">{t("cases.footnote")}</p>
      ) : null}
    </div>
  );
};
