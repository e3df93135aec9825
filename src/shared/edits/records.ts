import { sameJson } from "../canonical-json";
import { todayInTokyo } from "../dates";
import { notFound } from "../http";
import type { TCase } from "../schemas/case";
import type { TCohort, TProgressEvent } from "../schemas/cohort";
import type { TCommitment } from "../schemas/commitment";
import type { TDataset } from "../schemas/dataset";
import type { TSourceDocument } from "../schemas/document";
import type {
  TCaseDraft,
  TCohortDraft,
  TCommitmentDraft,
  TDocumentDraft,
  TIncidentDraft,
  TMeetingDraft,
  TOrganisationUpdate,
  TProgressEventDraft,
  TServiceDraft,
  TVendorDraft,
} from "../schemas/edit";
import type { TIncident, TMilestoneKind } from "../schemas/incident";
import type { TMeeting } from "../schemas/meeting";
import type { TFieldError } from "../schemas/problem";
import type { TService } from "../schemas/service";
import type { TVendor } from "../schemas/vendor";
import {
  asRecord,
  MAX_FIGURE,
  nestedIdProblems,
  nextId,
  refuse,
  replaceById,
  staleRecord,
  stateConflict,
  storageProblems,
  type TEditContext,
  type TEditOutcome,
  type TRecordChange,
  unprocessable,
  withIds,
} from "./engine";

/*
 * One function per write endpoint. Each checks what the request schema cannot (the record it names
 * exists, the version is current, references resolve, the workflow allows the step), then returns the
 * next record and what changed. An update that changes nothing stores nothing and logs nothing.
 */

type TVersioned = { version: number };

const fieldError = (field: string, code: string, message: string, params?: Record<string, string | number>) =>
  ({ in: "body", field, code, message, ...(params ? { params } : {}) }) satisfies TFieldError;

/** A day or month after today (Tokyo): nobody can report what has not happened yet. */
const inFuture = (date: string, ctx: TEditContext) => {
  const today = todayInTokyo(ctx.now);
  return date.length === 7 ? date > today.slice(0, 7) : date > today;
};
const futureError = (field: string, date: string) =>
  fieldError(field, "in_future", `${date} is after today`, { date });

type TEntityType = TRecordChange["entityType"];

const change = (
  entityType: TEntityType,
  before: object | null,
  after: object & { id: string },
): TRecordChange => ({
  entityType,
  entityId: after.id,
  before: before ? asRecord(before) : null,
  after: asRecord(after),
});

/**
 * The common tail of every write: refuse on field errors, store nothing when nothing changed, else bump
 * the version and hand back the next record.
 */
const commit = <T extends { id: string } & TVersioned>(
  data: TDataset,
  entityType: TEntityType,
  key: "cases" | "incidents" | "cohorts" | "commitments" | "documents" | "meetings" | "vendors" | "services",
  before: T | null,
  candidate: T,
  errors: TFieldError[],
  extra: { data?: TDataset; changes?: TRecordChange[] } = {},
): TEditOutcome => {
  if (errors.length > 0) return unprocessable(errors);
  const base = extra.data ?? data;
  if (before && sameJson({ ...before, version: 0 }, { ...candidate, version: 0 }) && !extra.changes?.length) {
    return { ok: true, data, changes: [], result: before.id };
  }
  const next = { ...candidate, version: before ? before.version + 1 : 1 };
  const list = base[key] as unknown as T[];
  return {
    ok: true,
    data: { ...base, [key]: replaceById(list, next) },
    changes: [change(entityType, before, next), ...(extra.changes ?? [])],
    result: next.id,
  };
};

const findOr404 = <T extends { id: string }>(items: readonly T[], id: string, what: string) =>
  items.find((x) => x.id === id) ?? refuse(notFound(what, id));

const isFailure = (x: unknown): x is { ok: false } =>
  typeof x === "object" && x !== null && "ok" in x && (x as { ok: unknown }).ok === false;

// ---------------------------------------------------------------------------------------------------
// Incidents

const outsideRecordOf = (data: TDataset, documentId: string) =>
  data.documents.find((d) => d.id === documentId)?.outsideRecord ?? false;

