import { z } from "zod";
import { ZAuditEntry, ZAuditListQuery, ZAuditVerification } from "./schemas/audit";
import {
  type TAccess,
  ZLoginBody,
  ZOk,
  ZSession,
  ZUser,
  ZUserCreateBody,
  ZUserUpdateBody,
} from "./schemas/auth";
import { ZCohort, ZCohortListQuery } from "./schemas/cohort";
import { ZCommitmentListQuery, ZCommitmentView } from "./schemas/commitment";
import { listOf, pageQuery, ZFiscalYear, ZId, ZIsoDate } from "./schemas/common";
import { ZDeadlineQuery, ZDeadlines } from "./schemas/deadline";
import { ZDocumentDetail, ZDocumentKind, ZSourceDocument } from "./schemas/document";
import {
  ZCohortDraft,
  ZCohortUpdate,
  ZCommitmentDraft,
  ZCommitmentReopen,
  ZCommitmentReportDone,
  ZCommitmentUpdate,
  ZCommitmentVerify,
  ZDocumentDraft,
  ZDocumentUpdate,
  ZIncidentDraft,
  ZIncidentUpdate,
  ZMeetingClose,
  ZMeetingDraft,
  ZMeetingUpdate,
  ZProductDraft,
  ZProductUpdate,
  ZProgressEventDraft,
  ZVendorDraft,
  ZVendorUpdate,
} from "./schemas/edit";
import { ZIncident, ZIncidentListQuery, ZIncidentSummary } from "./schemas/incident";
import { ZMeeting } from "./schemas/meeting";
import { ZOrganisation } from "./schemas/organisation";
import { ZHealth } from "./schemas/problem";
import { ZProduct } from "./schemas/product";
import { ZProgressImportBody, ZProgressImportResult } from "./schemas/progress-import";
import { ZSettings, ZSettingsUpdate } from "./schemas/settings";
import { ZMeetingSnapshot } from "./schemas/snapshot";
import {
  ZAffectedStats,
  ZAsOfQuery,
  ZCommitmentStats,
  ZIntervalStats,
  ZOverview,
  ZRemediationStats,
  ZRemediationTimeline,
  ZVendorScorecardQuery,
  ZVendorScorecards,
} from "./schemas/stats";
import { ZRegulatoryAction, ZVendor, ZVendorDetail } from "./schemas/vendor";

/*
 * The one declaration of the HTTP API. The server validates requests and responses with it, the MSW
 * handlers are generated from it, the client parses every response with it, and the OpenAPI document is
 * derived from it. Adding an endpoint anywhere else is a bug.
 */

export type TMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type TEndpoint = {
  method: TMethod;
  /** Express-style `:name` segments; each must be declared in `params`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** Error statuses this endpoint can answer besides 405/500, each with a problem+json body. */
  errors: readonly number[];
  /** Bodies larger than this are refused with 413 (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /**
   * Who may call it. Anything but `public` also answers 401 (not signed in) and 403 (role too low, or a
   * state-changing request without the session's CSRF token).
   */
  access: TAccess;
};

const ZPageOnly = z.strictObject({ ...pageQuery });
// Generic in the name so that parsed params are typed by key (`params.incidentId: string`).
const id = <K extends string>(name: K) => z.strictObject({ [name]: ZId } as Record<K, typeof ZId>);
const ZBool = z.enum(["true", "false"]);

