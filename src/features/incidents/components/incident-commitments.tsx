import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable } from "@/components/data-table";
import { QueryState } from "@/components/query-state";
import { sourceColumn } from "@/components/source-column";
import { useI18n } from "@/i18n/i18n";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import { incidentQueries } from "../api/queries";

/** The vendor's promises and the board's demands about this incident, and whether they are kept. */
export const IncidentCommitments = ({ incidentId }: { incidentId: string }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  const query = useQuery(incidentQueries.commitments(incidentId));
  const kind = (c: TCommitmentView) => t(`domain.commitmentKind.${c.kind}`);
  const status = (c: TCommitmentView) => t(`domain.commitmentStatus.${c.status}`);
  const owedBy = (c: TCommitmentView) => c.owedByIds.map(names.vendor).join(t("incidents.listSeparator"));
  return (
    <section className="panel incident-section" aria-labelledby="commitments-title">
      <h2 id="commitments-title">{t("incidents.sectionCommitments")}</h2>
      {/* The height is held only while loading: an incident without commitments takes one line. */}
      <QueryState query={query} minHeight="var(--inc-commitments-height)">
        {(data) =>
          data.items.length === 0 ? (
            <p>{t("incidents.commitmentsNone")}</p>
          ) : (
            <DataTable
              caption={t("incidents.commitmentsCaption", { count: data.total })}
              captionHidden
              rows={data.items}
              rowKey={(c) => c.id}
              csvName={`${incidentId}-commitments`}
              columns={[
                { key: "kind", header: t("incidents.colKind"), render: kind, csv: kind },
                {
                  key: "text",
                  header: t("incidents.colCommitment"),
                  render: (c) => (
                    <>
                      {/* The tracker shows its card, where editors record the vendor's report or verify it. */}
                      <Link to={`/commitments?id=${encodeURIComponent(c.id)}`}>{tx(c.text)}</Link>
                      {c.quote ? (
                        <q className="commitment-quote" lang="ja">
                          {c.quote}
                        </q>
                      ) : null}
                    </>
                  ),
                  csv: (c) => tx(c.text),
                },
                { key: "owedBy", header: t("incidents.colOwedBy"), render: owedBy, csv: owedBy },
                {
                  key: "status",
                  header: t("incidents.colStatus"),
                  render: (c) => (
                    <>
                      <span className={`status-chip commitment-${c.status}`}>{status(c)}</span>
                      {c.overdue ? <span className="overdue-mark">{t("incidents.overdue")}</span> : null}
                    </>
                  ),
                  csv: (c) => (c.overdue ? `${status(c)} (${t("incidents.overdue")})` : status(c)),
                },
                {
                  key: "due",
                  header: t("incidents.colDue"),
                  render: (c) => (c.dueDate ? f.date(c.dueDate) : t("incidents.noDueDate")),
                  csv: (c) => c.dueDate ?? "",
                },
                sourceColumn(t("common.source"), (c: TCommitmentView) => c.source),
              ]}
            />
          )
        }
      </QueryState>
    </section>
  );
};