/** The kinds of milestone that are a vendor's notice, which may stand for the organisation's own. */
const VENDOR_NOTICE_KINDS: readonly TMilestoneKind[] = [
  "vendor_public_announcement",
  "vendor_notice_to_people",
];

/**
 * A chain names, in order, the organisation's contractor and each subcontractor below it: every vendor after
 * the first must be recorded as working for the one before it.
 */
const chainProblems = (data: TDataset, chain: readonly string[]): TFieldError[] => {
  const errors: TFieldError[] = [];
  chain.forEach((vendorId, i) => {
    if (i === 0) return;
    const above = chain[i - 1] as string;
    const vendor = data.vendors.find((v) => v.id === vendorId);
    if (vendor && data.vendors.some((v) => v.id === above) && !vendor.subcontractorOf.includes(above)) {
      errors.push(
        fieldError(`chain.${i}`, "not_subcontractor", `${vendorId} is not recorded as working for ${above}`, {
          vendorId,
          contractorId: above,
        }),
      );
    }
  });
  return errors;
};

const incidentFrom = (
  data: TDataset,
  body: TIncidentDraft,
  id: string,
  number: number,
  version: number,
): { incident: TIncident; errors: TFieldError[] } => {
  const others = data.incidents.filter((i) => i.id !== id);
  const impactTaken = new Set(others.flatMap((i) => i.impact.map((s) => s.id)));
  const milestoneTaken = new Set(others.flatMap((i) => i.milestones.map((m) => m.id)));
  const impact = withIds(body.impact, "imp", new Set(impactTaken)).map((entry) => ({
    ...entry,
    outsideRecord: outsideRecordOf(data, entry.count.source.documentId),
  }));
  const milestones = withIds(body.milestones, "ms", new Set(milestoneTaken)).map((m) => ({
    ...m,
    outsideRecord: outsideRecordOf(data, m.source.documentId),
  }));
  const errors = [
    ...nestedIdProblems("impact", impact, impactTaken),
    ...nestedIdProblems("milestones", milestones, milestoneTaken),
    ...chainProblems(data, body.chain),
  ];
  if (others.some((i) => i.number === number)) {
    errors.push(fieldError("number", "taken", `incident number ${number} is taken`, { number }));
  }
  impact.forEach((entry, i) => {
    if (entry.unit === "people" && entry.scope === "ours" && entry.populationId === null) {
      errors.push(fieldError(`impact.${i}.populationId`, "required", "whose people they are is required"));
    }
  });
  milestones.forEach((m, i) => {
    if (m.coversOurPeople && !VENDOR_NOTICE_KINDS.includes(m.kind)) {
      errors.push(
        fieldError(
          `milestones.${i}.coversOurPeople`,
          "not_a_vendor_notice",
          "only a vendor's notice can cover",
        ),
      );
    }
  });
  const { number: _n, ...rest } = body;
  return {
    incident: { ...rest, id, number, impact, milestones, version },
    errors,
  };
};

export const createIncident = (data: TDataset, body: TIncidentDraft): TEditOutcome => {
  const id = nextId(
    "inc",
    data.incidents.map((i) => i.id),
  );
  const number = body.number ?? Math.max(0, ...data.incidents.map((i) => i.number)) + 1;
  const { incident, errors } = incidentFrom(data, body, id, number, 1);
  return commit(data, "incident", "incidents", null, incident, [...storageProblems(data, body), ...errors]);
};

export const updateIncident = (
  data: TDataset,
  id: string,
  body: TIncidentDraft & TVersioned,
): TEditOutcome => {
  const current = findOr404(data.incidents, id, "incident");
  if (isFailure(current)) return current;
  if (current.version !== body.version) return staleRecord(asRecord(current) as TIncident);
  const { version: _v, ...draft } = body;
  const { incident, errors } = incidentFrom(data, draft, id, draft.number ?? current.number, current.version);
  return commit(data, "incident", "incidents", current, incident, [
    ...storageProblems(data, draft),
    ...errors,
  ]);
};

// ---------------------------------------------------------------------------------------------------
// Cohorts and progress

