import { usePrefetchQuery, useQuery } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { BackLink } from "@/components/back-link";
import { SavedNotice } from "@/components/editor-link";
import { NumberValue } from "@/components/figure-value";
import { NotFoundSection } from "@/components/not-found-section";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { RecordHistory } from "@/components/record-history";
import { SourceRef } from "@/components/source-ref";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { catalogText } from "@/lib/catalog-text";
import { sortMilestones } from "@/lib/milestones";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TIncident, TMilestone } from "@/shared/schemas/incident";
import type { TMilestoneInterval } from "@/shared/schemas/stats";
import { incidentQueries } from "../api/queries";
import { IncidentBoard } from "./incident-board";
import { IncidentCommitments } from "./incident-commitments";
import { IncidentDocuments } from "./incident-documents";
import { EditIncidentLink } from "./incident-edit-links";
import { IncidentImpact } from "./incident-impact";
import { affectedTotal, missingMilestoneText } from "./incident-model";
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
  // The names in the header, the impact table and the source links: the page appears once they are in (or
  // have failed), so that a name replacing its id never rewraps the lines above the key figures.
  const vendors = useQuery(referenceQueries.vendors());
  const services = useQuery(referenceQueries.services());
  const documents = useQuery(referenceQueries.documents());
  // Every section's data is asked for now, in parallel, rather than once its section has rendered.
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
    <QueryState query={query} waitFor={[vendors, services, documents]} minHeight="24rem">
      {(incident) => <IncidentPage incident={incident} clocks={clocks} />}
    </QueryState>
  );
};

const IncidentPage = ({ incident, clocks }: { incident: TIncident; clocks?: ReactNode }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  return (
    <article className="incident-page" aria-labelledby="incident-title">
      <BackLink to="/incidents" label={t("incidents.backToList")} />
      <PageHeader
        title={`${t("incidents.incidentNumber", { n: incident.number })} ${tx(incident.title)}`}
        lead={
          <ul className="page-meta incident-meta">
            <li>
              <span className="page-meta-label">{t("incidents.colCategory")}</span>
              {t(`domain.category.${incident.category}` as TMessageKey)}
            </li>
            <li>
              <span className="page-meta-label">{t("incidents.colVendors")}</span>
              {incident.vendorIds.map(names.vendorFull).join(t("incidents.listSeparator"))}
            </li>
            <li>
              <span className="page-meta-label">{t("incidents.colFiscalYear")}</span>
              {f.fiscalYear(incident.fiscalYear)}
            </li>
            <li>
              <span className="page-meta-label">{t("incidents.colStatus")}</span>
              <span className={`status-chip status-${incident.status}`}>
                {t(`domain.incidentStatus.${incident.status}` as TMessageKey)}
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
      <IncidentImpact incident={incident} />
      <IncidentTimeline incident={incident} />
      {clocks}
      <IncidentRemediation incidentId={incident.id} />
      <IncidentCommitments incidentId={incident.id} />
      <IncidentBoard incident={incident} />
      <IncidentDocuments incidentId={incident.id} documentIds={incident.documentIds} />
      <MemberContact incident={incident} />
      <RecordHistory record={{ entityType: "incident", entityId: incident.id }} withCohorts />
    </article>
  );
};

/** One headline figure; a labelled group so it reads (and is found) as "label: value". */
const KeyFact = ({ label, value, note }: { label: string; value: ReactNode; note: ReactNode }) => {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled figure, not a set of form controls (fieldset)
    <div className="tile key-fact" role="group" aria-labelledby={id}>
      <p className="key-fact-label" id={id}>
        {label}
      </p>
      <p className="key-fact-value">{value}</p>
      <p className="key-fact-note">{note}</p>
    </div>
  );
};

/**
 * A key figure's box before its data arrives: the same tile, label and lines (the note's lines are held
 * by incidents.css), so the figure replaces it without moving the sections below.
 */
const KeyFactSkeleton = ({ label }: { label: string }) => (
  <div className="tile key-fact">
    <p className="key-fact-label ghost-text" data-text={label} />
    <p className="key-fact-value">
      <span className="skeleton key-fact-skeleton" />
    </p>
    <p className="key-fact-note" />
  </div>
);

