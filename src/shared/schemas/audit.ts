import { z } from "zod";
import { pageQuery } from "./common";

/*
 * The audit trail: every change, who made it and when, with the record before and after. Entries are
 * hash-chained (see src/shared/audit.ts), so any later edit or removal of history is detected.
 */

export const ZAuditEntityType = z.enum([
  "organisation",
  "case",
  "incident",
  "cohort",
  "commitment",
  "document",
  "meeting",
  "vendor",
  "service",
  /** Entries written before products became services (migration 007): history is never rewritten. */
  "product",
  "settings",
  "user",
]);
export type TAuditEntityType = z.infer<typeof ZAuditEntityType>;

export const ZHash = z.string().regex(/^[0-9a-f]{64}$/, "must be a sha-256 hex digest");

export const ZAuditActor = z.strictObject({
  id: z.string().min(1).max(100),
  username: z.string().min(1).max(100),
  displayName: z.string().min(1).max(200),
});
export type TAuditActor = z.infer<typeof ZAuditActor>;

export const ZAuditEntry = z.strictObject({
  seq: z.number().int().min(1),
  at: z.iso.datetime(),
  actor: ZAuditActor,
  /** The contract endpoint that made the change (`updateIncident`, `verifyCommitment`, `importProgress`…). */
  action: z.string().min(1).max(100),
  entityType: ZAuditEntityType,
  entityId: z.string().min(1).max(100),
  /** The whole record before the change; null when it was created. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  prevHash: ZHash,
  hash: ZHash,
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditListQuery = z.strictObject({
  entityType: ZAuditEntityType.optional(),
  entityId: z.string().min(1).max(100).optional(),
  ...pageQuery,
});

export const ZAuditProblemKind = z.enum([
  /** The entry's content does not match its hash: it was edited. */
  "hash_mismatch",
  /** The entry does not point at the previous entry's hash: something before it was edited or removed. */
  "broken_link",
  /** Sequence numbers skip: entries were removed. */
  "missing_entries",
  /** The recorded head (last entry) is not the last entry found: entries were removed from the end. */
  "head_mismatch",
]);

export const ZAuditVerification = z.strictObject({
  ok: z.boolean(),
  /** Entries checked. */
  entries: z.number().int().min(0),
  /** The last entry's sequence number and hash, as found. */
  lastSeq: z.number().int().min(0),
  lastHash: ZHash.nullable(),
  problems: z.array(
    z.strictObject({
      /** The entry at fault (for head_mismatch: the head's recorded sequence number). */
      seq: z.number().int().min(0),
      kind: ZAuditProblemKind,
      detail: z.string(),
    }),
  ),
  checkedAt: z.iso.datetime(),
});
export type TAuditVerification = z.infer<typeof ZAuditVerification>;