const exact = (f: { status: string; value?: number }) =>
  f.status === "reported" || f.status === "derived" ? (f.value ?? null) : null;

/**
 * The yen the statistics derive from a group — its people, or the people put right by a progress event,
 * times the yen per person — stays within MAX_FIGURE. `field` is the figure to blame.
 */
const yenProblems = (field: string, counts: (number | null)[], perPerson: number | null): TFieldError[] => {
  const most = Math.max(0, ...counts.filter((n): n is number => n !== null));
  if (perPerson === null || perPerson === 0 || most === 0 || most * perPerson <= MAX_FIGURE) return [];
  const max = Math.floor(MAX_FIGURE / (field === "amountPerPersonYen.value" ? most : perPerson));
  return [
    fieldError(field, "too_large", `more than ${MAX_FIGURE} yen in all (at most ${max} here)`, { max }),
  ];
};

const cohortProblems = (data: TDataset, id: string | null, body: TCohortDraft): TFieldError[] => {
  const progress = data.cohorts.find((c) => c.id === id)?.progress ?? [];
  const errors: TFieldError[] = yenProblems(
    "amountPerPersonYen.value",
    [exact(body.people), ...progress.map((e) => exact(e.doneCount))],
    body.amountPerPersonYen ? exact(body.amountPerPersonYen) : null,
  );
  if (body.parentId !== null) {
    const parent = data.cohorts.find((c) => c.id === body.parentId);
    if (parent && parent.incidentId !== body.incidentId) {
      errors.push(fieldError("parentId", "other_incident", "the parent cohort belongs to another incident"));
    }
    // Walk up from the parent: reaching this cohort means a cycle.
    const seen = new Set<string>();
    for (let at = parent; at && id !== null; at = data.cohorts.find((c) => c.id === at?.parentId)) {
      if (at.id === id || seen.has(at.id)) {
        errors.push(fieldError("parentId", "cycle", "a cohort cannot be inside itself"));
        break;
      }
      seen.add(at.id);
    }
  }
  return errors;
};

export const createCohort = (data: TDataset, body: TCohortDraft): TEditOutcome => {
  const id = nextId(
    "coh",
    data.cohorts.map((c) => c.id),
  );
  const cohort: TCohort = { ...body, id, progress: [], version: 1 };
  return commit(data, "cohort", "cohorts", null, cohort, [
    ...storageProblems(data, body),
    ...cohortProblems(data, null, body),
  ]);
};

export const updateCohort = (data: TDataset, id: string, body: TCohortDraft & TVersioned): TEditOutcome => {
  const current = findOr404(data.cohorts, id, "cohort");
  if (isFailure(current)) return current;
  if (current.version !== body.version) return staleRecord(asRecord(current) as TCohort);
  const { version: _v, ...draft } = body;
  const errors = [...storageProblems(data, draft), ...cohortProblems(data, id, draft)];
  if (draft.incidentId !== current.incidentId && current.progress.length > 0) {
    errors.push(
      fieldError("incidentId", "has_progress", "a cohort with recorded progress stays with its incident"),
    );
  }
  if (draft.incidentId !== current.incidentId && data.cohorts.some((c) => c.parentId === id)) {
    errors.push(
      fieldError("incidentId", "has_children", "a cohort with sub-cohorts stays with its incident"),
    );
  }
  return commit(
    data,
    "cohort",
    "cohorts",
    current,
    { ...draft, id, progress: current.progress, version: current.version },
    errors,
  );
};

const progressProblems = (
  cohort: TCohort,
  event: Omit<TProgressEvent, "id" | "cohortId" | "statusChange">,
  status: string,
  ctx: TEditContext,
) => {
  const errors: TFieldError[] = [];
  if (inFuture(event.date, ctx)) errors.push(futureError("date", event.date));
  const people = exact(cohort.people);
  const done = exact(event.doneCount);
  errors.push(
    ...yenProblems(
      "doneCount.value",
      [done],
      cohort.amountPerPersonYen ? exact(cohort.amountPerPersonYen) : null,
    ),
  );
  if (people !== null && done !== null && done > people) {
    errors.push(
      fieldError("doneCount.value", "exceeds_people", `more than the group's ${people} people`, { people }),
    );
  }
  if (status === "completed" && people !== null && done !== null && done < people) {
    errors.push(
      fieldError("cohortStatus", "completed_short", `completed with ${done} of ${people} people put right`, {
        done,
        people,
      }),
    );
  }
  return errors;
};

