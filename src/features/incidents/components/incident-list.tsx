import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import { useUrlFilters } from "@/lib/use-url-filters";
import type { TIncidentSummary } from "@/shared/schemas/incident";
import { FILTER_KEYS, incidentQueries, parseFilters } from "../api/queries";
import { ImpactTotalValue, useTotalLabel, useTotalText } from "./impact-total";
import { NewIncidentLink } from "./incident-edit-links";
import { IncidentFilters } from "./incident-filters";
import { useOrganisationWords } from "./use-organisation-words";
import "./incidents.css";

/** /incidents: every incident with its filters in the address, so a filtered list can be shared. */
export const IncidentList = () => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors");
  const words = useOrganisationWords();
  const totalLabel = useTotalLabel(words.population);
  const totalText = useTotalText();
  // The table waits for the names it shows (vendors, cases, populations): a name replacing its id would
  // rewrap the rows and move the footnote.
  const vendors = useQuery(referenceQueries.vendors());
  const cases = useQuery(incidentQueries.cases());
  const { filters, setFilter, clear } = useUrlFilters(FILTER_KEYS, parseFilters);
  const query = useQuery(incidentQueries.list(filters));
  const caseTitle = (id: string) => {
    const c = cases.data?.items.find((x) => x.id === id);
    return c ? tx(c.title) : id;
  };
  // The chain from the organisation's own contractor down to where it happened, then anyone else answerable.
  const chainText = (row: TIncidentSummary) => row.chain.map(names.vendor).join(" → ");
  const othersText = (row: TIncidentSummary) =>
    row.vendorIds
      .filter((id) => !row.chain.includes(id))
      .map(names.vendor)
      .join(t("incidents.listSeparator"));
  const vendorsCsv = (row: TIncidentSummary) =>
    [chainText(row), othersText(row) ? t("incidents.alsoAnswerable", { names: othersText(row) }) : ""]
      .filter(Boolean)
      .join(" ");
  const affectedCsv = (row: TIncidentSummary) =>
    row.affected.length === 0
      ? t("common.notReported")
      : row.affected.map((a) => `${totalLabel(a)} ${totalText(a)}`).join(" / ");
  const columns: TColumn<TIncidentSummary>[] = [
    {
      key: "number",
      header: t("incidents.colNumber"),
      render: (r) => <span className="nowrap">{t("incidents.incidentNumber", { n: r.number })}</span>,
      csv: (r) => r.number,
    },
    {
      key: "title",
      header: t("incidents.colTitle"),
      render: (r) => (
        <Link className="incident-title-cell" to={`/incidents/${r.id}`}>
          {tx(r.title)}
        </Link>
      ),
      csv: (r) => tx(r.title),
    },
    {
      key: "case",
      header: t("incidents.colCase"),
      render: (r) => <span className="incident-case">{caseTitle(r.caseId)}</span>,
      csv: (r) => caseTitle(r.caseId),
    },
    {
      key: "category",
      header: t("incidents.colCategory"),
      render: (r) => <span className="incident-category">{t(`domain.category.${r.category}`)}</span>,
      csv: (r) => t(`domain.category.${r.category}`),
    },
    {
      key: "vendors",
      header: t("incidents.colChain"),
      render: (r) => (
        <>
          {r.chain.length > 0 ? <span className="incident-chain">{chainText(r)}</span> : <NotReported />}
          {othersText(r) ? (
            <span className="incident-others">{t("incidents.alsoAnswerable", { names: othersText(r) })}</span>
          ) : null}
        </>
      ),
      csv: vendorsCsv,
    },
    {
      key: "fiscalYear",
      header: t("incidents.colFiscalYear"),
      render: (r) => <span className="incident-when">{f.fiscalYear(r.fiscalYear)}</span>,
      csv: (r) => r.fiscalYear,
    },
    {
      key: "firstDate",
      header: t("incidents.colFirstDate"),
      render: (r) => (
        <span className="incident-when">{r.firstDate ? f.date(r.firstDate) : t("common.dateUnknown")}</span>
      ),
      csv: (r) => r.firstDate ?? "",
    },
    {
      key: "affected",
      header: t("incidents.colAffected"),
      align: "end",
      render: (r) =>
        r.affected.length === 0 ? (
          <NotReported />
        ) : (
          <ul className="affected-lines">
            {r.affected.map((a) => (
              <li key={`${a.unit}:${a.populationId ?? ""}`}>
                <span className="affected-who">{totalLabel(a)}</span> <ImpactTotalValue total={a} />
              </li>
            ))}
          </ul>
        ),
      csv: affectedCsv,
    },
    {
      key: "status",
      header: t("incidents.colStatus"),
      render: (r) => (
        <span className={`status-chip status-${r.status}`}>{t(`domain.incidentStatus.${r.status}`)}</span>
      ),
      csv: (r) => t(`domain.incidentStatus.${r.status}`),
    },
  ];

  return (
    <div className="incidents-page">
      <PageHeader
        title={t("incidents.listTitle")}
        lead={t("incidents.listLead")}
        actions={
          <>
            <NewIncidentLink />
            <PrintButton />
          </>
        }
      />
      <IncidentFilters filters={filters} onChange={setFilter} onClear={clear} />
      <QueryState
        query={query}
        waitFor={[vendors, cases, words.query]}
        minHeight="var(--inc-list-height)"
        isEmpty={(d) => d.items.length === 0}
        empty={<p>{t("incidents.listEmpty")}</p>}
      >
        {(data) => (
          <DataTable
            caption={t("incidents.listCaption", { count: data.total })}
            rows={data.items}
            columns={columns}
            rowKey={(r) => r.id}
            csvName="incidents"
          />
        )}
      </QueryState>
      <p className="incidents-footnote">{t("incidents.listFootnote")}</p>
    </div>
  );
};
