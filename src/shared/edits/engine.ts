import { isUnstorableText, problem } from "../http";
import type { TAuditActor, TAuditEntityType } from "../schemas/audit";
import type { TDataset } from "../schemas/dataset";
import type { TFieldError, TProblem } from "../schemas/problem";

/*
 * The write model, shared by the server and the mocks: an edit is a pure function from the whole record
 * (a dataset) and a validated request to the next record plus the list of records it changed. The server
 * runs it inside one transaction over the record it loaded and stores only what changed; the mocks run it
 * over their in-memory record. Both therefore accept, refuse and answer exactly alike.
 */

export type TEditContext = {
  now: Date;
  actor: TAuditActor;
};

/** One changed record: what the audit log keeps and what the server stores again. */
export type TRecordChange = {
  entityType: Exclude<TAuditEntityType, "settings" | "user" | "product">;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type TEditSuccess<R = string> = {
  ok: true;
  data: TDataset;
  changes: TRecordChange[];
  /** What the endpoint answers with, usually the id of the record to read back. */
  result: R;
};
export type TEditFailure = { ok: false; problem: TProblem };
export type TEditOutcome<R = string> = TEditSuccess<R> | TEditFailure;

export const refuse = (p: TProblem): TEditFailure => ({ ok: false, problem: p });

/** Integer limits the zod schemas do not state (versions, numbers and counts stay 32-bit). */
const MAX_INT4 = 2_147_483_647;

/**
 * What the statistics derive from figures (sums; yen as people × yen per person) must stay exact JSON
 * numbers (at most 2^53): no figure, and no group's yen, above a trillion. An organisation's people, yen
 * and records are far below it.
 */
export const MAX_FIGURE = 1_000_000_000_000;

/** Where each kind of id points: the field names the schemas use for references. */
export type TRefKind =
  | "document"
  | "vendor"
  | "party"
  | "service"
  | "incident"
  | "commitment"
  | "meeting"
  | "cohort"
  | "case"
  | "population"
  | "vendorKind";

/** Which kind of record each reference field of the drafts names (also used by the tests' body generators). */
export const REFERENCE_FIELDS: Record<string, TRefKind> = {
  documentId: "document",
  madeInDocumentId: "document",
  cites: "document",
  documentIds: "document",
  vendorId: "vendor",
  vendorIds: "vendor",
  chain: "vendor",
  subcontractorOf: "vendor",
  owedByIds: "vendor",
  targetVendorIds: "vendor",
  issuerIds: "party",
  presentedByIds: "party",
  serviceId: "service",
  serviceIds: "service",
  incidentId: "incident",
  incidentIds: "incident",
  commitmentIds: "commitment",
  madeAtMeetingId: "meeting",
  parentId: "cohort",
  caseId: "case",
  populationId: "population",
  kindId: "vendorKind",
};

/** Lists of references a record may name each at most once (the database keeps them unique). */
const UNIQUE_LISTS = new Set([
  "vendorIds",
  "chain",
  "subcontractorOf",
  "owedByIds",
  "serviceIds",
  "incidentIds",
  "documentIds",
  "issuerIds",
  "targetVendorIds",
  "commitmentIds",
  "presentedByIds",
]);

const idsOf = (data: TDataset, kind: TRefKind): Set<string> => {
  switch (kind) {
    case "document":
      return new Set(data.documents.map((d) => d.id));
    case "vendor":
      return new Set(data.vendors.map((v) => v.id));
    case "party":
      return new Set([data.organisation.id, ...data.vendors.map((v) => v.id)]);
    case "service":
      return new Set(data.services.map((p) => p.id));
    case "incident":
      return new Set(data.incidents.map((i) => i.id));
    case "commitment":
      return new Set(data.commitments.map((c) => c.id));
    case "meeting":
      return new Set(data.meetings.map((m) => m.id));
    case "cohort":
      return new Set(data.cohorts.map((c) => c.id));
    case "case":
      return new Set(data.cases.map((c) => c.id));
    case "population":
      return new Set(data.organisation.populations.map((p) => p.id));
    case "vendorKind":
      return new Set(data.organisation.vendorKinds.map((k) => k.id));
  }
};

const fieldError = (
  field: string,
  code: string,
  message: string,
  params?: Record<string, string | number>,
): TFieldError => ({ in: "body", field, code, message, ...(params ? { params } : {}) });

/**
 * What the record cannot store although the request's schema allows it: references to records that do
 * not exist, a reference listed twice, text the database cannot hold (NUL, lone surrogates), integers
 * beyond 32 bits. Field paths are the body's (`milestones.2.source.documentId`).
 */
export const storageProblems = (data: TDataset, body: unknown, extra: TFieldError[] = []): TFieldError[] => {
  const errors: TFieldError[] = [...extra];
  const known = new Map<TRefKind, Set<string>>();
  const exists = (kind: TRefKind, id: string) => {
    let ids = known.get(kind);
    if (!ids) {
      ids = idsOf(data, kind);
      known.set(kind, ids);
    }
    return ids.has(id);
  };
  const checkRef = (path: string, kind: TRefKind, id: unknown) => {
    if (typeof id === "string" && !exists(kind, id)) {
      errors.push(fieldError(path, "unknown_reference", `no ${kind} with id "${id}"`, { kind, id }));
    }
  };
  const walk = (value: unknown, path: string, key: string) => {
    if (typeof value === "string") {
      if (isUnstorableText(value)) {
        errors.push(fieldError(path, "invalid_text", "contains characters that cannot be stored"));
      }
      return;
    }
    if (typeof value === "number") {
      // Figures (`value`) are limited by what is derived from them; every other integer is 32-bit.
      const max = key === "value" ? MAX_FIGURE : MAX_INT4;
      if (Math.abs(value) > max) {
        errors.push(fieldError(path, "too_large", `must be at most ${max}`, { max }));
      }
      return;
    }
    if (Array.isArray(value)) {
      const kind = REFERENCE_FIELDS[key];
      const seen = new Set<unknown>();
      value.forEach((item, i) => {
        const itemPath = `${path}.${i}`;
        if (kind && typeof item === "string") {
          checkRef(itemPath, kind, item);
          if (UNIQUE_LISTS.has(key) && seen.has(item)) {
            errors.push(fieldError(itemPath, "duplicate", `"${item}" is listed twice`, { id: item }));
          }
          seen.add(item);
        }
        walk(item, itemPath, key);
      });
      return;
    }
    if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const childPath = path === "" ? k : `${path}.${k}`;
        const kind = REFERENCE_FIELDS[k];
        if (kind && !Array.isArray(v)) checkRef(childPath, kind, v);
        walk(v, childPath, k);
      }
    }
  };
  walk(body, "", "");
  return errors;
};