/** The highest n of a cohort's `pe-n` event ids (0 for none), kept per list: lists are never changed in place. */
const highestEventNumbers = new WeakMap<readonly TProgressEvent[], number>();
const highestEventNumber = (progress: readonly TProgressEvent[]) => {
  let n = highestEventNumbers.get(progress);
  if (n === undefined) {
    n = 0;
    for (const event of progress) {
      const m = /^pe-(\d+)$/.exec(event.id);
      if (m) n = Math.max(n, Number(m[1]));
    }
    highestEventNumbers.set(progress, n);
  }
  return n;
};

/**
 * The id a new progress event gets: what `nextId("pe", every event id of the record)` gives (no id above
 * the highest is taken), but reading only the events of cohorts changed since the last report, not the
 * whole record's (50,000 events at a hundred times a year's case).
 */
export const nextEventId = (data: TDataset) => {
  let n = 0;
  for (const cohort of data.cohorts) n = Math.max(n, highestEventNumber(cohort.progress));
  return `pe-${n + 1}`;
};

/** Records a progress event (a new one, or a correction of `eventId`) on a cohort. */
export const recordProgress = (
  data: TDataset,
  cohortId: string,
  eventId: string | null,
  body: TProgressEventDraft,
  ctx: TEditContext,
): TEditOutcome => {
  const cohort = findOr404(data.cohorts, cohortId, "cohort");
  if (isFailure(cohort)) return cohort;
  if (eventId !== null && !cohort.progress.some((e) => e.id === eventId)) {
    return refuse(notFound("progress event", eventId));
  }
  if (cohort.version !== body.version) return staleRecord(asRecord(cohort) as TCohort);
  const { version: _v, cohortStatus, ...fields } = body;
  const id = eventId ?? nextEventId(data);
  const previous = cohort.progress.find((e) => e.id === eventId) ?? null;
  const status = cohortStatus ?? cohort.status;
  // A status change is kept on the report that made it, so the status on any earlier day can be told.
  const statusChange =
    cohortStatus !== undefined && cohortStatus !== cohort.status
      ? { from: previous?.statusChange?.from ?? cohort.status, to: cohortStatus }
      : (previous?.statusChange ?? null);
  const event: TProgressEvent = { id, cohortId, ...fields, statusChange };
  const errors = [...storageProblems(data, fields), ...progressProblems(cohort, fields, status, ctx)];
  const progress = replaceById(cohort.progress, event);
  return commit(data, "cohort", "cohorts", cohort, { ...cohort, progress, status }, errors);
};

// ---------------------------------------------------------------------------------------------------
// Commitments: the vendor reports done → the association verifies, or reopens with a reason.

const WORKFLOW_EDITABLE = new Set(["open", "in_progress", "reopened"]);

export const createCommitment = (data: TDataset, body: TCommitmentDraft): TEditOutcome => {
  const id = nextId(
    "cmt",
    data.commitments.map((c) => c.id),
  );
  const commitment: TCommitment = {
    ...body,
    id,
    status: body.status ?? "open",
    reportedDoneDate: null,
    verifiedDate: null,
    evidence: null,
    reopenedDate: null,
    reopenedReason: null,
    history: [],
    version: 1,
  };
  return commit(data, "commitment", "commitments", null, commitment, storageProblems(data, body));
};

const commitmentStep = (
  data: TDataset,
  id: string,
  version: number,
  step: (current: TCommitment) => { next: TCommitment; errors: TFieldError[] } | TEditOutcome,
): TEditOutcome => {
  const current = findOr404(data.commitments, id, "commitment");
  if (isFailure(current)) return current;
  if (current.version !== version) return staleRecord(asRecord(current) as TCommitment);
  const out = step(current);
  if ("ok" in out) return out;
  return commit(data, "commitment", "commitments", current, out.next, out.errors);
};