export const contract = {
  health: {
    method: "GET",
    path: "/api/health",
    summary: "Liveness and which database engine is in use",
    tag: "meta",
    response: ZHealth,
    access: "public",
    errors: [],
  },
  openapi: {
    method: "GET",
    path: "/api/openapi.json",
    summary: "This API as an OpenAPI 3.1 document",
    tag: "meta",
    response: z.record(z.string(), z.unknown()),
    access: "public",
    errors: [],
  },
  getOrganisation: {
    method: "GET",
    path: "/api/v1/organisation",
    summary: "The association whose vendors are overseen",
    tag: "organisation",
    response: ZOrganisation,
    access: "viewer",
    errors: [],
  },
  listVendors: {
    method: "GET",
    path: "/api/v1/vendors",
    summary: "Vendors (insurer, agency)",
    tag: "vendors",
    query: ZPageOnly,
    response: listOf(ZVendor),
    access: "viewer",
    errors: [400],
  },
  getVendor: {
    method: "GET",
    path: "/api/v1/vendors/:vendorId",
    summary: "One vendor with its published regulatory record",
    tag: "vendors",
    params: id("vendorId"),
    response: ZVendorDetail,
    access: "viewer",
    errors: [400, 404],
  },
  listRegulatoryActions: {
    method: "GET",
    path: "/api/v1/regulatory-actions",
    summary: "Published regulatory actions against vendors (outside the association's record)",
    tag: "vendors",
    query: z.strictObject({ vendorId: ZId.optional(), since: ZIsoDate.optional(), ...pageQuery }),
    response: listOf(ZRegulatoryAction),
    access: "viewer",
    errors: [400],
  },
  listProducts: {
    method: "GET",
    path: "/api/v1/products",
    summary: "Insurance schemes the vendors serve",
    tag: "products",
    query: ZPageOnly,
    response: listOf(ZProduct),
    access: "viewer",
    errors: [400],
  },
  getProduct: {
    method: "GET",
    path: "/api/v1/products/:productId",
    summary: "One insurance scheme",
    tag: "products",
    params: id("productId"),
    response: ZProduct,
    access: "viewer",
    errors: [400, 404],
  },
  listDocuments: {
    method: "GET",
    path: "/api/v1/documents",
    summary: "Source documents (資料1–5, the notice, published context)",
    tag: "documents",
    query: z.strictObject({ kind: ZDocumentKind.optional(), outsideRecord: ZBool.optional(), ...pageQuery }),
    response: listOf(ZSourceDocument),
    access: "viewer",
    errors: [400],
  },
  getDocument: {
    method: "GET",
    path: "/api/v1/documents/:documentId",
    summary: "One source document and every record that cites it",
    tag: "documents",
    params: id("documentId"),
    response: ZDocumentDetail,
    access: "viewer",
    errors: [400, 404],
  },
  listIncidents: {
    method: "GET",
    path: "/api/v1/incidents",
    summary: "Incidents, filterable by vendor, category, status and fiscal year (年度)",
    tag: "incidents",
    query: ZIncidentListQuery,
    response: listOf(ZIncidentSummary),
    access: "viewer",
    errors: [400],
  },
  getIncident: {
    method: "GET",
    path: "/api/v1/incidents/:incidentId",
    summary: "Everything known about one incident",
    tag: "incidents",
    params: id("incidentId"),
    response: ZIncident,
    access: "viewer",
    errors: [400, 404],
  },
  listCohorts: {
    method: "GET",
    path: "/api/v1/cohorts",
    summary: "Remediation cohorts with their dated progress",
    tag: "remediation",
    query: ZCohortListQuery,
    response: listOf(ZCohort),
    access: "viewer",
    errors: [400],
  },
  getCohort: {
    method: "GET",
    path: "/api/v1/cohorts/:cohortId",
    summary: "One remediation cohort",
    tag: "remediation",
    params: id("cohortId"),
    response: ZCohort,
    access: "viewer",
    errors: [400, 404],
  },
  listCommitments: {
    method: "GET",
    path: "/api/v1/commitments",
    summary: "Vendor promises and board demands, with overdue status as of a date",
    tag: "commitments",
    query: ZCommitmentListQuery,
    response: listOf(ZCommitmentView),
    access: "viewer",
    errors: [400],
  },
  getCommitment: {
    method: "GET",
    path: "/api/v1/commitments/:commitmentId",
    summary: "One commitment",
    tag: "commitments",
    params: id("commitmentId"),
    query: ZAsOfQuery,
    response: ZCommitmentView,
    access: "viewer",
    errors: [400, 404],
  },
  listMeetings: {
    method: "GET",
    path: "/api/v1/meetings",
    summary: "Board meetings, newest first",
    tag: "meetings",
    query: z.strictObject({ fiscalYear: z.coerce.number().pipe(ZFiscalYear).optional(), ...pageQuery }),
    response: listOf(ZMeeting),
    access: "viewer",
    errors: [400],
  },
  getMeeting: {
    method: "GET",
    path: "/api/v1/meetings/:meetingId",
    summary: "One board meeting: items, documents, vendor attendees, resolutions",
    tag: "meetings",
    params: id("meetingId"),
    response: ZMeeting,
    access: "viewer",
    errors: [400, 404],
  },
  getOverview: {
    method: "GET",
    path: "/api/v1/stats/overview",
    summary: "Headline figures for the meeting's first screen",
    tag: "stats",
    query: ZAsOfQuery,
    response: ZOverview,
    access: "viewer",
    errors: [400],
  },
  getAffectedStats: {
    method: "GET",
    path: "/api/v1/stats/affected",
    summary: "Members affected by incident and by product",
    tag: "stats",
    query: z.strictObject({ fiscalYear: z.coerce.number().pipe(ZFiscalYear).optional() }),
    response: ZAffectedStats,
    access: "viewer",
    errors: [400],
  },
  getRemediationStats: {
    method: "GET",
    path: "/api/v1/stats/remediation",
    summary: "Correction and refund completion per cohort, in members and yen",
    tag: "stats",
    query: z.strictObject({ incidentId: ZId.optional() }),
    response: ZRemediationStats,
    access: "viewer",
    errors: [400],
  },
  getRemediationTimeline: {
    method: "GET",
    path: "/api/v1/stats/remediation-timeline",
    summary: "Cumulative corrections over time (day-precise progress reports only)",
    tag: "stats",
    query: z.strictObject({ incidentId: ZId.optional() }),
    response: ZRemediationTimeline,
    access: "viewer",
    errors: [400],
  },
  getCommitmentStats: {
    method: "GET",
    path: "/api/v1/stats/commitments",
    summary: "Commitments by status, overdue and due within 14 days",
    tag: "stats",
    query: z.strictObject({ vendorId: ZId.optional(), asOf: ZIsoDate.optional() }),
    response: ZCommitmentStats,
    access: "viewer",
    errors: [400],
  },
  getIntervalStats: {
    method: "GET",
    path: "/api/v1/stats/intervals",
    summary: "Days between timeline milestones, per incident",
    tag: "stats",
    query: z.strictObject({ incidentId: ZId.optional() }),
    response: ZIntervalStats,
    access: "viewer",
    errors: [400],
  },
  getVendorScorecards: {
    method: "GET",
    path: "/api/v1/stats/vendors",
    summary: "Vendor scorecards per fiscal year (年度)",
    tag: "stats",
    query: ZVendorScorecardQuery,
    response: ZVendorScorecards,
    access: "viewer",
    errors: [400],
  },
  login: {
    method: "POST",
    path: "/api/v1/auth/login",
    summary: "Sign in; sets the HttpOnly session cookie and returns the CSRF token",
    tag: "auth",
    body: ZLoginBody,
    response: ZSession,
    access: "public",
    errors: [400, 401, 413, 415, 429],
  },
  logout: {
    method: "POST",
    path: "/api/v1/auth/logout",
    summary: "Sign out; ends the session on the server",
    tag: "auth",
    response: ZOk,
    access: "viewer",
    errors: [],
  },
  getSession: {
    method: "GET",
    path: "/api/v1/auth/session",
    summary: "The signed-in user and the session's CSRF token",
    tag: "auth",
    response: ZSession,
    access: "viewer",
    errors: [],
  },
  listUsers: {
    method: "GET",
    path: "/api/v1/users",
    summary: "Users and their roles",
    tag: "users",
    query: ZPageOnly,
    response: listOf(ZUser),
    access: "admin",
    errors: [400],
  },
  createUser: {
    method: "POST",
    path: "/api/v1/users",
    summary: "Create a user with a role",
    tag: "users",
    body: ZUserCreateBody,
    response: ZUser,
    access: "admin",
    errors: [400, 409, 413, 415],
  },
  updateUser: {
    method: "PATCH",
    path: "/api/v1/users/:userId",
    summary: "Change a user's name, role, password or disable them (optimistic locking by version)",
    tag: "users",
    params: z.strictObject({ userId: z.string().regex(/^usr-[a-z0-9]{8,32}$/, "must be a user id") }),
    body: ZUserUpdateBody,
    response: ZUser,
    access: "admin",
    errors: [400, 404, 409, 413, 415],
  },

  // Editing (editor and admin). Every write is one transaction that also appends to the audit log; an
  // update names the version it was read at and gets 409 with the current record when it is stale; a
  // reference to a record that does not exist is 422, field by field.
  createIncident: {
    method: "POST",
    path: "/api/v1/incidents",
    summary: "Record a new incident",
    tag: "incidents",
    body: ZIncidentDraft,
    response: ZIncident,
    access: "editor",
    errors: [400, 409, 413, 415, 422],
  },
  updateIncident: {
    method: "PUT",
    path: "/api/v1/incidents/:incidentId",
    summary: "Change an incident (the whole record, at the version it was read)",
    tag: "incidents",
    params: id("incidentId"),
    body: ZIncidentUpdate,
    response: ZIncident,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  createCohort: {
    method: "POST",
    path: "/api/v1/cohorts",
    summary: "Add a group of members to put right",
    tag: "remediation",
    body: ZCohortDraft,
    response: ZCohort,
    access: "editor",
    errors: [400, 409, 413, 415, 422],
  },
  updateCohort: {
    method: "PUT",
    path: "/api/v1/cohorts/:cohortId",
    summary: "Change a cohort (its progress events are kept)",
    tag: "remediation",
    params: id("cohortId"),
    body: ZCohortUpdate,
    response: ZCohort,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  addProgressEvent: {
    method: "POST",
    path: "/api/v1/cohorts/:cohortId/progress",
    summary: "Record the vendor's dated progress on a cohort (and optionally its new status)",
    tag: "remediation",
    params: id("cohortId"),
    body: ZProgressEventDraft,
    response: ZCohort,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  updateProgressEvent: {
    method: "PUT",
    path: "/api/v1/cohorts/:cohortId/progress/:eventId",
    summary: "Correct a recorded progress event",
    tag: "remediation",
    params: z.strictObject({ cohortId: ZId, eventId: ZId }),
    body: ZProgressEventDraft,
    response: ZCohort,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  importProgress: {
    method: "POST",
    path: "/api/v1/imports/progress",
    summary:
      "Import a vendor's progress report (CSV or JSON): all rows or none; re-importing changes nothing",
    tag: "remediation",
    body: ZProgressImportBody,
    response: ZProgressImportResult,
    access: "editor",
    maxBodyBytes: 1024 * 1024,
    errors: [400, 413, 415, 422],
  },
  createCommitment: {
    method: "POST",
    path: "/api/v1/commitments",
    summary: "Record a vendor promise or a board demand",
    tag: "commitments",
    body: ZCommitmentDraft,
    response: ZCommitmentView,
    access: "editor",
    errors: [400, 413, 415, 422],
  },
  updateCommitment: {
    method: "PUT",
    path: "/api/v1/commitments/:commitmentId",
    summary: "Change a commitment's wording, parties, due date or open/in-progress state",
    tag: "commitments",
    params: id("commitmentId"),
    body: ZCommitmentUpdate,
    response: ZCommitmentView,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  reportCommitmentDone: {
    method: "POST",
    path: "/api/v1/commitments/:commitmentId/report-done",
    summary: "Record that the vendor reports the commitment done, with the date and its evidence",
    tag: "commitments",
    params: id("commitmentId"),
    body: ZCommitmentReportDone,
    response: ZCommitmentView,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  verifyCommitment: {
    method: "POST",
    path: "/api/v1/commitments/:commitmentId/verify",
    summary: "The association verified the vendor's report: the commitment counts as closed",
    tag: "commitments",
    params: id("commitmentId"),
    body: ZCommitmentVerify,
    response: ZCommitmentView,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  reopenCommitment: {
    method: "POST",
    path: "/api/v1/commitments/:commitmentId/reopen",
    summary: "The association does not accept the vendor's report: reopen with a reason",
    tag: "commitments",
    params: id("commitmentId"),
    body: ZCommitmentReopen,
    response: ZCommitmentView,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  createDocument: {
    method: "POST",
    path: "/api/v1/documents",
    summary: "Register a source document (a vendor report, a letter, a notice)",
    tag: "documents",
    body: ZDocumentDraft,
    response: ZSourceDocument,
    access: "editor",
    errors: [400, 413, 415, 422],
  },
  updateDocument: {
    method: "PUT",
    path: "/api/v1/documents/:documentId",
    summary: "Change a source document's details",
    tag: "documents",
    params: id("documentId"),
    body: ZDocumentUpdate,
    response: ZSourceDocument,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  createMeeting: {
    method: "POST",
    path: "/api/v1/meetings",
    summary: "Record a board meeting with its items, vendor attendees and resolutions",
    tag: "meetings",
    body: ZMeetingDraft,
    response: ZMeeting,
    access: "editor",
    errors: [400, 413, 415, 422],
  },
  updateMeeting: {
    method: "PUT",
    path: "/api/v1/meetings/:meetingId",
    summary: "Change a meeting that is not closed yet",
    tag: "meetings",
    params: id("meetingId"),
    body: ZMeetingUpdate,
    response: ZMeeting,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  closeMeeting: {
    method: "POST",
    path: "/api/v1/meetings/:meetingId/close",
    summary: "Close a meeting: freeze what the board was shown (figures as of the meeting day)",
    tag: "meetings",
    params: id("meetingId"),
    body: ZMeetingClose,
    response: ZMeeting,
    access: "editor",
    errors: [400, 404, 409, 413, 415],
  },
  getMeetingSnapshot: {
    method: "GET",
    path: "/api/v1/meetings/:meetingId/snapshot",
    summary: "What the board was shown at a closed meeting, as frozen when it closed",
    tag: "meetings",
    params: id("meetingId"),
    response: ZMeetingSnapshot,
    access: "viewer",
    errors: [400, 404],
  },
  createVendor: {
    method: "POST",
    path: "/api/v1/vendors",
    summary: "Add a vendor",
    tag: "vendors",
    body: ZVendorDraft,
    response: ZVendor,
    access: "editor",
    errors: [400, 413, 415, 422],
  },
  updateVendor: {
    method: "PUT",
    path: "/api/v1/vendors/:vendorId",
    summary: "Change a vendor",
    tag: "vendors",
    params: id("vendorId"),
    body: ZVendorUpdate,
    response: ZVendor,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  createProduct: {
    method: "POST",
    path: "/api/v1/products",
    summary: "Add an insurance scheme",
    tag: "products",
    body: ZProductDraft,
    response: ZProduct,
    access: "editor",
    errors: [400, 413, 415, 422],
  },
  updateProduct: {
    method: "PUT",
    path: "/api/v1/products/:productId",
    summary: "Change an insurance scheme",
    tag: "products",
    params: id("productId"),
    body: ZProductUpdate,
    response: ZProduct,
    access: "editor",
    errors: [400, 404, 409, 413, 415, 422],
  },
  listDeadlines: {
    method: "GET",
    path: "/api/v1/deadlines",
    summary: "Due dates (vendor promises and statutory rules) with what is overdue or due soon",
    tag: "deadlines",
    query: ZDeadlineQuery,
    response: ZDeadlines,
    access: "viewer",
    errors: [400],
  },
  getSettings: {
    method: "GET",
    path: "/api/v1/settings",
    summary: "Settings that change how the record is read (day counting for deadlines)",
    tag: "settings",
    response: ZSettings,
    access: "viewer",
    errors: [],
  },
  updateSettings: {
    method: "PUT",
    path: "/api/v1/settings",
    summary: "Change the settings",
    tag: "settings",
    body: ZSettingsUpdate,
    response: ZSettings,
    access: "admin",
    errors: [400, 409, 413, 415],
  },
  listAudit: {
    method: "GET",
    path: "/api/v1/audit",
    summary: "The audit trail, newest first (optionally one record's history)",
    tag: "audit",
    query: ZAuditListQuery,
    response: listOf(ZAuditEntry),
    access: "viewer",
    errors: [400],
  },
  verifyAudit: {
    method: "GET",
    path: "/api/v1/audit/verify",
    summary: "Check the audit trail's hash chain end to end",
    tag: "audit",
    response: ZAuditVerification,
    access: "admin",
    errors: [],
  },
} as const satisfies Record<string, TEndpoint>;

export type TContract = typeof contract;
export type TEndpointName = keyof TContract;
export type TResponseOf<N extends TEndpointName> = z.infer<TContract[N]["response"]>;
export type TParamsOf<N extends TEndpointName> = TContract[N] extends { params: z.ZodObject }
  ? z.input<TContract[N]["params"]>
  : undefined;
export type TQueryOf<N extends TEndpointName> = TContract[N] extends { query: z.ZodObject }
  ? z.input<TContract[N]["query"]>
  : undefined;
export type TParsedQueryOf<N extends TEndpointName> = TContract[N] extends { query: z.ZodObject }
  ? z.output<TContract[N]["query"]>
  : undefined;
export type TParsedParamsOf<N extends TEndpointName> = TContract[N] extends { params: z.ZodObject }
  ? z.output<TContract[N]["params"]>
  : undefined;
export type TParsedBodyOf<N extends TEndpointName> = TContract[N] extends { body: z.ZodType }
  ? z.output<TContract[N]["body"]>
  : undefined;

export const endpointNames = Object.keys(contract) as TEndpointName[];
