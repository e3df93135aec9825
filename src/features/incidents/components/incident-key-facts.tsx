import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { catalogText } from "@/lib/catalog-text";
import { sortMilestones } from "@/lib/milestones";
import type { TIncident, TMilestone } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";
import type { TMilestoneInterval, TRemediationTotals } from "@/shared/schemas/stats";
import { incidentQueries } from "../api/queries";
import { ImpactTotalValue, useTotalLabel } from "./impact-total";
import { missingMilestoneText, relevantMeetings } from "./incident-model";
import { useOrganisationWords } from "./use-organisation-words";

/** One headline figure; a labelled group so it reads (and is found) as "label: value". */
const KeyFact = ({ label, value, note }: { label: string; value: ReactNode; note: ReactNode }) => {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled figure, not a set of form controls (fieldset)
    <div className="tile key-fact" role="group" aria-labelledby={id}>
      <p className="key-fact-label" id={id}>
        {label}
      </p>
      <div className="key-fact-value">{value}</div>
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
    <div className="key-fact-value">
      <span className="skeleton key-fact-skeleton" />
    </div>
    <p className="key-fact-note" />
  </div>
);

/** Several figures in one tile (people of two populations, money and letters): one line each, labelled. */
const Lines = ({ lines }: { lines: { key: string; label: string; value: ReactNode }[] }) => (
  <ul className="key-fact-lines">
    {lines.map((l) => (
      <li key={l.key}>
        <span className="key-fact-line-label">{l.label}</span> {l.value}
      </li>
    ))}
  </ul>
);

/**
 * The few numbers a board member needs first: who was affected (per population and unit, never one sum),
 * how long until the organisation and its board were told, and how far it has been put right.
 */
export const KeyFacts = ({ incident }: { incident: TIncident }) => {
  const { t } = useI18n();
  const intervals = useQuery(incidentQueries.intervals(incident.id));
  // A meeting that took the incident up is a report to the board even without a reported_to_board date.
  const meetings = useQuery(incidentQueries.meetings());
  const firstMeeting =
    relevantMeetings(meetings.data?.items ?? [], incident.id)
      .map((r) => r.meeting)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0] ?? null;
  return (
    <section className="key-facts" aria-labelledby="key-facts-title">
      <h2 id="key-facts-title" className="visually-hidden">
        {t("incidents.keyFacts")}
      </h2>
      <AffectedFact incidentId={incident.id} />
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
              meeting={firstMeeting}
            />
          </>
        )}
      </QueryState>
      <RemediationFact incidentId={incident.id} />
    </section>
  );
};

const AffectedFact = ({ incidentId }: { incidentId: string }) => {
  const { t } = useI18n();
  const words = useOrganisationWords();
  const labelOf = useTotalLabel(words.population);
  const affected = useQuery(incidentQueries.affected(incidentId));
  return (
    <QueryState query={affected} skeleton={<KeyFactSkeleton label={t("incidents.factAffected")} />}>
      {(data) => {
        const totals = data.incidents.find((i) => i.incidentId === incidentId)?.totals ?? [];
        const only = totals.length === 1 ? totals[0] : undefined;
        if (totals.length === 0) {
          return (
            <KeyFact
              label={t("incidents.factAffected")}
              value={<NotReported missing={catalogText("incidents.missingAffected")} />}
              note={t("incidents.factAffectedNone")}
            />
          );
        }
        return (
          <KeyFact
            label={
              only?.unit === "people"
                ? t("incidents.factAffectedPeople", { people: labelOf(only) })
                : t("incidents.factAffected")
            }
            value={
              only ? (
                <ImpactTotalValue total={only} />
              ) : (
                <Lines
                  lines={totals.map((total) => ({
                    key: `${total.unit}:${total.populationId ?? ""}`,
                    label: labelOf(total),
                    value: <ImpactTotalValue total={total} />,
                  }))}
                />
              )
            }
            note={t("incidents.factAffectedNote")}
          />
        );
      }}
    </QueryState>
  );
};