export const updateCommitment = (data: TDataset, id: string, body: TCommitmentDraft & TVersioned) =>
  commitmentStep(data, id, body.version, (current) => {
    const { version: _v, status, ...draft } = body;
    if (status !== undefined && status !== current.status && !WORKFLOW_EDITABLE.has(current.status)) {
      return stateConflict(
        `The commitment is ${current.status}: its status changes only by verifying or reopening it.`,
        asRecord(current),
        "status_workflow",
      );
    }
    return {
      next: { ...current, ...draft, status: status ?? current.status },
      errors: storageProblems(data, draft),
    };
  });

export const reportCommitmentDone = (
  data: TDataset,
  id: string,
  body: { version: number; reportedDoneDate: string; evidence: TCommitment["evidence"] },
  ctx: TEditContext,
) =>
  commitmentStep(data, id, body.version, (current) => {
    if (current.status === "verified") {
      return stateConflict(
        "The commitment is already verified; reopen it first.",
        asRecord(current),
        "already_verified",
      );
    }
    const errors = storageProblems(data, { evidence: body.evidence });
    if (inFuture(body.reportedDoneDate, ctx))
      errors.push(futureError("reportedDoneDate", body.reportedDoneDate));
    return {
      next: {
        ...current,
        status: "vendor_reported_done",
        reportedDoneDate: body.reportedDoneDate,
        evidence: body.evidence,
        history: [
          ...current.history,
          { step: "reported_done", date: body.reportedDoneDate, text: body.evidence },
        ],
      },
      errors,
    };
  });

/** A date after the vendor's report (verifying, reopening): not after today, nor before the report. */
const afterReportProblems = (field: string, date: string, current: TCommitment, ctx: TEditContext) => {
  const errors: TFieldError[] = [];
  if (inFuture(date, ctx)) errors.push(futureError(field, date));
  const reported = current.reportedDoneDate;
  if (reported !== null && date < reported) {
    errors.push(
      fieldError(field, "before_reported_done", `before the vendor reported it done (${reported})`, {
        date: reported,
      }),
    );
  }
  return errors;
};

export const verifyCommitment = (
  data: TDataset,
  id: string,
  body: { version: number; verifiedDate: string },
  ctx: TEditContext,
) =>
  commitmentStep(data, id, body.version, (current) => {
    if (current.status !== "vendor_reported_done") {
      return stateConflict(
        "Only a commitment the vendor has reported done can be verified.",
        asRecord(current),
        "not_reported_done",
      );
    }
    const errors = afterReportProblems("verifiedDate", body.verifiedDate, current, ctx);
    return {
      next: {
        ...current,
        status: "verified",
        verifiedDate: body.verifiedDate,
        reopenedDate: null,
        reopenedReason: null,
        history: [...current.history, { step: "verified", date: body.verifiedDate, text: null }],
      },
      errors,
    };
  });

export const reopenCommitment = (
  data: TDataset,
  id: string,
  body: { version: number; reopenedDate: string; reason: NonNullable<TCommitment["reopenedReason"]> },
  ctx: TEditContext,
) =>
  commitmentStep(data, id, body.version, (current) => {
    if (current.status !== "vendor_reported_done" && current.status !== "verified") {
      return stateConflict(
        "Only a commitment reported done or verified can be reopened.",
        asRecord(current),
        "not_reported_done",
      );
    }
    const errors = [
      ...storageProblems(data, { reason: body.reason }),
      ...afterReportProblems("reopenedDate", body.reopenedDate, current, ctx),
    ];
    return {
      next: {
        ...current,
        status: "reopened",
        verifiedDate: null,
        reopenedDate: body.reopenedDate,
        reopenedReason: body.reason,
        history: [...current.history, { step: "reopened", date: body.reopenedDate, text: body.reason }],
      },
      errors,
    };
  });

// ---------------------------------------------------------------------------------------------------
// Documents

/**
 * Milestones and impact figures copy their source's outsideRecord: when a document's changes, the
 * incidents citing it follow.
 */
