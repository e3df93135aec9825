import { todayInTokyo } from "../dates";
import { computeDeadlines } from "../deadlines";
import { notFound } from "../http";
import type { TDataset } from "../schemas/dataset";
import type { TCitation } from "../schemas/document";
import type { TRegulatoryAction } from "../schemas/vendor";
import { commitmentAsOf, commitmentKnownOn } from "./as-of";
import { fail, type TReads } from "./define";
import {
  cites,
  cohortsInOrder,
  commitmentView,
  compareText,
  firstDate,
  incidentsByNumber,
  incidentTotals,
  page,
} from "./derive";
import { involves } from "./scope";

/*
 * The record's lists and single records, as every read endpoint answers them (docs/api-semantics.md):
 * filters, orderings and paging over the dataset.
 */

export const organisationReads = {
  getOrganisation: ({ data }) => data.organisation,
} satisfies TReads;

export const caseReads = {
  listCases: ({ data, query }) =>
    page(
      data.cases.filter((c) => query.status === undefined || c.status === query.status),
      query,
    ),
  getCase: ({ data, params }) =>
    data.cases.find((c) => c.id === params.caseId) ?? fail(notFound("case", params.caseId)),
} satisfies TReads;

/** Newest first, then id. */
const newestFirst = (actions: readonly TRegulatoryAction[]) =>
  [...actions].sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id));

export const vendorReads = {
  listVendors: ({ data, query }) => page(data.vendors, query),
  getVendor: ({ data, params }) => {
    const vendor = data.vendors.find((v) => v.id === params.vendorId);
    if (!vendor) return fail(notFound("vendor", params.vendorId));
    return {
      ...vendor,
      regulatoryActions: newestFirst(data.regulatoryActions.filter((a) => a.vendorId === vendor.id)),
    };
  },
  listRegulatoryActions: ({ data, query }) =>
    page(
      newestFirst(
        data.regulatoryActions.filter(
          (a) =>
            (query.vendorId === undefined || a.vendorId === query.vendorId) &&
            (query.since === undefined || compareText(a.date, query.since) >= 0),
        ),
      ),
      query,
    ),
} satisfies TReads;

export const serviceReads = {
  listServices: ({ data, query }) => page(data.services, query),
  getService: ({ data, params }) =>
    data.services.find((p) => p.id === params.serviceId) ?? fail(notFound("service", params.serviceId)),
} satisfies TReads;

/** Every record that cites the document, grouped by citation kind (see docs/api-semantics.md). */
const citedBy = (data: Readonly<TDataset>, doc: string): TCitation[] => {
  const incidents = incidentsByNumber(data);
  const cohorts = cohortsInOrder(data);
  const out: TCitation[] = [];
  for (const incident of incidents) {
    if (incident.documentIds.includes(doc)) {
      out.push({ kind: "incident", id: incident.id, parentId: null, label: incident.title });
    }
  }
  for (const incident of incidents) {
    for (const entry of incident.impact) {
      if (cites(entry.count.source, doc)) {
        out.push({
          kind: "impact",
          id: entry.id,
          parentId: incident.id,
          label: entry.note ?? incident.title,
        });
      }
    }
  }
  for (const incident of incidents) {
    for (const milestone of incident.milestones) {
      if (cites(milestone.source, doc)) {
        out.push({
          kind: "milestone",
          id: milestone.id,
          parentId: incident.id,
          label: milestone.note ?? incident.title,
        });
      }
    }
  }
  for (const cohort of cohorts) {
    if (cites(cohort.statusSource, doc) || cites(cohort.people.source, doc)) {
      out.push({ kind: "cohort", id: cohort.id, parentId: cohort.incidentId, label: cohort.label });
    }
  }
  for (const cohort of cohorts) {
    for (const event of cohort.progress) {
      if (cites(event.source, doc)) {
        out.push({
          kind: "progress",
          id: event.id,
          parentId: cohort.incidentId,
          label: event.note ?? cohort.label,
        });
      }
    }
  }
  for (const commitment of data.commitments) {
    if (cites(commitment.source, doc) || commitment.madeInDocumentId === doc) {
      out.push({ kind: "commitment", id: commitment.id, parentId: null, label: commitment.text });
    }
  }
  for (const meeting of data.meetings) {
    if (cites(meeting.source, doc) || meeting.items.some((item) => item.documentIds.includes(doc))) {
      out.push({ kind: "meeting", id: meeting.id, parentId: null, label: meeting.title });
    }
  }
  for (const action of data.regulatoryActions) {
    if (cites(action.source, doc)) {
      out.push({ kind: "regulatory_action", id: action.id, parentId: action.vendorId, label: action.action });
    }
  }
  return out;
};

