import type { TCohort } from "@/shared/schemas/cohort";
import type { TCommitment } from "@/shared/schemas/commitment";
import type { TFigure, TSourceRef, TText } from "@/shared/schemas/common";
import type { TDataset } from "@/shared/schemas/dataset";
import type { TSourceDocument } from "@/shared/schemas/document";
import type { TIncident } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";
import type { TProduct } from "@/shared/schemas/product";
import type { TRegulatoryAction, TVendor } from "@/shared/schemas/vendor";
import type { TQueryable } from "./types";

/*
 * Writes one record (a root row and the rows it owns) in the relational form of
 * migrations/001-initial-schema.sql. The seed writes every record this way; an edit writes the records it
 * changed: the root row is upserted (a new one goes after the others; an existing one keeps its
 * position) and its owned rows are replaced.
 */

type TRow = Record<string, unknown>;

const insert = async (tx: TQueryable, table: string, row: TRow) => {
  const columns = Object.keys(row);
  const placeholders = columns.map((_, i) => `$${i + 1}`);
  await tx.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders.join(", ")})`,
    Object.values(row),
  );
};

/**
 * Inserts or updates a root row by id. `position` null = keep an existing row's, else after the last.
 */
const upsertRoot = async (tx: TQueryable, table: string, row: TRow, position: number | null) => {
  const columns = Object.keys(row);
  const values = Object.values(row);
  const placeholders = columns.map((_, i) => `$${i + 1}`);
  const positionSql =
    position === null ? `(SELECT COALESCE(max(position) + 1, 0) FROM ${table})` : `$${columns.length + 1}`;
  const updates = columns.filter((c) => c !== "id").map((c) => `${c} = EXCLUDED.${c}`);
  await tx.query(
    `INSERT INTO ${table} (${columns.join(", ")}, position) VALUES (${placeholders.join(", ")}, ${positionSql})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(", ")}`,
    position === null ? values : [...values, position],
  );
};

/** Replaces the rows `table` holds for one owner (`column` = `ownerId`), each at its list position. */
const replaceOwned = async (tx: TQueryable, table: string, column: string, ownerId: string, rows: TRow[]) => {
  await tx.query(`DELETE FROM ${table} WHERE ${column} = $1`, [ownerId]);
  for (const [position, row] of rows.entries())
    await insert(tx, table, { [column]: ownerId, position, ...row });
};

const text = (name: string, value: TText | null): TRow => ({
  [`${name}_ja`]: value?.ja ?? null,
  [`${name}_en`]: value?.en ?? null,
});

const source = (name: string, value: TSourceRef | null): TRow => ({
  [`${name}_document_id`]: value?.documentId ?? null,
  [`${name}_cites`]: value?.cites ?? null,
});

const figure = (name: string, value: TFigure | null): TRow => ({
  [`${name}_status`]: value?.status ?? null,
  [`${name}_value`]:
    value && (value.status === "reported" || value.status === "derived") ? value.value : null,
  ...text(`${name}_label`, value?.status === "approximate" ? value.label : null),
  ...text(`${name}_formula`, value?.status === "derived" ? value.formula : null),
  ...text(`${name}_missing`, value?.status === "not_reported" ? value.missing : null),
  ...source(name, value?.source ?? null),
});

export const writeDocument = async (tx: TQueryable, d: TSourceDocument, position: number | null) => {
  await upsertRoot(
    tx,
    "documents",
    {
      id: d.id,
      ...text("label", d.label),
      ...text("title", d.title),
      kind: d.kind,
      issuer_ids: d.issuerIds,
      ...text("publisher", d.publisher),
      date: d.date,
      outside_record: d.outsideRecord,
      version: d.version,
    },
    position,
  );
  await replaceOwned(
    tx,
    "document_statements",
    "document_id",
    d.id,
    d.statements.map((statement) => text("text", statement)),
  );
};

export const writeVendor = async (tx: TQueryable, v: TVendor, position: number | null) => {
  await upsertRoot(
    tx,
    "vendors",
    {
      id: v.id,
      ...text("name", v.name),
      ...text("short_name", v.shortName),
      role: v.role,
      version: v.version,
    },
    position,
  );
  await replaceOwned(
    tx,
    "vendor_products",
    "vendor_id",
    v.id,
    v.productIds.map((productId) => ({ product_id: productId })),
  );
};

export const writeProduct = async (tx: TQueryable, p: TProduct, position: number | null) => {
  await upsertRoot(tx, "products", { id: p.id, ...text("name", p.name), version: p.version }, position);
  await replaceOwned(
    tx,
    "product_vendors",
    "product_id",
    p.id,
    p.vendorIds.map((vendorId) => ({ vendor_id: vendorId })),
  );
  await replaceOwned(
    tx,
    "product_changes",
    "product_id",
    p.id,
    p.changes.map((change) => ({
      effective: change.effective,
      ...text("description", change.description),
      ...source("source", change.source),
    })),
  );
};

export const writeIncident = async (tx: TQueryable, inc: TIncident, position: number | null) => {
  await upsertRoot(
    tx,
    "incidents",
    {
      id: inc.id,
      number: inc.number,
      ...text("title", inc.title),
      category: inc.category,
      status: inc.status,
      fiscal_year: inc.fiscalYear,
      ...text("summary", inc.summary),
      ...text("system", inc.system?.text ?? null),
      ...source("system", inc.system?.source ?? null),
      ...text("cause", inc.cause?.text ?? null),
      ...source("cause", inc.cause?.source ?? null),
      misuse_status: inc.misuse.status,
      misuse_as_of: inc.misuse.asOf,
      ...source("misuse", inc.misuse.source),
      ...text("contact_name", inc.memberContact?.name ?? null),
      contact_phone: inc.memberContact?.phone ?? null,
      ...text("contact_hours", inc.memberContact?.hours ?? null),
      ...source("contact", inc.memberContact?.source ?? null),
      version: inc.version,
    },
    position,
  );
  const owned = "incident_id";
  await replaceOwned(
    tx,
    "incident_vendors",
    owned,
    inc.id,
    inc.vendorIds.map((vendor_id) => ({ vendor_id })),
  );
  await replaceOwned(
    tx,
    "incident_documents",
    owned,
    inc.id,
    inc.documentIds.map((document_id) => ({ document_id })),
  );
  await replaceOwned(
    tx,
    "scope_statements",
    owned,
    inc.id,
    inc.scope.map((s) => ({
      id: s.id,
      unit: s.unit,
      ...figure("count", s.count),
      ...text("note", s.note),
      outside_record: s.outsideRecord,
    })),
  );
  await replaceOwned(
    tx,
    "affected_counts",
    owned,
    inc.id,
    inc.affected.map((a) => ({ product_id: a.productId, ...figure("count", a.count) })),
  );
  await replaceOwned(
    tx,
    "data_categories",
    owned,
    inc.id,
    inc.dataCategories.map((c) => ({ ...text("text", c.text), ...source("source", c.source) })),
  );
  await replaceOwned(
    tx,
    "milestones",
    owned,
    inc.id,
    inc.milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      date: m.date,
      end_date: m.endDate,
      ...text("note", m.note),
      ...source("source", m.source),
      outside_record: m.outsideRecord,
    })),
  );
};

export const writeMeeting = async (tx: TQueryable, m: TMeeting, position: number | null) => {
  await upsertRoot(
    tx,
    "meetings",
    {
      id: m.id,
      fiscal_year: m.fiscalYear,
      number: m.number,
      kind: m.kind,
      ...text("title", m.title),
      date: m.date,
      ...source("source", m.source),
      closed_at: m.closed?.at ?? null,
      closed_by_name: m.closed?.byName ?? null,
      version: m.version,
    },
    position,
  );
  await replaceOwned(
    tx,
    "meeting_items",
    "meeting_id",
    m.id,
    m.items.map((item) => ({
      id: item.id,
      ...text("title", item.title),
      incident_ids: item.incidentIds,
      document_ids: item.documentIds,
      presented_by_ids: item.presentedByIds,
      ...text("note", item.note),
    })),
  );
  await replaceOwned(
    tx,
    "meeting_attendees",
    "meeting_id",
    m.id,
    m.vendorAttendees.map((a) => ({
      vendor_id: a.vendorId,
      ...figure("people", a.people),
      ...text("role", a.role),
    })),
  );
  await replaceOwned(
    tx,
    "resolutions",
    "meeting_id",
    m.id,
    m.resolutions.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...text("text", r.text),
      quote: r.quote,
      target_vendor_ids: r.targetVendorIds,
      commitment_ids: r.commitmentIds,
      ...text("note", r.note),
      ...source("source", r.source),
    })),
  );
};

export const writeCommitment = async (tx: TQueryable, c: TCommitment, position: number | null) => {
  await upsertRoot(
    tx,
    "commitments",
    {
      id: c.id,
      kind: c.kind,
      ...text("text", c.text),
      quote: c.quote,
      made_in_document_id: c.madeInDocumentId,
      made_at_meeting_id: c.madeAtMeetingId,
      made_on: c.madeOn,
      due_date: c.dueDate,
      reported_done_date: c.reportedDoneDate,
      verified_date: c.verifiedDate,
      ...text("evidence", c.evidence),
      status: c.status,
      reopened_date: c.reopenedDate,
      ...text("reopened_reason", c.reopenedReason),
      ...source("source", c.source),
      version: c.version,
    },
    position,
  );
  await replaceOwned(
    tx,
    "commitment_owers",
    "commitment_id",
    c.id,
    c.owedByIds.map((vendor_id) => ({ vendor_id })),
  );
  await replaceOwned(
    tx,
    "commitment_incidents",
    "commitment_id",
    c.id,
    c.incidentIds.map((incident_id) => ({ incident_id })),
  );
};

export const writeCohort = async (tx: TQueryable, c: TCohort, position: number | null) => {
  await upsertRoot(
    tx,
    "cohorts",
    {
      id: c.id,
      incident_id: c.incidentId,
      parent_id: c.parentId,
      ...text("label", c.label),
      purpose: c.purpose,
      ...figure("members", c.members),
      ...figure("amount", c.amountPerMemberYen),
      methods: c.methods,
      status: c.status,
      ...source("status", c.statusSource),
      version: c.version,
    },
    position,
  );
  await replaceOwned(
    tx,
    "progress_events",
    "cohort_id",
    c.id,
    c.progress.map((e) => ({
      id: e.id,
      date: e.date,
      ...figure("done", e.doneCount),
      ...text("note", e.note),
      ...source("source", e.source),
    })),
  );
};

export const writeRegulatoryAction = async (tx: TQueryable, a: TRegulatoryAction, position: number) => {
  await upsertRoot(
    tx,
    "regulatory_actions",
    {
      id: a.id,
      vendor_id: a.vendorId,
      date: a.date,
      ...text("authority", a.authority),
      ...text("action", a.action),
      amount_yen: a.amountYen,
      plan_due_date: a.planDueDate,
      ...source("source", a.source),
    },
    position,
  );
};

const depth = (data: TDataset, cohortId: string, seen = new Set<string>()): number => {
  const parentId = data.cohorts.find((c) => c.id === cohortId)?.parentId ?? null;
  if (parentId === null || seen.has(cohortId)) return 0;
  seen.add(cohortId);
  return 1 + depth(data, parentId, seen);
};

/** Every record of a dataset, each at its list position, in an order the foreign keys accept. */
export const insertDataset = async (tx: TQueryable, data: TDataset) => {
  const o = data.organisation;
  await insert(tx, "organisation", {
    id: o.id,
    ...text("name", o.name),
    ...text("short_name", o.shortName),
    ...text("board_name", o.boardName),
    fiscal_year_start_month: o.fiscalYearStartMonth,
  });
  for (const [position, d] of data.documents.entries()) await writeDocument(tx, d, position);
  // Vendors and products name each other: vendors first without their products, then products, then
  // the vendors' product lists.
  for (const [position, v] of data.vendors.entries())
    await writeVendor(tx, { ...v, productIds: [] }, position);
  for (const [position, p] of data.products.entries()) await writeProduct(tx, p, position);
  for (const [position, v] of data.vendors.entries()) await writeVendor(tx, v, position);
  for (const [position, inc] of data.incidents.entries()) await writeIncident(tx, inc, position);
  for (const [position, m] of data.meetings.entries()) await writeMeeting(tx, m, position);
  for (const [position, c] of data.commitments.entries()) await writeCommitment(tx, c, position);
  // Parents first, so that the parent_id foreign key holds row by row.
  const cohortPosition = new Map(data.cohorts.map((c, i) => [c.id, i]));
  const ordered = [...data.cohorts].sort((a, b) => depth(data, a.id) - depth(data, b.id));
  for (const c of ordered) await writeCohort(tx, c, cohortPosition.get(c.id) ?? null);
  for (const [position, a] of data.regulatoryActions.entries()) await writeRegulatoryAction(tx, a, position);
};

const WRITERS = {
  incident: (tx: TQueryable, data: TDataset, id: string) => writeIncident(tx, byId(data.incidents, id), null),
  cohort: (tx: TQueryable, data: TDataset, id: string) => writeCohort(tx, byId(data.cohorts, id), null),
  commitment: (tx: TQueryable, data: TDataset, id: string) =>
    writeCommitment(tx, byId(data.commitments, id), null),
  document: (tx: TQueryable, data: TDataset, id: string) => writeDocument(tx, byId(data.documents, id), null),
  meeting: (tx: TQueryable, data: TDataset, id: string) => writeMeeting(tx, byId(data.meetings, id), null),
  vendor: (tx: TQueryable, data: TDataset, id: string) => writeVendor(tx, byId(data.vendors, id), null),
  product: (tx: TQueryable, data: TDataset, id: string) => writeProduct(tx, byId(data.products, id), null),
};

const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
  const item = items.find((x) => x.id === id);
  if (!item) throw new Error(`the edit changed ${id}, which is not in its result`);
  return item;
};

/** Stores one changed record as it is in `data` (the edit's result). */
export const writeRecord = (tx: TQueryable, data: TDataset, entityType: keyof typeof WRITERS, id: string) =>
  WRITERS[entityType](tx, data, id);
