import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable } from "@/components/data-table";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import type { TSourceDocument } from "@/shared/schemas/document";

/**
 * The documents the record links to this incident, published context marked as outside the record; a
 * document that can be read online opens from its title.
 */
export const IncidentDocuments = ({
  incidentId,
  documentIds,
}: {
  incidentId: string;
  documentIds: string[];
}) => {
  const { t, tx, f } = useI18n();
  const query = useQuery(referenceQueries.documents());
  const kind = (d: TSourceDocument) => t(`domain.documentKind.${d.kind}`);
  return (
    <section className="panel incident-section" aria-labelledby="documents-title">
      <h2 id="documents-title">{t("incidents.sectionDocuments")}</h2>
      {documentIds.length === 0 ? (
        <p>{t("incidents.documentsNone")}</p>
      ) : (
        <QueryState query={query} minHeight="8rem">
          {(data) => {
            const byId = new Map(data.items.map((d) => [d.id, d]));
            const rows = documentIds.map((id) => byId.get(id)).filter((d): d is TSourceDocument => !!d);
            return (
              <DataTable
                caption={t("incidents.documentsCaption")}
                captionHidden
                rows={rows}
                rowKey={(d) => d.id}
                csvName={`${incidentId}-documents`}
                columns={[
                  {
                    key: "label",
                    header: t("incidents.colDocument"),
                    render: (d) => (
                      <>
                        <Link to={`/documents/${d.id}`}>{tx(d.label)}</Link>
                        {d.outsideRecord ? <OutsideMark /> : null}
                      </>
                    ),
                    csv: (d) => tx(d.label),
                  },
                  {
                    key: "title",
                    header: t("incidents.colDocTitle"),
                    render: (d) =>
                      d.url ? (
                        <a href={d.url} target="_blank" rel="noopener noreferrer">
                          {tx(d.title)}
                          <span className="visually-hidden"> {t("incidents.opensElsewhere")}</span>
                        </a>
                      ) : (
                        tx(d.title)
                      ),
                    csv: (d) => (d.url ? `${tx(d.title)} <${d.url}>` : tx(d.title)),
                  },
                  { key: "kind", header: t("incidents.colKind"), render: kind, csv: kind },
                  {
                    key: "date",
                    header: t("incidents.colDate"),
                    render: (d) => (
                      <span className="nowrap">{d.date ? f.date(d.date) : t("common.dateUnknown")}</span>
                    ),
                    csv: (d) => d.date ?? "",
                  },
                ]}
              />
            );
          }}
        </QueryState>
      )}
    </section>
  );
};