const followOutsideRecord = (data: TDataset, doc: TSourceDocument) => {
  const changes: TRecordChange[] = [];
  const stale = (documentId: string, outsideRecord: boolean) =>
    documentId === doc.id && outsideRecord !== doc.outsideRecord;
  const incidents = data.incidents.map((incident) => {
    if (
      !incident.milestones.some((m) => stale(m.source.documentId, m.outsideRecord)) &&
      !incident.impact.some((e) => stale(e.count.source.documentId, e.outsideRecord))
    ) {
      return incident;
    }
    const next = {
      ...incident,
      milestones: incident.milestones.map((m) =>
        m.source.documentId === doc.id ? { ...m, outsideRecord: doc.outsideRecord } : m,
      ),
      impact: incident.impact.map((e) =>
        e.count.source.documentId === doc.id ? { ...e, outsideRecord: doc.outsideRecord } : e,
      ),
      version: incident.version + 1,
    };
    changes.push(change("incident", incident, next));
    return next;
  });
  return { data: { ...data, incidents }, changes };
};

export const createDocument = (data: TDataset, body: TDocumentDraft, ctx: TEditContext): TEditOutcome => {
  const id = nextId(
    "doc",
    data.documents.map((d) => d.id),
  );
  const errors = storageProblems(data, body);
  if (body.date !== null && inFuture(body.date, ctx)) errors.push(futureError("date", body.date));
  return commit(data, "document", "documents", null, { ...body, id, version: 1 }, errors);
};

export const updateDocument = (
  data: TDataset,
  id: string,
  body: TDocumentDraft & TVersioned,
  ctx: TEditContext,
): TEditOutcome => {
  const current = findOr404(data.documents, id, "document");
  if (isFailure(current)) return current;
  if (current.version !== body.version) return staleRecord(asRecord(current) as TSourceDocument);
  const { version: _v, ...draft } = body;
  const errors = storageProblems(data, draft);
  if (draft.date !== null && inFuture(draft.date, ctx)) errors.push(futureError("date", draft.date));
  const next = { ...draft, id, version: current.version };
  const followed = followOutsideRecord(data, next);
  return commit(data, "document", "documents", current, next, errors, followed);
};

// ---------------------------------------------------------------------------------------------------
// Meetings

const meetingFrom = (data: TDataset, body: TMeetingDraft, id: string, current: TMeeting | null) => {
  const others = data.meetings.filter((m) => m.id !== id);
  const itemTaken = new Set(others.flatMap((m) => m.items.map((x) => x.id)));
  const resolutionTaken = new Set(others.flatMap((m) => m.resolutions.map((x) => x.id)));
  const items = withIds(body.items, "item", new Set(itemTaken));
  const resolutions = withIds(body.resolutions, "res", new Set(resolutionTaken));
  const meeting: TMeeting = {
    ...body,
    id,
    items,
    resolutions,
    closed: current?.closed ?? null,
    version: current?.version ?? 1,
  };
  const ownItems = new Set(items.map((item) => item.id));
  const itemErrors = resolutions.flatMap((r, i) =>
    r.itemId !== null && !ownItems.has(r.itemId)
      ? [
          fieldError(
            `resolutions.${i}.itemId`,
            "unknown_reference",
            `no agenda item "${r.itemId}" in this meeting`,
            {
              kind: "item",
              id: r.itemId,
            },
          ),
        ]
      : [],
  );
  return {
    meeting,
    errors: [
      ...storageProblems(data, body),
      ...nestedIdProblems("items", items, itemTaken),
      ...nestedIdProblems("resolutions", resolutions, resolutionTaken),
      ...itemErrors,
    ],
  };
};

export const createMeeting = (data: TDataset, body: TMeetingDraft): TEditOutcome => {
  const id = nextId(
    "mtg",
    data.meetings.map((m) => m.id),
  );
  const { meeting, errors } = meetingFrom(data, body, id, null);
  return commit(data, "meeting", "meetings", null, meeting, errors);
};

const closedConflict = (meeting: TMeeting) =>
  stateConflict(
    "The meeting is closed: what the board was shown is frozen.",
    asRecord(meeting),
    "meeting_closed",
  );

