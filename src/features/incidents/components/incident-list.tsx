import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { NumberValue } from "@/components/figure-value";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import { useUrlFilters } from "@/lib/use-url-filters";
import type { TIncidentSummary } from "@/shared/schemas/incident";
import { FILTER_KEYS, incidentQueries, parseFilters } from "../api/queries";
import { NewIncidentLink } from "./incident-edit-links";
import { IncidentFilters } from "./incident-filters";
import "./incidents.css";

/** /incidents: every incident with its filters in the address, so a filtered list can be shared. */
export const IncidentList = () => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  // The table waits for the vendors' names (the same list, shared cache): a name replacing its id would
  // rewrap the rows and move the footnote.
  const vendors = useQuery(referenceQueries.vendors());
  const { filters, setFilter, clear } = useUrlFilters(FILTER_KEYS, parseFilters);
  const query = useQuery(incidentQueries.list(filters));

  const vendorList = (row: TIncidentSummary) =>
    row.vendorIds.map(names.vendor).join(t("incidents.listSeparator"));
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
      render: (r) => <Link to={`/incidents/${r.id}`}>{tx(r.title)}</Link>,
      csv: (r) => tx(r.title),
    },
    {
      key: "category",
      header: t("incidents.colCategory"),
      render: (r) => t(`domain.category.${r.category}` as TMessageKey),
      csv: (r) => t(`domain.category.${r.category}` as TMessageKey),
    },
    { key: "vendors", header: t("incidents.colVendors"), render: vendorList, csv: vendorList },
    {
      key: "fiscalYear",
      header: t("incidents.colFiscalYear"),
      render: (r) => f.fiscalYear(r.fiscalYear),
      csv: (r) => r.fiscalYear,
    },
    {
      key: "firstDate",
      header: t("incidents.colFirstDate"),
      render: (r) => (r.firstDate ? f.date(r.firstDate) : t("common.dateUnknown")),
      csv: (r) => r.firstDate ?? "",
    },
    {
      key: "affected",
      header: t("incidents.colAffected"),
      align: "end",
      render: (r) => <NumberValue value={r.affectedTotal} unit="people" />,
      csv: (r) => r.affectedTotal ?? t("common.notReported"),
    },
    {
      key: "status",
      header: t("incidents.colStatus"),
      render: (r) => (
        <span className={`status-chip status-${r.status}`}>
          {t(`domain.incidentStatus.${r.status}` as TMessageKey)}
        </span>
      ),
      csv: (r) => t(`domain.incidentStatus.${r.status}` as TMessageKey),
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
        waitFor={[vendors]}
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