/** The few numbers a board member needs first: how many members, how long until we were told, how far put right. */
const KeyFacts = ({ incident }: { incident: TIncident }) => {
  const { t, f } = useI18n();
  const intervals = useQuery(incidentQueries.intervals(incident.id));
  const remediation = useQuery(incidentQueries.remediation(incident.id));
  return (
    <section className="key-facts" aria-labelledby="key-facts-title">
      <h2 id="key-facts-title" className="visually-hidden">
        {t("incidents.keyFacts")}
      </h2>
      <KeyFact
        label={t("incidents.factAffected")}
        value={<NumberValue value={affectedTotal(incident)} unit="people" />}
        note={t("incidents.factAffectedNote")}
      />
      <QueryState
        query={intervals}
        skeleton={
          <>
            <KeyFactSkeleton label={t("incidents.factToOrganisation")} />
            <KeyFactSkeleton label={t("incidents.factToBoard")} />
          </>
        }
      >
        {(data) => (
          <>
            <SpanFact
              label={t("incidents.factToOrganisation")}
              span={findSpan(data.spans, "reported_to_organisation")}
              incident={incident}
              to="reported_to_organisation"
            />
            <SpanFact
              label={t("incidents.factToBoard")}
              span={findSpan(data.spans, "reported_to_board")}
              incident={incident}
              to="reported_to_board"
            />
          </>
        )}
      </QueryState>
      <QueryState query={remediation} skeleton={<KeyFactSkeleton label={t("incidents.factRemediation")} />}>
        {(data) => {
          const top = data.cohorts.filter((c) => c.parentId === null);
          const known = top.filter((c) => c.done !== null);
          const members = top.reduce((s, c) => s + (c.members ?? 0), 0);
          const done = known.reduce((s, c) => s + (c.done ?? 0), 0);
          const notReported = top.reduce((s, c) => s + c.notReported, 0);
          return (
            <KeyFact
              label={t("incidents.factRemediation")}
              value={
                top.length === 0 ? (
                  <NotReported missing={catalogText("incidents.missingCohorts")} />
                ) : known.length === 0 ? (
                  <NotReported missing={catalogText("incidents.missingProgress")} />
                ) : (
                  <NumberValue value={done} unit="people" />
                )
              }
              note={
                top.length === 0
                  ? null
                  : known.length === 0
                    ? t("incidents.factRemediationNoneKnown", { members: f.people(members) })
                    : `${t("incidents.factRemediationOf", { members: f.people(members) })}${
                        notReported > 0
                          ? ` ${t("incidents.factRemediationUnreported", { n: f.people(notReported) })}`
                          : ""
                      }`
              }
            />
          );
        }}
      </QueryState>
    </section>
  );
};

// Occurrence is the span a member cares about; detection is the fallback when occurrence has no day.
const findSpan = (spans: TMilestoneInterval[], to: TMilestoneInterval["toKind"]) =>
  spans.find((s) => s.fromKind === "occurred" && s.toKind === to) ??
  spans.find((s) => s.fromKind === "detected" && s.toKind === to) ??
  null;

/**
 * Days from occurrence (or detection) to a report. When there is no such span, says why: the report
 * itself is missing (未報告), or it is dated but the start has only a month, so no days can be counted.
 */
const SpanFact = ({
  label,
  span,
  incident,
  to,
}: {
  label: string;
  span: TMilestoneInterval | null;
  incident: TIncident;
  to: TMilestoneInterval["toKind"];
}) => {
  const { t, f } = useI18n();
  const kind = (k: TMilestone["kind"]) => t(`domain.milestone.${k}` as TMessageKey);
  if (!span) {
    const report = sortMilestones(incident.milestones).find((m) => m.kind === to);
    if (!report) {
      return (
        <KeyFact
          label={label}
          value={<NotReported missing={missingMilestoneText(to)} />}
          note={t("incidents.spanNoReport", { milestone: kind(to) })}
        />
      );
    }
    const start = sortMilestones(incident.milestones).find(
      (m) => m.kind === "occurred" || m.kind === "detected",
    );
    return (
      <KeyFact
        label={label}
        value={
          <span className="key-fact-date">
            {t("incidents.spanReportedOn")} {f.date(report.date)}
          </span>
        }
        note={
          start
            ? t("incidents.spanMonthOnly", { kind: kind(start.kind), date: f.date(start.date) })
            : t("incidents.spanNoStart")
        }
      />
    );
  }
  return (
    <KeyFact
      label={label}
      value={<span className="figure">{f.days(span.days)}</span>}
      note={
        <>
          {t("incidents.spanFromTo", {
            from: kind(span.fromKind),
            fromDate: f.date(span.fromDate),
            toDate: f.date(span.toDate),
          })}
          {span.outsideRecord ? <OutsideMark /> : null}
        </>
      }
    />
  );
};

const MemberContact = ({ incident }: { incident: TIncident }) => {
  const { t, tx } = useI18n();
  const contact = incident.contact;
  return (
    <section className="panel incident-section" aria-labelledby="contact-title">
      <h2 id="contact-title">{t("incidents.sectionContact")}</h2>
      {contact ? (
        <p className="contact-line">
          <span className="contact-name">{tx(contact.name)}</span>{" "}
          <a className="contact-phone" href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>
            {contact.phone}
          </a>{" "}
          <span className="contact-hours">{tx(contact.hours)}</span> <SourceRef source={contact.source} />
        </p>
      ) : (
        <p>
          <NotReported /> {t("incidents.contactNone")}
        </p>
      )}
    </section>
  );
};
