import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { BackLink } from "@/components/back-link";
import { SavedNotice } from "@/components/editor-link";
import { NotFoundSection } from "@/components/not-found-section";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { RecordHistory } from "@/components/record-history";
import { useI18n } from "@/i18n/i18n";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { type TCitation, type TDocumentDetail, ZCitationKind } from "@/shared/schemas/document";
import { documentQueries } from "../api/queries";
import { EditDocumentLink } from "./document-edit-links";
import { DocumentUrl } from "./document-url";
import { useIssuerNames } from "./use-issuer-names";
import "./documents.css";

/** The page a citing record lives on; null when the record names no page to open. */
export const citationHref = (c: TCitation): string | null => {
  switch (c.kind) {
    case "incident":
      return `/incidents/${c.id}`;
    case "milestone":
    case "impact":
    case "cohort":
    case "progress":
      return c.parentId ? `/incidents/${c.parentId}` : null;
    case "commitment":
      return `/commitments?id=${encodeURIComponent(c.id)}`;
    case "meeting":
      return `/meetings/${c.id}`;
    case "regulatory_action":
      return c.parentId ? `/vendors/${c.parentId}` : null;
    default:
      return null;
  }
};

/** /documents/:id — what the document states, who issued it when, and every record that relies on it. */
export const DocumentDetail = ({ documentId }: { documentId: string }) => {
  const { t } = useI18n();
  const query = useQuery(documentQueries.detail(documentId));
  // The issuers are named (the association, a vendor): the page appears once those lists are in (or have
  // failed), so that a name replacing its id never rewraps the facts under the title.
  const organisation = useQuery(referenceQueries.organisation());
  const vendors = useQuery(referenceQueries.vendors());
  const names = [organisation, vendors];
  if (isNotFound(query.error)) {
    return (
      <NotFoundSection
        title={t("documents.notFoundTitle")}
        body={t("documents.notFoundBody", { id: documentId })}
        backTo="/documents"
        backLabel={t("documents.backToList")}
      />
    );
  }
  if (query.data && !names.some((q) => q.isLoading)) return <DocumentPage doc={query.data} />;
  // Loading or failed: the page still has its heading, and the state (with retry) below it.
  return (
    <>
      <PageHeader title={t("documents.title")} />
      <QueryState query={query} waitFor={names} minHeight="24rem">
        {(doc) => <DocumentPage doc={doc} />}
      </QueryState>
    </>
  );
};

const DocumentPage = ({ doc }: { doc: TDocumentDetail }) => {
  const { t, tx, f } = useI18n();
  const names = useIssuerNames();
  return (
    <article className="document-page" aria-labelledby="document-title">
      <BackLink to="/documents" label={t("documents.backToList")} />
      <PageHeader
        title={`${tx(doc.label)} ${tx(doc.title)}`}
        lead={
          doc.outsideRecord ? (
            <p className="document-outside-banner">
              <span className="outside-mark">{t("common.outsideRecordShort")}</span>{" "}
              {t("documents.outsideBanner")}
            </p>
          ) : null
        }
        actions={
          <>
            <EditDocumentLink documentId={doc.id} />
            <PrintButton />
          </>
        }
      />
      <SavedNotice />
      <section className="panel" aria-labelledby="document-meta-title">
        <h2 id="document-meta-title">{t("documents.metaTitle")}</h2>
        <dl className="document-meta">
          <div>
            <dt>{t("documents.colLabel")}</dt>
            <dd>{tx(doc.label)}</dd>
          </div>
          <div>
            <dt>{t("documents.colKind")}</dt>
            <dd>{t(`domain.documentKind.${doc.kind}`)}</dd>
          </div>
          <div>
            <dt>{doc.issuerIds.length > 0 ? t("documents.colIssuer") : t("documents.colPublisher")}</dt>
            <dd>{names.issuer(doc)}</dd>
          </div>
          <div>
            <dt>{t("documents.colDate")}</dt>
            <dd>
              {doc.date ? f.date(doc.date) : <span className="date-unknown">{t("common.dateUnknown")}</span>}
            </dd>
          </div>
          <div>
            <dt>{t("documents.colRecord")}</dt>
            <dd>{doc.outsideRecord ? t("documents.recordOutside") : t("documents.recordInside")}</dd>
          </div>
          <div className="document-meta-url">
            <dt>{t("documents.colUrl")}</dt>
            <dd>
              {doc.url ? (
                <DocumentUrl url={doc.url} />
              ) : (
                <span className="date-unknown">{t("documents.noUrl")}</span>
              )}
            </dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="document-statements-title">
        <h2 id="document-statements-title">{t("documents.statementsTitle")}</h2>
        {doc.statements.length === 0 ? (
          <p>{t("documents.statementsNone")}</p>
        ) : (
          <ul className="document-statements">
            {doc.statements.map((s) => (
              <li key={s.ja}>{tx(s)}</li>
            ))}
          </ul>
        )}
      </section>
      <CitedBy citations={doc.citedBy} />
      <RecordHistory record={{ entityType: "document", entityId: doc.id }} />
    </article>
  );
};

const CitedBy = ({ citations }: { citations: TCitation[] }) => {
  const { t, f } = useI18n();
  const incidentName = useIncidentName();
  const groups = ZCitationKind.options
    .map((kind) => ({ kind, items: citations.filter((c) => c.kind === kind) }))
    .filter((g) => g.items.length > 0);
  return (
    <section className="panel" aria-labelledby="document-cited-title">
      <h2 id="document-cited-title">
        {t("documents.citedByTitle")}{" "}
        <span className="document-group-count">
          {t("documents.count", { n: f.number(citations.length) })}
        </span>
      </h2>
      <p className="document-group-note">{t("documents.citedByNote")}</p>
      {groups.length === 0 ? (
        <p>{t("documents.citedByNone")}</p>
      ) : (
        <div className="cited-groups">
          {groups.map((g) => (
            <section key={g.kind} className="cited-group" aria-labelledby={`cited-${g.kind}`}>
              <h3 id={`cited-${g.kind}`}>
                {t(`documents.citedKind_${g.kind}`)}{" "}
                <span className="document-group-count">
                  {t("documents.count", { n: f.number(g.items.length) })}
                </span>
              </h3>
              <ul>
                {g.items.map((c) => (
                  <CitationItem key={`${c.kind}-${c.id}`} citation={c} incidentName={incidentName} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
};

const CitationItem = ({
  citation: c,
  incidentName,
}: {
  citation: TCitation;
  incidentName: TIncidentName;
}) => {
  const { tx } = useI18n();
  const href = citationHref(c);
  // Timeline entries, impact figures and remediation records open their incident's page: say which.
  const incident =
    c.kind === "milestone" || c.kind === "impact" || c.kind === "cohort" || c.kind === "progress"
      ? c.parentId
      : null;
  return (
    <li>
      {href ? <Link to={href}>{tx(c.label)}</Link> : tx(c.label)}
      {incident ? <span className="cited-incident">{incidentName(incident)}</span> : null}
    </li>
  );
};

type TIncidentName = (incidentId: string) => string;

const useIncidentName = (): TIncidentName => {
  const { t } = useI18n();
  const incidents = useQuery(documentQueries.incidents());
  const byId = new Map((incidents.data?.items ?? []).map((i) => [i.id, i]));
  return (id) => {
    const incident = byId.get(id);
    return incident ? t("documents.incidentNumber", { n: incident.number }) : id;
  };
};