export const documentReads = {
  listDocuments: ({ data, query }) =>
    page(
      data.documents.filter(
        (d) =>
          (query.kind === undefined || d.kind === query.kind) &&
          (query.outsideRecord === undefined || String(d.outsideRecord) === query.outsideRecord),
      ),
      query,
    ),
  getDocument: ({ data, params }) => {
    const doc = data.documents.find((d) => d.id === params.documentId);
    if (!doc) return fail(notFound("document", params.documentId));
    return { ...doc, citedBy: citedBy(data, doc.id) };
  },
} satisfies TReads;

export const incidentReads = {
  listIncidents: ({ data, query }) =>
    page(
      data.incidents
        .filter(
          (i) =>
            (query.caseId === undefined || i.caseId === query.caseId) &&
            (query.vendorId === undefined || involves(i, query.vendorId)) &&
            (query.category === undefined || i.category === query.category) &&
            (query.status === undefined || i.status === query.status) &&
            (query.fiscalYear === undefined || i.fiscalYear === query.fiscalYear),
        )
        .map((i) => ({
          id: i.id,
          number: i.number,
          caseId: i.caseId,
          title: i.title,
          category: i.category,
          status: i.status,
          fiscalYear: i.fiscalYear,
          vendorIds: i.vendorIds,
          chain: i.chain,
          affected: incidentTotals(data, i),
          firstDate: firstDate(i),
        })),
      query,
    ),
  getIncident: ({ data, params }) =>
    data.incidents.find((i) => i.id === params.incidentId) ?? fail(notFound("incident", params.incidentId)),
} satisfies TReads;

export const cohortReads = {
  listCohorts: ({ data, query }) =>
    page(
      cohortsInOrder(data).filter(
        (c) =>
          (query.incidentId === undefined || c.incidentId === query.incidentId) &&
          (query.status === undefined || c.status === query.status),
      ),
      query,
    ),
  getCohort: ({ data, params }) =>
    data.cohorts.find((c) => c.id === params.cohortId) ?? fail(notFound("cohort", params.cohortId)),
} satisfies TReads;

export const commitmentReads = {
  listCommitments: ({ data, query, now }) => {
    const asOf = query.asOf ?? todayInTokyo(now);
    const overdue = query.overdue === undefined ? undefined : query.overdue === "true";
    return page(
      data.commitments
        // As of a past day, a commitment made later did not exist yet.
        .filter((c) => commitmentKnownOn(data, c, asOf))
        .map((c) => commitmentView(commitmentAsOf(c, asOf), asOf))
        .filter(
          (c) =>
            (query.vendorId === undefined || c.owedByIds.includes(query.vendorId)) &&
            (query.incidentId === undefined || c.incidentIds.includes(query.incidentId)) &&
            (query.kind === undefined || c.kind === query.kind) &&
            (query.status === undefined || c.status === query.status) &&
            (query.dueBefore === undefined ||
              (c.dueDate !== null && compareText(c.dueDate, query.dueBefore) < 0)) &&
            (overdue === undefined || c.overdue === overdue),
        ),
      query,
    );
  },
  getCommitment: ({ data, params, query, now }) => {
    const commitment = data.commitments.find((c) => c.id === params.commitmentId);
    if (!commitment) return fail(notFound("commitment", params.commitmentId));
    const asOf = query.asOf ?? todayInTokyo(now);
    return commitmentView(commitmentAsOf(commitment, asOf), asOf);
  },
} satisfies TReads;

export const meetingReads = {
  listMeetings: ({ data, query }) =>
    page(
      data.meetings
        .filter((m) => query.fiscalYear === undefined || m.fiscalYear === query.fiscalYear)
        .sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id)),
      query,
    ),
  getMeeting: ({ data, params }) =>
    data.meetings.find((m) => m.id === params.meetingId) ?? fail(notFound("meeting", params.meetingId)),
} satisfies TReads;

export const deadlineReads = {
  listDeadlines: ({ data, settings, query, now }) =>
    computeDeadlines(data, settings, {
      asOf: query.asOf ?? todayInTokyo(now),
      withinDays: query.withinDays,
      caseId: query.caseId,
      incidentId: query.incidentId,
      owner: query.owner,
      limit: query.limit,
      offset: query.offset,
    }),
} satisfies TReads;
