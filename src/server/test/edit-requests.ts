import { contract, endpointNames, type TEndpointName, type TResponseOf } from "@/shared/contract";
import { buildUrl } from "@/shared/http";
import type { TCase } from "@/shared/schemas/case";
import type { TCohort } from "@/shared/schemas/cohort";
import type { TCommitment } from "@/shared/schemas/commitment";
import type { TDataset } from "@/shared/schemas/dataset";
import type { TSourceDocument } from "@/shared/schemas/document";
import type {
  TCaseDraft,
  TCohortDraft,
  TCommitmentDraft,
  TDocumentDraft,
  TIncidentDraft,
  TMeetingDraft,
  TOrganisationUpdate,
  TServiceDraft,
  TVendorDraft,
} from "@/shared/schemas/edit";
import type { TIncident } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";
import type { TOrganisation } from "@/shared/schemas/organisation";
import type { TService } from "@/shared/schemas/service";
import type { TVendor } from "@/shared/schemas/vendor";
import { case2025 } from "@/shared/seed/case-2025";

/*
 * Valid write requests for tests that must know a write succeeds (the authorisation matrix, the property
 * tests' starting points, the parity script): one per write endpoint of the contract, each built from the
 * record as it is now (the version it reads) or creating first what it changes (a commitment reported
 * done before it is verified), through any client that calls endpoints by name — the real server or the
 * mocks alike.
 */

/**
 * Every state-changing endpoint behind sign-in (sign-in itself is public, so not one of them: what it
 * writes is a session or a failed attempt, and auth.test.ts covers its throttling). Sign-out is left out
 * too: it has no body and no record to change, only the caller's own session, so "a refusal changes
 * nothing, an acceptance changes exactly what its audit entries name" does not describe it.
 */
export type TWriteName = Exclude<
  {
    [N in TEndpointName]: (typeof contract)[N]["method"] extends "GET"
      ? never
      : (typeof contract)[N]["access"] extends "public"
        ? never
        : N;
  }[TEndpointName],
  "logout"
>;
export const WRITE_NAMES = endpointNames.filter(
  (name): name is TWriteName =>
    contract[name].method !== "GET" && contract[name].access !== "public" && name !== "logout",
);

export type TCall = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
};

/** A client acting as someone allowed to make every call (an admin); `call` fails unless the answer is 200. */
export type TCaller = {
  call<N extends TEndpointName>(name: N, call?: TCall): Promise<TResponseOf<N>>;
  /** A fresh lowercase token for names that must differ between calls. */
  unique(prefix: string): string;
  /** The caller's own password as it is now (changing one's own password must name it). */
  password: string;
};

