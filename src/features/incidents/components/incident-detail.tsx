import { usePrefetchQuery, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { BackLink } from "@/components/back-link";
import { SavedNotice } from "@/components/editor-link";
import { NotFoundSection } from "@/components/not-found-section";
import { NotReported } from "@/components/not-reported";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { RecordHistory } from "@/components/record-history";
import { SourceRef } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import type { TIncident } from "@/shared/schemas/incident";
import { incidentQueries } from "../api/queries";
import { IncidentBoard } from "./incident-board";
import { IncidentChain } from "./incident-chain";
import { IncidentCommitments } from "./incident-commitments";
import { IncidentDocuments } from "./incident-documents";
import { EditIncidentLink } from "./incident-edit-links";
import { IncidentImpact } from "./incident-impact";
import { KeyFacts } from "./incident-key-facts";
import { IncidentRemediation } from "./incident-remediation";
import { IncidentTimeline } from "./incident-timeline";
import "./incidents.css";

/** /incidents/:id — everything the record holds about one incident, in the order a board reads it. */
export const IncidentDetail = ({
  incidentId,
  clocks,
}: {
  incidentId: string;
  /** A section the route places after the course of events (the incident's deadlines). */
  clocks?: ReactNode;
}) => {
  const { t } = useI18n();
  const query = useQuery(incidentQueries.detail(incidentId));
  // The names in the header, the chain, the impact table and the source links: the page appears once they
  // are in (or have failed), so that a name replacing its id never rewraps the lines above the key figures.
  const vendors = useQuery(referenceQueries.vendors());
  const services = useQuery(referenceQueries.services());
  const documents = useQuery(referenceQueries.documents());
  const organisation = useQuery(referenceQueries.organisation());
  const cases = useQuery(incidentQueries.cases());
  // Every section's data is asked for now, in parallel, rather than once its section has rendered.
  usePrefetchQuery(incidentQueries.affected(incidentId));
  usePrefetchQuery(incidentQueries.intervals(incidentId));
  usePrefetchQuery(incidentQueries.remediation(incidentId));
  usePrefetchQuery(incidentQueries.cohorts(incidentId));
  usePrefetchQuery(incidentQueries.commitments(incidentId));
  usePrefetchQuery(incidentQueries.meetings());
  if (isNotFound(query.error)) {
    return (
      <NotFoundSection
        title={t("incidents.notFoundTitle")}
        body={t("incidents.notFoundBody", { id: incidentId })}
        backTo="/incidents"
        backLabel={t("incidents.backToList")}
      />
    );
  }
  return (
    <QueryState query={query} waitFor={[vendors, services, documents, organisation, cases]} minHeight="24rem">
      {(incident) => <IncidentPage incident={incident} clocks={clocks} />}
    </QueryState>
  );
};

const IncidentPage = ({ incident, clocks }: { incident: TIncident; clocks?: ReactNode }) => {
  const { t, tx, f } = useI18n();
  const cases = useQuery(incidentQueries.cases());
  const caseOf = cases.data?.items.find((c) => c.id === incident.caseId);
  return (
    <article className="incident-page" aria-labelledby="incident-title">
      <BackLink to="/incidents" label={t("incidents.backToList")} />
      <PageHeader
        title={`${t("incidents.incidentNumber", { n: incident.number })} ${tx(incident.title)}`}
        lead={
          <ul className="page-meta incident-meta">
            <li>
              <span className="page-meta-label">{t("incidents.colCase")}</span>
              {/* The overview scoped to the case: its totals, its span, its other incidents. */}
              <Link to={`/?caseId=${encodeURIComponent(incident.caseId)}`}>
                {caseOf ? tx(caseOf.title) : incident.caseId}
              </Link>{" "}
              <Link
                className="incident-meta-sub"
                to={`/incidents?caseId=${encodeURIComponent(incident.caseId)}`}
              >
                {t("incidents.caseIncidentsLink")}
              </Link>
            </li>
            <li>
              <span className="page-meta-label">{t("incidents.colCategory")}</span>
              {t(`domain.category.${incident.category}`)}
            </li>
            <li>
              <span className="page-meta-label">{t("incidents.colFiscalYear")}</span>
              {f.fiscalYear(incident.fiscalYear)}
            </li>
            <li>
              <span className="page-meta-label">{t("incidents.colStatus")}</span>
              <span className={`status-chip status-${incident.status}`}>
                {t(`domain.incidentStatus.${incident.status}`)}
              </span>
            </li>
          </ul>
        }
        actions={
          <>
            <EditIncidentLink incidentId={incident.id} />
            <PrintButton />
          </>
        }
      />
      <SavedNotice />
      <p className="incident-summary">{tx(incident.summary)}</p>
      <KeyFacts incident={incident} />
      <IncidentChain incident={incident} />
      <IncidentImpact incident={incident} />
      <IncidentTimeline incident={incident} />
      {clocks}
      <IncidentRemediation incident={incident} />
      <IncidentCommitments incidentId={incident.id} />
      <IncidentBoard incident={incident} />
      <IncidentDocuments incidentId={incident.id} documentIds={incident.documentIds} />
      <Contact incident={incident} />
      <RecordHistory record={{ entityType: "incident", entityId: incident.id }} withCohorts />
    </article>
  );
};

/** Where the affected people can ask: a name always, a phone number and hours when the source gives them. */
const Contact = ({ incident }: { incident: TIncident }) => {
  const { t, tx } = useI18n();
  const contact = incident.contact;
  return (
    <section className="panel incident-section" aria-labelledby="contact-title">
      <h2 id="contact-title">{t("incidents.sectionContact")}</h2>
      {contact ? (
        <p className="contact-line">
          <span className="contact-name">{tx(contact.name)}</span>{" "}
          {contact.phone ? (
            <>
              <a className="contact-phone" href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>
                {contact.phone}
              </a>{" "}
            </>
          ) : null}
          {contact.hours ? (
            <>
              <span className="contact-hours">{tx(contact.hours)}</span>{" "}
            </>
          ) : null}
          <SourceRef source={contact.source} />
        </p>
      ) : (
        <p>
          <NotReported /> {t("incidents.contactNone")}
        </p>
      )}
    </section>
  );
};
