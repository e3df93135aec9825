import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ClearFiltersButton } from "@/components/filter-bar";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { ApiError } from "@/lib/api-client";
import { CSV_TYPE, downloadText } from "@/lib/download";
import { parseAsOf } from "@/lib/url-params";
import { useUrlFilters } from "@/lib/use-url-filters";
import type { TResponseOf } from "@/shared/contract";
import { ZId } from "@/shared/schemas/common";
import { commitmentQueries, FILTER_KEYS, parseFilters } from "../api/queries";
import { AddCommitment } from "./commitment-actions";
import { CommitmentCard } from "./commitment-card";
import { CommitmentFilters } from "./commitment-filters";
import { CommitmentSummary } from "./commitment-summary";
import { CommitmentTable, commitmentsCsv } from "./commitment-table";
import { type TCommitmentNames, useCommitmentNames } from "./use-commitment-names";
import "./commitments.css";

/**
 * /commitments: every vendor promise and board demand, with its filters in the address so a filtered
 * view can be shared and survives reload and back. `?id=` opens one commitment (links from documents).
 */
export const CommitmentTracker = ({
  deadlines,
}: {
  /** A section the route places after the summary (every due date, overdue and due soon first). */
  deadlines?: (asOf: string) => ReactNode;
} = {}) => {
  const { t } = useI18n();
  const names = useCommitmentNames();
  const { params, update, filters, active, setFilter, clear } = useUrlFilters(FILTER_KEYS, parseFilters);
  const asOf = parseAsOf(params);
  const single = ZId.safeParse(params.get("id"));
  const view = params.get("view") === "table" ? "table" : "cards";
  const list = useQuery({ ...commitmentQueries.list(filters, asOf), enabled: !single.success });

  return (
    <div className="commitments-page">
      <PageHeader title={t("commitments.title")} lead={t("commitments.lead")} actions={<PrintButton />} />
      <AddCommitment names={names} />
      <CommitmentSummary
        vendorId={filters.vendorId}
        vendorName={filters.vendorId ? names.vendor(filters.vendorId) : undefined}
        asOf={asOf}
      />
      {deadlines?.(asOf)}
      {single.success ? (
        <SingleCommitment id={single.data} asOf={asOf} names={names} />
      ) : (
        <>
          <CommitmentFilters filters={filters} names={names} onChange={setFilter} onClear={clear} />
          <CommitmentResults
            filtersActive={active}
            overdueOnly={filters.overdue === "true"}
            query={list}
            view={view}
            onView={(v) => update({ view: v === "table" ? "table" : null })}
            onClear={clear}
            names={names}
          />
        </>
      )}
    </div>
  );
};

type TResultsProps = {
  filtersActive: boolean;
  overdueOnly: boolean;
  query: UseQueryResult<TResponseOf<"listCommitments">>;
  view: "cards" | "table";
  onView: (view: "cards" | "table") => void;
  onClear: () => void;
  names: TCommitmentNames;
};

const CommitmentResults = ({
  filtersActive,
  overdueOnly,
  query,
  view,
  onView,
  onClear,
  names,
}: TResultsProps) => {
  const i18n = useI18n();
  const { t, f } = i18n;
  const rows = query.data?.items ?? [];
  return (
    <section className="commitment-results" aria-labelledby="commitment-list-title">
      <div className="commitment-results-head">
        <h2 id="commitment-list-title">
          {t("commitments.listTitle")}{" "}
          {query.data ? (
            <span className="commitment-count" aria-live="polite">
              {filtersActive
                ? t("commitments.countFiltered", { n: f.number(query.data.total) })
                : t("commitments.count", { n: f.number(query.data.total) })}
            </span>
          ) : null}
        </h2>
        <div className="commitment-toolbar no-print">
          <fieldset className="view-toggle">
            <legend className="visually-hidden">{t("commitments.viewLabel")}</legend>
            <button
              type="button"
              className="button button-secondary"
              aria-pressed={view === "cards"}
              onClick={() => onView("cards")}
            >
              {t("commitments.viewCards")}
            </button>
            <button
              type="button"
              className="button button-secondary"
              aria-pressed={view === "table"}
              onClick={() => onView("table")}
            >
              {t("commitments.viewTable")}
            </button>
          </fieldset>
          <button
            type="button"
            className="button button-secondary"
            disabled={rows.length === 0}
            onClick={() => downloadText("commitments.csv", commitmentsCsv(rows, i18n, names), CSV_TYPE)}
          >
            {t("common.exportCsv")}
          </button>
        </div>
      </div>
      <QueryState
        query={query}
        waitFor={names.lists}
        minHeight="24rem"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <div className="commitment-empty">
            <p>{filtersActive ? t("commitments.emptyFiltered") : t("commitments.empty")}</p>
            {overdueOnly ? <p>{t("commitments.emptyOverdueHint")}</p> : null}
            {filtersActive ? <ClearFiltersButton onClear={onClear} /> : null}
          </div>
        }
      >
        {(data) =>
          view === "table" ? (
            <CommitmentTable rows={data.items} names={names} caption={t("commitments.tableCaption")} />
          ) : (
            <ol className="commitment-cards">
              {data.items.map((c) => (
                <li key={c.id}>
                  <CommitmentCard commitment={c} names={names} />
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
};

/** One commitment, opened from a link (a document's "cited by" list). */
const SingleCommitment = ({ id, asOf, names }: { id: string; asOf: string; names: TCommitmentNames }) => {
  const { t } = useI18n();
  const query = useQuery(commitmentQueries.detail(id, asOf));
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  return (
    <section className="commitment-results" aria-labelledby="commitment-single-title">
      <div className="commitment-single-head">
        <h2 id="commitment-single-title">{t("commitments.singleTitle")}</h2>
        <Link to="/commitments">{t("commitments.showAll")}</Link>
      </div>
      {notFound ? (
        <div className="state state-empty" role="status">
          <p>{t("commitments.notFound", { id })}</p>
        </div>
      ) : (
        <QueryState query={query} waitFor={names.lists} minHeight="20rem">
          {(c) => <CommitmentCard commitment={c} names={names} />}
        </QueryState>
      )}
    </section>
  );
};
