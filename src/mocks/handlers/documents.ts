import { fail, type TMockImpls } from "@/mocks/define";
import { cites, cohortsInOrder, incidentsByNumber, page } from "@/mocks/derive";
import { notFound } from "@/shared/http";
import type { TDataset } from "@/shared/schemas/dataset";
import type { TCitation } from "@/shared/schemas/document";

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
    if (cites(cohort.statusSource, doc) || cites(cohort.members.source, doc)) {
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

export const documentMocks = {
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
} satisfies TMockImpls;