/** The request `call` sends: path, method and JSON body (as a browser client would). */
export const requestOf = (name: TEndpointName, call: TCall, headers: Record<string, string> = {}) => {
  const endpoint = contract[name];
  return {
    path: buildUrl(endpoint, call.params, call.query),
    init: {
      method: endpoint.method,
      headers: { ...(call.body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    } satisfies RequestInit,
  };
};

export const text = (s: string) => ({ ja: s, en: s });

const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
  const item = items.find((x) => x.id === id);
  if (!item) throw new Error(`no ${id} in the case`);
  return item;
};

// ---------------------------------------------------------------------------------------------------
// Records → the bodies that send them back (drafts without what the server decides; updates with the
// version the record was read at).

export const incidentUpdate = ({ id: _id, ...inc }: TIncident) => ({
  ...inc,
  impact: inc.impact.map(({ outsideRecord: _o, ...e }) => e),
  milestones: inc.milestones.map(({ outsideRecord: _o, ...m }) => m),
});
export const incidentDraft = (inc: TIncident): TIncidentDraft => {
  const { version: _v, number: _n, ...body } = incidentUpdate(inc);
  return {
    ...body,
    impact: body.impact.map(({ id: _id, ...e }) => e),
    milestones: body.milestones.map(({ id: _id, ...m }) => m),
  };
};
export const caseUpdate = ({ id: _id, ...c }: TCase) => c;
export const caseDraft = (c: TCase): TCaseDraft => {
  const { version: _v, ...body } = caseUpdate(c);
  return body;
};
export const organisationUpdate = ({ id: _id, ...o }: TOrganisation): TOrganisationUpdate => o;
export const cohortUpdate = ({ id: _id, progress: _p, ...cohort }: TCohort) => cohort;
export const cohortDraft = (cohort: TCohort): TCohortDraft => {
  const { version: _v, ...body } = cohortUpdate(cohort);
  return body;
};
export const commitmentUpdate = (c: TCommitment & { overdue?: boolean }) => {
  const {
    id: _id,
    overdue: _o,
    reportedDoneDate: _r,
    verifiedDate: _v,
    evidence: _e,
    reopenedDate: _rd,
    reopenedReason: _rr,
    history: _h,
    status,
    ...body
  } = c;
  return { ...body, ...(status === "open" || status === "in_progress" ? { status } : {}) };
};
export const commitmentDraft = (c: TCommitment): TCommitmentDraft => {
  const { version: _v, ...body } = commitmentUpdate(c);
  return body;
};
export const documentUpdate = ({ id: _id, ...doc }: TSourceDocument & { citedBy?: unknown }) => {
  const { citedBy: _c, ...body } = doc;
  return body;
};
export const documentDraft = (doc: TSourceDocument): TDocumentDraft => {
  const { version: _v, ...body } = documentUpdate(doc);
  return body;
};
export const meetingUpdate = ({ id: _id, closed: _c, ...m }: TMeeting) => m;
export const meetingDraft = (m: TMeeting): TMeetingDraft => {
  const { version: _v, ...body } = meetingUpdate(m);
  return {
    ...body,
    items: body.items.map(({ id: _id, ...x }) => x),
    resolutions: body.resolutions.map(({ id: _id, ...x }) => x),
  };
};
export const vendorUpdate = ({ id: _id, ...v }: TVendor & { regulatoryActions?: unknown }) => {
  const { regulatoryActions: _r, ...body } = v;
  return body;
};
export const vendorDraft = (v: TVendor): TVendorDraft => {
  const { version: _v, ...body } = vendorUpdate(v);
  return body;
};
export const serviceUpdate = ({ id: _id, ...p }: TService) => p;
export const serviceDraft = (p: TService): TServiceDraft => {
  const { version: _v, ...body } = serviceUpdate(p);
  return body;
};

const suffixed = (t: { ja: string; en: string }, tag: string) => ({
  ja: `${t.ja}（${tag}）`,
  en: `${t.en} (${tag})`,
});

const data: TDataset = case2025;

/** A commitment of the association's own making: open, due later, owed by the insurer. */
export const newCommitment = (tag: string): TCommitmentDraft => ({
  kind: "board_demand",
  text: text(`再発防止策の報告（${tag}）`),
  quote: null,
  owedByIds: ["sompo"],
  incidentIds: ["inc-3"],
  madeInDocumentId: null,
  madeAtMeetingId: "mtg-2025-03",
  madeOn: "2025-08-23",
  dueDate: "2025-12-26",
  source: { documentId: "doc-4", cites: [] },
});

/** A meeting that has taken place (so it may be closed) and is not closed. */
export const newMeeting = (tag: string): TMeetingDraft => ({
  ...meetingDraft(byId(data.meetings, "mtg-2025-03")),
  number: 4,
  date: "2025-09-20",
  title: text(`2025年度第4回定例理事会（${tag}）`),
});

export const newCommitmentReportedDone = async (c: TCaller) => {
  const created = await c.call("createCommitment", { body: newCommitment(c.unique("wf")) });
  return c.call("reportCommitmentDone", {
    params: { commitmentId: created.id },
    body: { version: created.version, reportedDoneDate: "2025-09-10", evidence: text("完了報告書") },
  });
};

const openMeeting = async (c: TCaller) => {
  const current = await c.call("getMeeting", { params: { meetingId: "mtg-2025-03" } });
  return current.closed ? c.call("createMeeting", { body: newMeeting(c.unique("mtg")) }) : current;
};

/** One valid request per write endpoint; each answers 200 when made by someone allowed to. */
export const WRITE_SAMPLES: { [N in TWriteName]: (c: TCaller) => Promise<TCall> } = {
  updateOrganisation: async (c) => {
    const organisation = await c.call("getOrganisation");
    const shortName = suffixed(data.organisation.shortName, c.unique("org"));
    return { body: { ...organisationUpdate(organisation), shortName } };
  },
  createCase: async (c) => {
    const draft = caseDraft(byId(data.cases, "case-2025-insurance"));
    return { body: { ...draft, title: suffixed(draft.title, c.unique("case")) } };
  },
  updateCase: async (c) => {
    const current = await c.call("getCase", { params: { caseId: "case-2025-insurance" } });
    const title = suffixed(byId(data.cases, "case-2025-insurance").title, c.unique("case"));
    return { params: { caseId: current.id }, body: { ...caseUpdate(current), title } };
  },
  changeOwnPassword: async (c) => ({
    // The same password again: a real change (a new hash, a new version, an audit entry) that leaves the
    // caller able to sign in and to make the next sample's call.
    body: { currentPassword: c.password, newPassword: c.password },
  }),
  createIncident: async (c) => {
    const inc = incidentDraft(byId(data.incidents, "inc-3"));
    return { body: { ...inc, title: suffixed(inc.title, c.unique("inc")) } };
  },
  updateIncident: async (c) => {
    const inc = await c.call("getIncident", { params: { incidentId: "inc-3" } });
    const title = suffixed(byId(data.incidents, "inc-3").title, c.unique("inc"));
    return { params: { incidentId: inc.id }, body: { ...incidentUpdate(inc), title } };
  },
  createCohort: async (c) => {
    // A cohort with money per member: members × yen per member is a figure the statistics derive.
    const cohort = cohortDraft(byId(data.cohorts, "coh-2-failed"));
    return { body: { ...cohort, label: suffixed(cohort.label, c.unique("coh")) } };
  },
  updateCohort: async (c) => {
    const cohort = await c.call("getCohort", { params: { cohortId: "coh-3-refund" } });
    const label = suffixed(byId(data.cohorts, "coh-3-refund").label, c.unique("coh"));
    return { params: { cohortId: cohort.id }, body: { ...cohortUpdate(cohort), label } };
  },
  addProgressEvent: async (c) => {
    // Corrected before the close: the split of members was never reported, the yen per member was, so
    // any count is accepted and multiplied by 200 yen in the statistics.
    const cohort = await c.call("getCohort", { params: { cohortId: "coh-2-before-close" } });
    return {
      params: { cohortId: cohort.id },
      body: {
        version: cohort.version,
        date: "2025-09-01",
        doneCount: { status: "reported", value: 1, source: { documentId: "notice", cites: [] } },
        note: text(`送付状況（${c.unique("pe")}）`),
        source: { documentId: "notice", cites: [] },
      },
    };
  },
  updateProgressEvent: async (c) => {
    const cohort = await c.call("getCohort", { params: { cohortId: "coh-2-failed" } });
    const event = byId(cohort.progress, "p2-failed-rebilled");
    return {
      params: { cohortId: cohort.id, eventId: event.id },
      body: {
        version: cohort.version,
        date: event.date,
        doneCount: event.doneCount,
        note: text(`訂正（${c.unique("pe")}）`),
        source: event.source,
      },
    };
  },
  importProgress: async (c) => ({
    body: {
      format: "json",
      content: JSON.stringify([
        { cohort_id: "coh-3-refund", date: "2025-09-05", done_count: 1, note_ja: c.unique("import") },
      ]),
      documentId: "notice",
    },
  }),
  createCommitment: async (c) => ({ body: newCommitment(c.unique("cmt")) }),
  updateCommitment: async (c) => {
    const cmt = await c.call("getCommitment", { params: { commitmentId: "cmt-board-trust" } });
    const wording = suffixed(byId(data.commitments, "cmt-board-trust").text, c.unique("cmt"));
    return { params: { commitmentId: cmt.id }, body: { ...commitmentUpdate(cmt), text: wording } };
  },
  reportCommitmentDone: async (c) => {
    const created = await c.call("createCommitment", { body: newCommitment(c.unique("wf")) });
    return {
      params: { commitmentId: created.id },
      body: { version: created.version, reportedDoneDate: "2025-09-10", evidence: text("完了報告書") },
    };
  },
  verifyCommitment: async (c) => {
    const reported = await newCommitmentReportedDone(c);
    return {
      params: { commitmentId: reported.id },
      body: { version: reported.version, verifiedDate: "2025-09-12" },
    };
  },
  reopenCommitment: async (c) => {
    const reported = await newCommitmentReportedDone(c);
    return {
      params: { commitmentId: reported.id },
      body: { version: reported.version, reopenedDate: "2025-09-12", reason: text("証跡が不足") },
    };
  },
  createDocument: async (c) => {
    const doc = documentDraft(byId(data.documents, "doc-5"));
    return { body: { ...doc, label: suffixed(doc.label, c.unique("doc")) } };
  },
  updateDocument: async (c) => {
    const doc = await c.call("getDocument", { params: { documentId: "doc-5" } });
    const statements = [...byId(data.documents, "doc-5").statements, text(c.unique("statement"))];
    return { params: { documentId: doc.id }, body: { ...documentUpdate(doc), statements } };
  },
  createMeeting: async (c) => ({ body: newMeeting(c.unique("mtg")) }),
  updateMeeting: async (c) => {
    const meeting = await openMeeting(c);
    const title = suffixed(byId(data.meetings, "mtg-2025-03").title, c.unique("mtg"));
    return { params: { meetingId: meeting.id }, body: { ...meetingUpdate(meeting), title } };
  },
  closeMeeting: async (c) => {
    const meeting = await c.call("createMeeting", { body: newMeeting(c.unique("mtg")) });
    return { params: { meetingId: meeting.id }, body: { version: meeting.version } };
  },
  createVendor: async (c) => {
    const vendor = vendorDraft(byId(data.vendors, "partners"));
    return { body: { ...vendor, name: suffixed(vendor.name, c.unique("ven")) } };
  },
  updateVendor: async (c) => {
    const vendor = await c.call("getVendor", { params: { vendorId: "partners" } });
    const shortName = suffixed(byId(data.vendors, "partners").shortName, c.unique("ven"));
    return { params: { vendorId: vendor.id }, body: { ...vendorUpdate(vendor), shortName } };
  },
  createService: async (c) => {
    const service = serviceDraft(byId(data.services, "prod-oyako"));
    return { body: { ...service, name: suffixed(service.name, c.unique("prd")) } };
  },
  updateService: async (c) => {
    const service = await c.call("getService", { params: { serviceId: "prod-oyako" } });
    const name = suffixed(byId(data.services, "prod-oyako").name, c.unique("prd"));
    return { params: { serviceId: service.id }, body: { ...serviceUpdate(service), name } };
  },
  updateSettings: async (c) => {
    const settings = await c.call("getSettings");
    const dayCounting =
      settings.dayCounting === "exclude_first_day" ? "include_first_day" : "exclude_first_day";
    return { body: { dayCounting, version: settings.version } };
  },
  createUser: async (c) => ({
    body: {
      username: c.unique("user"),
      displayName: "Sample user",
      role: "viewer",
      password: "sample passphrase 1",
    },
  }),
  updateUser: async (c) => {
    const user = await c.call("createUser", {
      body: {
        username: c.unique("target"),
        displayName: "Target",
        role: "viewer",
        // Not naming the user (a password with "target" in it would be refused).
        password: "quiet harbour lantern 4",
      },
    });
    return { params: { userId: user.id }, body: { version: user.version, displayName: "Renamed" } };
  },
};