export const updateMeeting = (data: TDataset, id: string, body: TMeetingDraft & TVersioned): TEditOutcome => {
  const current = findOr404(data.meetings, id, "meeting");
  if (isFailure(current)) return current;
  if (current.version !== body.version) return staleRecord(asRecord(current) as TMeeting);
  if (current.closed) return closedConflict(current);
  const { version: _v, ...draft } = body;
  const { meeting, errors } = meetingFrom(data, draft, id, current);
  return commit(data, "meeting", "meetings", current, meeting, errors);
};

export const closeMeeting = (
  data: TDataset,
  id: string,
  body: TVersioned,
  ctx: TEditContext,
): TEditOutcome => {
  const current = findOr404(data.meetings, id, "meeting");
  if (isFailure(current)) return current;
  if (current.version !== body.version) return staleRecord(asRecord(current) as TMeeting);
  if (current.closed) return closedConflict(current);
  if (inFuture(current.date, ctx)) {
    return stateConflict(
      `The meeting is on ${current.date}: it can be closed on that day or later.`,
      asRecord(current),
      "meeting_in_future",
    );
  }
  const closed = { at: ctx.now.toISOString(), byName: ctx.actor.displayName };
  return commit(data, "meeting", "meetings", current, { ...current, closed }, []);
};

// ---------------------------------------------------------------------------------------------------
// Vendors and services: each lists the other, and both sides are kept in step.

type TLinkSide = "vendors" | "services";

/**
 * After `owner` (a vendor or a service) names its counterparts, adds it to each newly named counterpart's
 * list (at the end) and removes it from those no longer named; every counterpart touched is a change.
 */
const syncLinks = (data: TDataset, side: TLinkSide, ownerId: string, named: readonly string[]) => {
  const changes: TRecordChange[] = [];
  if (side === "vendors") {
    const services = data.services.map((p) => {
      const has = p.vendorIds.includes(ownerId);
      const wants = named.includes(p.id);
      if (has === wants) return p;
      const next: TService = {
        ...p,
        vendorIds: wants ? [...p.vendorIds, ownerId] : p.vendorIds.filter((v) => v !== ownerId),
        version: p.version + 1,
      };
      changes.push(change("service", p, next));
      return next;
    });
    return { data: { ...data, services }, changes };
  }
  const vendors = data.vendors.map((v) => {
    const has = v.serviceIds.includes(ownerId);
    const wants = named.includes(v.id);
    if (has === wants) return v;
    const next: TVendor = {
      ...v,
      serviceIds: wants ? [...v.serviceIds, ownerId] : v.serviceIds.filter((p) => p !== ownerId),
      version: v.version + 1,
    };
    changes.push(change("vendor", v, next));
    return next;
  });
  return { data: { ...data, vendors }, changes };
};

/** A vendor cannot work for itself, directly or down a chain of subcontractors. */
const subcontractingProblems = (data: TDataset, vendorId: string, contractors: readonly string[]) => {
  const errors: TFieldError[] = [];
  contractors.forEach((contractorId, i) => {
    const seen = new Set<string>();
    const stack = [contractorId];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      if (at === vendorId) {
        errors.push(
          fieldError(
            `subcontractorOf.${i}`,
            "cycle",
            "a vendor cannot work for itself, even through others",
            {
              vendorId: contractorId,
            },
          ),
        );
        return;
      }
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(data.vendors.find((v) => v.id === at)?.subcontractorOf ?? []));
    }
  });
  return errors;
};

const LINKED = {
  vendors: { entityType: "vendor", prefix: "ven", what: "vendor" },
  services: { entityType: "service", prefix: "prd", what: "service" },
} as const;