export const unprocessable = (errors: TFieldError[]) =>
  refuse(problem(422, "The record cannot be stored as sent: see the errors by field.", errors));

/** A stale version: the record as it is now goes with the 409. */
export const staleRecord = (current: Record<string, unknown> & { version: number }): TEditFailure =>
  refuse({
    ...problem(
      409,
      `Someone else changed this record (now at version ${current.version}); review it and apply your change again.`,
    ),
    current,
  });

/** A write the record's state does not allow (verifying what was never reported done, editing a closed meeting). */
export const stateConflict = (detail: string, current: Record<string, unknown>, code: string): TEditFailure =>
  refuse({
    ...problem(409, detail, [{ in: "body", field: "", code, message: detail }]),
    current,
  });

/**
 * A new id `<prefix>-<n>`, n one more than the largest already used with that prefix, so ids stay short,
 * readable and stable (they appear in URLs).
 */
export const nextId = (prefix: string, taken: Iterable<string>): string => {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  const used = new Set(taken);
  let n = 0;
  for (const id of used) {
    const m = pattern.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  let candidate = `${prefix}-${n + 1}`;
  while (used.has(candidate)) candidate = `${prefix}-${++n + 1}`;
  return candidate;
};

/** Gives every nested item without an id a fresh one, unique among `taken` (which it extends). */
export const withIds = <T extends { id?: string | undefined }>(
  items: readonly T[],
  prefix: string,
  taken: Set<string>,
): (T & { id: string })[] => {
  // The ids the list keeps are taken too: an added item never gets one of them (a second `ms-1`).
  for (const item of items) if (item.id !== undefined) taken.add(item.id);
  return items.map((item) => {
    if (item.id !== undefined) return item as T & { id: string };
    const id = nextId(prefix, taken);
    taken.add(id);
    return { ...item, id };
  });
};

/** Nested ids sent twice in one record, or already used by another record. */
export const nestedIdProblems = (
  field: string,
  items: readonly { id: string }[],
  ownedElsewhere: Set<string>,
): TFieldError[] => {
  const errors: TFieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id) || ownedElsewhere.has(item.id)) {
      errors.push(
        fieldError(`${field}.${i}.id`, "duplicate", `the id "${item.id}" is already used`, { id: item.id }),
      );
    }
    seen.add(item.id);
  });
  return errors;
};

export const asRecord = (value: object) => value as Record<string, unknown>;

/** Replaces the item with `id` in a list (or appends it), returning a new list. */
export const replaceById = <T extends { id: string }>(items: readonly T[], item: T): T[] => {
  const index = items.findIndex((x) => x.id === item.id);
  return index === -1 ? [...items, item] : items.map((x, i) => (i === index ? item : x));
};