/** What a group's people are, done or sent, in the purpose's own word (letters are sent, not put right). */
const doneWord = (row: Pick<TRemediationTotals, "purpose">): TPlainKey =>
  row.purpose === "notification" ? "incidents.factSent" : "incidents.factPutRight";

const RemediationFact = ({ incidentId }: { incidentId: string }) => {
  const { t, f } = useI18n();
  const words = useOrganisationWords();
  const remediation = useQuery(incidentQueries.remediation(incidentId));
  return (
    <QueryState query={remediation} skeleton={<KeyFactSkeleton label={t("incidents.factRemediation")} />}>
      {(data) => {
        const rows = data.totals;
        if (rows.length === 0) {
          return (
            <KeyFact
              label={t("incidents.factRemediation")}
              value={<NotReported missing={catalogText("incidents.missingCohorts")} />}
              note={null}
            />
          );
        }
        const populations = new Set(rows.map((r) => r.populationId));
        const labelOf = (row: TRemediationTotals) =>
          populations.size > 1
            ? t("incidents.factDoneOf", {
                what: t(doneWord(row)),
                people: words.population(row.populationId),
              })
            : t(doneWord(row));
        // The groups behind a row: a total of 0 is 未報告 when none of them has a counted report.
        const groupsOf = (row: TRemediationTotals) =>
          data.cohorts.filter(
            (c) => c.parentId === null && c.purpose === row.purpose && c.populationId === row.populationId,
          );
        const value = (row: TRemediationTotals) =>
          groupsOf(row).every((c) => c.done === null) ? (
            <NotReported missing={catalogText("incidents.missingProgress")} />
          ) : (
            <span className="figure">{f.people(row.done)}</span>
          );
        const noteOf = (row: TRemediationTotals) =>
          groupsOf(row).some((c) => c.people === null)
            ? t("incidents.factPeopleUnknown")
            : groupsOf(row).every((c) => c.done === null)
              ? t("incidents.factRemediationNoneKnown", { total: f.people(row.people) })
              : `${t("incidents.factRemediationOf", { total: f.people(row.people) })}${
                  row.notReported > 0 && row.notReported < row.people
                    ? ` ${t("incidents.factRemediationUnreported", { n: f.people(row.notReported) })}`
                    : ""
                }`;
        const only = rows.length === 1 ? rows[0] : undefined;
        return (
          <KeyFact
            label={only ? `${labelOf(only)}${t("incidents.byVendorReport")}` : t("incidents.factRemediation")}
            value={
              only ? (
                value(only)
              ) : (
                <Lines
                  lines={rows.map((row) => ({
                    key: `${row.purpose}:${row.populationId}`,
                    label: labelOf(row),
                    value: value(row),
                  }))}
                />
              )
            }
            note={only ? noteOf(only) : t("incidents.factRemediationLines")}
          />
        );
      }}
    </QueryState>
  );
};

// Occurrence is the span a reader cares about; detection is the fallback when occurrence has no day.
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
  meeting = null,
}: {
  label: string;
  span: TMilestoneInterval | null;
  incident: TIncident;
  to: TMilestoneInterval["toKind"];
  /** For the board: the first meeting that had the incident on its agenda. */
  meeting?: Pick<TMeeting, "date" | "title"> | null;
}) => {
  const { t, tx, f } = useI18n();
  const kind = (k: TMilestone["kind"]) => t(`domain.milestone.${k}`);
  if (!span) {
    const report = sortMilestones(incident.milestones).find((m) => m.kind === to);
    if (!report && meeting) {
      // Never 未報告 when the board's own meeting took it up: the meeting's day, and why no days are counted.
      return (
        <KeyFact
          label={label}
          value={
            <span className="key-fact-date">
              {t("incidents.spanReportedOn")} {f.date(meeting.date)}
            </span>
          }
          note={t("incidents.spanOnAgenda", { title: tx(meeting.title), milestone: kind(to) })}
        />
      );
    }
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
