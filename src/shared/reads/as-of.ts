import type { TCohort, TCohortStatus } from "../schemas/cohort";
import type { TCommitment, TCommitmentStatus } from "../schemas/commitment";
import type { TSourceRef } from "../schemas/common";
import type { TDataset } from "../schemas/dataset";
import type { TIncident } from "../schemas/incident";

/*
 * The record as it stood on a day: only what is dated on or before it. Every figure as of a date is the
 * figure of this cut record, so "what the board was shown that day" is what the record held that day,
 * however long afterwards it is computed. Dates are compared as text: a month-only date (2025-07) counts
 * from the first day of its month on; an undated fact is kept (it cannot be placed in time).
 *
 * What is cut:
 *   - incidents first dated after the day (and the cases, groups, commitments that only concern them);
 *   - milestones, impact figures and groups whose sources are dated after the day;
 *   - progress reports dated after the day, and the status changes they made (replayed back);
 *   - commitments made after the day, and the workflow steps dated after it (replayed back);
 *   - meetings, documents and regulatory actions dated after the day.
 */

const onOrBefore = (date: string | null | undefined, asOf: string) => date == null || date <= asOf;

/** The first dated milestone, or null. */
export const incidentFirstDate = (incident: Pick<TIncident, "milestones">): string | null =>
  incident.milestones.reduce<string | null>(
    (first, m) => (first === null || m.date < first ? m.date : first),
    null,
  );

/**
 * The group's status on the day: undo every status change not known on it, latest first. A change is
 * known from its report's date and its source's (a month's refunds reported on the 10th of the next month
 * are not known before the 10th, and neither is the status they changed); `known` says whether a source
 * was known on the day (every source when not given).
 */
export const cohortStatusAsOf = (
  cohort: TCohort,
  asOf: string,
  known: (source: TSourceRef) => boolean = () => true,
): TCohortStatus => {
  let status = cohort.status;
  const later = cohort.progress
    .map((event, position) => ({ event, position }))
    .filter(({ event }) => event.statusChange !== null && (event.date > asOf || !known(event.source)))
    .sort((a, b) =>
      a.event.date < b.event.date ? 1 : a.event.date > b.event.date ? -1 : b.position - a.position,
    );
  for (const { event } of later) if (event.statusChange) status = event.statusChange.from;
  return status;
};

/** The commitment as it stood on the day: its workflow replayed from the steps dated up to it. */
export const commitmentAsOf = (commitment: TCommitment, asOf: string): TCommitment => {
  const later = commitment.history.some((step) => step.date > asOf);
  if (!later) return commitment;
  const steps = commitment.history.filter((step) => step.date <= asOf);
  // Before any step, the status the secretariat set by hand (open / in progress) applies.
  let status: TCommitmentStatus =
    commitment.status === "open" || commitment.status === "in_progress" ? commitment.status : "in_progress";
  let reportedDoneDate: string | null = null;
  let evidence = null;
  let verifiedDate: string | null = null;
  let reopenedDate: string | null = null;
  let reopenedReason = null;
  for (const step of steps) {
    if (step.step === "reported_done") {
      status = "vendor_reported_done";
      reportedDoneDate = step.date;
      evidence = step.text;
    } else if (step.step === "verified") {
      status = "verified";
      verifiedDate = step.date;
      reopenedDate = null;
      reopenedReason = null;
    } else {
      status = "reopened";
      verifiedDate = null;
      reopenedDate = step.date;
      reopenedReason = step.text;
    }
  }
  return {
    ...commitment,
    status,
    reportedDoneDate,
    evidence,
    verifiedDate,
    reopenedDate,
    reopenedReason,
    history: steps,
  };
};

/** Whether the record knew of the commitment on `asOf` (made on or before it; undated ones always). */
export const commitmentKnownOn = (data: Readonly<TDataset>, c: TCommitment, asOf: string) =>
  onOrBefore(commitmentMadeOn(data, c), asOf);

