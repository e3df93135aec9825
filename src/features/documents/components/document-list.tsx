import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { ClearFiltersButton } from "@/components/filter-bar";
import { OutsideMark } from "@/components/outside-mark";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { useUrlFilters } from "@/lib/use-url-filters";
import type { TSourceDocument } from "@/shared/schemas/document";
import { documentQueries, FILTER_KEYS, parseFilters } from "../api/queries";
import { NewDocumentLink } from "./document-edit-links";
import { DocumentFilters } from "./document-filters";
import { DocumentUrl } from "./document-url";
import { useIssuerNames } from "./use-issuer-names";
import "./documents.css";

/**
 * /documents: the organisation's record (the vendors' reports, its own notices and minutes…) and, kept
 * apart, the published sources from outside the record that give context. Filters live in the address.
 */
export const DocumentList = () => {
  const { t } = useI18n();
  const { filters, active, setFilter, clear } = useUrlFilters(FILTER_KEYS, parseFilters);
  const query = useQuery(documentQueries.list(filters));
  // Issuers are named (the association, a vendor): the tables wait for those lists (shared cache), or
  // their rows would rewrap when the names replace the ids.
  const organisation = useQuery(referenceQueries.organisation());
  const vendors = useQuery(referenceQueries.vendors());

  return (
    <div className="documents-page">
      <PageHeader
        title={t("documents.title")}
        lead={t("documents.lead")}
        actions={
          <>
            <NewDocumentLink />
            <PrintButton />
          </>
        }
      />
      <DocumentFilters filters={filters} onChange={setFilter} onClear={clear} />
      <QueryState
        query={query}
        waitFor={[organisation, vendors]}
        minHeight="var(--documents-list-height)"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <div>
            <p>{active ? t("documents.emptyFiltered") : t("documents.empty")}</p>
            {active ? <ClearFiltersButton onClear={clear} /> : null}
          </div>
        }
      >
        {(data) => {
          const inside = data.items.filter((d) => !d.outsideRecord);
          const outside = data.items.filter((d) => d.outsideRecord);
          return (
            <>
              {inside.length > 0 ? (
                <section className="panel document-group" aria-labelledby="documents-record-title">
                  <h2 id="documents-record-title">
                    {t("documents.groupRecord")}{" "}
                    <span className="document-group-count">{t("documents.count", { n: inside.length })}</span>
                  </h2>
                  <p className="document-group-note">{t("documents.groupRecordNote")}</p>
                  <DocumentTable
                    rows={inside}
                    caption={t("documents.groupRecord")}
                    csvName="documents-record"
                  />
                </section>
              ) : null}
              {outside.length > 0 ? (
                <section
                  className="panel document-group document-group-outside"
                  aria-labelledby="documents-outside-title"
                >
                  <h2 id="documents-outside-title">
                    {t("documents.groupOutside")}{" "}
                    <span className="document-group-count">
                      {t("documents.count", { n: outside.length })}
                    </span>
                  </h2>
                  <p className="document-group-note">{t("documents.groupOutsideNote")}</p>
                  <DocumentTable
                    rows={outside}
                    caption={t("documents.groupOutside")}
                    csvName="documents-outside-record"
                    outside
                  />
                </section>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
};

const DocumentTable = ({
  rows,
  caption,
  csvName,
  outside = false,
}: {
  rows: TSourceDocument[];
  caption: string;
  csvName: string;
  outside?: boolean;
}) => {
  const { t, tx, f } = useI18n();
  const names = useIssuerNames();
  const date = (d: TSourceDocument) => (d.date ? f.date(d.date) : t("common.dateUnknown"));
  const kind = (d: TSourceDocument) => t(`domain.documentKind.${d.kind}`);
  const columns: TColumn<TSourceDocument>[] = [
    {
      key: "label",
      header: t("documents.colLabel"),
      render: (d) => (
        <>
          <Link className="document-label" to={`/documents/${d.id}`}>
            {tx(d.label)}
          </Link>
          {d.outsideRecord ? <OutsideMark /> : null}
        </>
      ),
      csv: (d) => tx(d.label),
    },
    {
      key: "title",
      header: t("documents.colTitle"),
      render: (d) => (
        <>
          {tx(d.title)}
          {d.url ? (
            <span className="cell-block document-list-url no-print">
              <DocumentUrl url={d.url} label={t("documents.openOnline")} />
            </span>
          ) : null}
        </>
      ),
      // A spreadsheet gets the address itself after the title.
      csv: (d) => (d.url ? `${tx(d.title)} ${d.url}` : tx(d.title)),
    },
    {
      key: "issuer",
      header: outside ? t("documents.colPublisher") : t("documents.colIssuer"),
      render: names.issuer,
      csv: names.issuer,
    },
    {
      key: "date",
      header: t("documents.colDate"),
      render: (d) => (
        <span className={d.date ? "document-date" : "document-date date-unknown"}>{date(d)}</span>
      ),
      // The CSV keeps the record's own precision: 2025-08 stays a month.
      csv: (d) => d.date ?? t("common.dateUnknown"),
    },
    {
      key: "kind",
      header: t("documents.colKind"),
      render: (d) => <span className="document-kind">{kind(d)}</span>,
      csv: kind,
    },
  ];
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(d) => d.id}
      csvName={csvName}
      columns={columns}
    />
  );
};