/** Creates (`id` null) or updates a vendor or a service, keeping the other side's links in step. */
const editLinked = (
  data: TDataset,
  side: TLinkSide,
  id: string | null,
  body: (TVendorDraft | TServiceDraft) & { version?: number },
): TEditOutcome => {
  const { entityType, prefix, what } = LINKED[side];
  const list: (TVendor | TService)[] = data[side];
  let current: TVendor | TService | null = null;
  if (id !== null) {
    const found = findOr404(list, id, what);
    if (isFailure(found)) return found;
    if (found.version !== body.version) return staleRecord(asRecord(found) as TVendor | TService);
    current = found;
  }
  const { version: _v, ...draft } = body;
  const errors = storageProblems(data, draft);
  const ownId =
    id ??
    nextId(
      prefix,
      list.map((x) => x.id),
    );
  if ("subcontractorOf" in draft) errors.push(...subcontractingProblems(data, ownId, draft.subcontractorOf));
  if (errors.length > 0) return unprocessable(errors);
  const named = "serviceIds" in draft ? draft.serviceIds : draft.vendorIds;
  const linked = syncLinks(data, side, ownId, named);
  const next = { ...draft, id: ownId, version: current?.version ?? 1 } as TVendor | TService;
  return commit(data, entityType, side, current, next, [], linked);
};

export const createVendor = (data: TDataset, body: TVendorDraft) => editLinked(data, "vendors", null, body);
export const updateVendor = (data: TDataset, id: string, body: TVendorDraft & TVersioned) =>
  editLinked(data, "vendors", id, body);
export const createService = (data: TDataset, body: TServiceDraft) =>
  editLinked(data, "services", null, body);
export const updateService = (data: TDataset, id: string, body: TServiceDraft & TVersioned) =>
  editLinked(data, "services", id, body);

// ---------------------------------------------------------------------------------------------------
// Cases

export const createCase = (data: TDataset, body: TCaseDraft): TEditOutcome => {
  const id = nextId(
    "case",
    data.cases.map((c) => c.id),
  );
  return commit(data, "case", "cases", null, { ...body, id, version: 1 }, storageProblems(data, body));
};

export const updateCase = (data: TDataset, id: string, body: TCaseDraft & TVersioned): TEditOutcome => {
  const current = findOr404(data.cases, id, "case");
  if (isFailure(current)) return current;
  if (current.version !== body.version) return staleRecord(asRecord(current) as TCase);
  const { version: _v, ...draft } = body;
  return commit(
    data,
    "case",
    "cases",
    current,
    { ...draft, id, version: current.version },
    storageProblems(data, draft),
  );
};

// ---------------------------------------------------------------------------------------------------
// The organisation (administrators)

/** Which records still name a population or a vendor kind: those cannot be removed from the lists. */
const inUse = (data: TDataset) => ({
  populations: new Set([
    ...data.services.map((s) => s.populationId),
    ...data.cohorts.map((c) => c.populationId),
    ...data.incidents.flatMap((i) => i.impact.flatMap((e) => (e.populationId ? [e.populationId] : []))),
  ]),
  vendorKinds: new Set(data.vendors.map((v) => v.kindId)),
});

export const updateOrganisation = (data: TDataset, body: TOrganisationUpdate): TEditOutcome => {
  const current = data.organisation;
  if (current.version !== body.version) return staleRecord(asRecord(current) as typeof current);
  const { version: _v, ...draft } = body;
  const errors = storageProblems(data, draft);
  const used = inUse(data);
  for (const list of ["populations", "vendorKinds"] as const) {
    const seen = new Set<string>();
    draft[list].forEach((entry, i) => {
      if (seen.has(entry.id)) {
        errors.push(
          fieldError(`${list}.${i}.id`, "duplicate", `the id "${entry.id}" is already used`, {
            id: entry.id,
          }),
        );
      }
      seen.add(entry.id);
    });
    for (const id of used[list]) {
      if (!seen.has(id) && current[list].some((entry) => entry.id === id)) {
        errors.push(fieldError(list, "in_use", `"${id}" is still used by the record`, { id }));
      }
    }
  }
  if (errors.length > 0) return unprocessable(errors);
  const next = { ...draft, id: current.id, version: current.version };
  if (sameJson({ ...current, version: 0 }, { ...next, version: 0 })) {
    return { ok: true, data, changes: [], result: current.id };
  }
  const saved = { ...next, version: current.version + 1 };
  return {
    ok: true,
    data: { ...data, organisation: saved },
    changes: [change("organisation", current, saved)],
    result: saved.id,
  };
};