/** When a commitment was made: its own date, else its meeting's, else its document's (null: undated). */
const commitmentMadeOn = (data: Readonly<TDataset>, c: TCommitment): string | null => {
  if (c.madeOn !== null) return c.madeOn;
  const meeting = c.madeAtMeetingId ? data.meetings.find((m) => m.id === c.madeAtMeetingId) : undefined;
  if (meeting) return meeting.date;
  const document = c.madeInDocumentId ? data.documents.find((d) => d.id === c.madeInDocumentId) : undefined;
  return document?.date ?? null;
};

/** The record cut at `asOf` (see above). The result shares unchanged records with the input. */
export const recordAsOf = (data: Readonly<TDataset>, asOf: string): TDataset => {
  // When a fact became known: the date of the document it comes from (none: undated, always kept).
  const documentDate = new Map(data.documents.map((d) => [d.id, d.date]));
  const known = (source: TSourceRef) => onOrBefore(documentDate.get(source.documentId), asOf);
  const incidents: TIncident[] = [];
  for (const incident of data.incidents) {
    const milestones = incident.milestones.filter((m) => onOrBefore(m.date, asOf) && known(m.source));
    // An incident exists from its first dated milestone; one the record gives no date at all is kept.
    if (incident.milestones.length > 0 && milestones.length === 0) continue;
    const impact = incident.impact.filter((entry) => known(entry.count.source));
    incidents.push(
      milestones.length === incident.milestones.length && impact.length === incident.impact.length
        ? incident
        : { ...incident, milestones, impact },
    );
  }
  const incidentIds = new Set(incidents.map((i) => i.id));
  const caseIds = new Set(incidents.map((i) => i.caseId));
  const cohorts: TCohort[] = [];
  for (const cohort of data.cohorts) {
    if (!incidentIds.has(cohort.incidentId) || !known(cohort.people.source)) continue;
    const progress = cohort.progress.filter((e) => onOrBefore(e.date, asOf) && known(e.source));
    const status = cohortStatusAsOf(cohort, asOf, known);
    cohorts.push(
      progress.length === cohort.progress.length && status === cohort.status
        ? cohort
        : { ...cohort, progress, status },
    );
  }
  const cohortIds = new Set(cohorts.map((c) => c.id));
  const commitments = data.commitments
    .filter(
      (c) =>
        onOrBefore(commitmentMadeOn(data, c), asOf) &&
        (c.incidentIds.length === 0 || c.incidentIds.some((id) => incidentIds.has(id))),
    )
    .map((c) => commitmentAsOf(c, asOf));
  return {
    ...data,
    cases: data.cases.filter((c) => caseIds.has(c.id)),
    incidents,
    // A sub-group whose parent is not known yet is not known either.
    cohorts: cohorts.filter((c) => c.parentId === null || cohortIds.has(c.parentId)),
    commitments,
    meetings: data.meetings.filter((m) => m.date <= asOf),
    documents: data.documents.filter((d) => onOrBefore(d.date, asOf)),
    regulatoryActions: data.regulatoryActions.filter((a) => a.date <= asOf),
  };
};

/**
 * What the record holds dated after `asOf`: when a meeting is closed later than its day, its snapshot says
 * how much was left out of it.
 */
export const datedAfter = (data: Readonly<TDataset>, asOf: string) => {
  const cut = recordAsOf(data, asOf);
  const progress = (d: Readonly<TDataset>) => d.cohorts.reduce((n, c) => n + c.progress.length, 0);
  const milestones = (d: Readonly<TDataset>) => d.incidents.reduce((n, i) => n + i.milestones.length, 0);
  const steps = (d: Readonly<TDataset>) => d.commitments.reduce((n, c) => n + c.history.length, 0);
  return {
    incidents: data.incidents.length - cut.incidents.length,
    milestones: milestones(data) - milestones(cut),
    progress: progress(data) - progress(cut),
    commitments: data.commitments.length - cut.commitments.length,
    commitmentSteps: steps(data) - steps(cut),
    documents: data.documents.length - cut.documents.length,
  };
};
