import type { TFigure, TSourceRef, TText } from "@/shared/schemas/common";
import { type TDataset, ZDataset } from "@/shared/schemas/dataset";
import { case2025 } from "@/shared/seed/case-2025";
import { lockSchema } from "./migrate";
import type { TDb, TQueryable } from "./types";

/*
 * Loads the dataset into an empty database, in one transaction: either all of it is stored or none.
 * A database that already has its organisation is left alone, so a restart neither loses nor doubles data.
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

const insertDataset = async (tx: TQueryable, data: TDataset) => {
  const o = data.organisation;
  await insert(tx, "organisation", {
    id: o.id,
    ...text("name", o.name),
    ...text("short_name", o.shortName),
    ...text("board_name", o.boardName),
    fiscal_year_start_month: o.fiscalYearStartMonth,
  });
  for (const [position, d] of data.documents.entries()) {
    await insert(tx, "documents", {
      id: d.id,
      position,
      ...text("label", d.label),
      ...text("title", d.title),
      kind: d.kind,
      issuer_ids: d.issuerIds,
      ...text("publisher", d.publisher),
      date: d.date,
      outside_record: d.outsideRecord,
    });
    for (const [i, statement] of d.statements.entries()) {
      await insert(tx, "document_statements", { document_id: d.id, position: i, ...text("text", statement) });
    }
  }
  for (const [position, v] of data.vendors.entries()) {
    await insert(tx, "vendors", {
      id: v.id,
      position,
      ...text("name", v.name),
      ...text("short_name", v.shortName),
      role: v.role,
    });
  }
  for (const [position, p] of data.products.entries()) {
    await insert(tx, "products", { id: p.id, position, ...text("name", p.name) });
    for (const [i, vendorId] of p.vendorIds.entries()) {
      await insert(tx, "product_vendors", { product_id: p.id, position: i, vendor_id: vendorId });
    }
    for (const [i, change] of p.changes.entries()) {
      await insert(tx, "product_changes", {
        product_id: p.id,
        position: i,
        effective: change.effective,
        ...text("description", change.description),
        ...source("source", change.source),
      });
    }
  }
  for (const v of data.vendors) {
    for (const [i, productId] of v.productIds.entries()) {
      await insert(tx, "vendor_products", { vendor_id: v.id, position: i, product_id: productId });
    }
  }
  for (const [position, inc] of data.incidents.entries()) {
    await insert(tx, "incidents", {
      id: inc.id,
      position,
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
    });
    for (const [i, vendorId] of inc.vendorIds.entries()) {
      await insert(tx, "incident_vendors", { incident_id: inc.id, position: i, vendor_id: vendorId });
    }
    for (const [i, documentId] of inc.documentIds.entries()) {
      await insert(tx, "incident_documents", { incident_id: inc.id, position: i, document_id: documentId });
    }
    for (const [i, s] of inc.scope.entries()) {
      await insert(tx, "scope_statements", {
        id: s.id,
        incident_id: inc.id,
        position: i,
        unit: s.unit,
        ...figure("count", s.count),
        ...text("note", s.note),
        outside_record: s.outsideRecord,
      });
    }
    for (const [i, a] of inc.affected.entries()) {
      await insert(tx, "affected_counts", {
        incident_id: inc.id,
        position: i,
        product_id: a.productId,
        ...figure("count", a.count),
      });
    }
    for (const [i, c] of inc.dataCategories.entries()) {
      await insert(tx, "data_categories", {
        incident_id: inc.id,
        position: i,
        ...text("text", c.text),
        ...source("source", c.source),
      });
    }
    for (const [i, m] of inc.milestones.entries()) {
      await insert(tx, "milestones", {
        id: m.id,
        incident_id: inc.id,
        position: i,
        kind: m.kind,
        date: m.date,
        end_date: m.endDate,
        ...text("note", m.note),
        ...source("source", m.source),
        outside_record: m.outsideRecord,
      });
    }
  }
  for (const [position, m] of data.meetings.entries()) {
    await insert(tx, "meetings", {
      id: m.id,
      position,
      fiscal_year: m.fiscalYear,
      number: m.number,
      kind: m.kind,
      ...text("title", m.title),
      date: m.date,
      ...source("source", m.source),
    });
    for (const [i, item] of m.items.entries()) {
      await insert(tx, "meeting_items", {
        id: item.id,
        meeting_id: m.id,
        position: i,
        ...text("title", item.title),
        incident_ids: item.incidentIds,
        document_ids: item.documentIds,
        presented_by_ids: item.presentedByIds,
        ...text("note", item.note),
      });
    }
    for (const [i, a] of m.vendorAttendees.entries()) {
      await insert(tx, "meeting_attendees", {
        meeting_id: m.id,
        position: i,
        vendor_id: a.vendorId,
        ...figure("people", a.people),
        ...text("role", a.role),
      });
    }
  }
  for (const [position, c] of data.commitments.entries()) {
    await insert(tx, "commitments", {
      id: c.id,
      position,
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
      ...source("source", c.source),
    });
    for (const [i, vendorId] of c.owedByIds.entries()) {
      await insert(tx, "commitment_owers", { commitment_id: c.id, position: i, vendor_id: vendorId });
    }
    for (const [i, incidentId] of c.incidentIds.entries()) {
      await insert(tx, "commitment_incidents", { commitment_id: c.id, position: i, incident_id: incidentId });
    }
  }
  for (const m of data.meetings) {
    for (const [i, r] of m.resolutions.entries()) {
      await insert(tx, "resolutions", {
        id: r.id,
        meeting_id: m.id,
        position: i,
        kind: r.kind,
        ...text("text", r.text),
        quote: r.quote,
        target_vendor_ids: r.targetVendorIds,
        commitment_ids: r.commitmentIds,
        ...text("note", r.note),
        ...source("source", r.source),
      });
    }
  }
  // Parents first, so that the parent_id foreign key holds row by row.
  const cohortPosition = new Map(data.cohorts.map((c, i) => [c.id, i]));
  const ordered = [...data.cohorts].sort((a, b) => depth(data, a.id) - depth(data, b.id));
  for (const c of ordered) {
    await insert(tx, "cohorts", {
      id: c.id,
      position: cohortPosition.get(c.id),
      incident_id: c.incidentId,
      parent_id: c.parentId,
      ...text("label", c.label),
      purpose: c.purpose,
      ...figure("members", c.members),
      ...figure("amount", c.amountPerMemberYen),
      methods: c.methods,
      status: c.status,
      ...source("status", c.statusSource),
    });
    for (const [i, e] of c.progress.entries()) {
      await insert(tx, "progress_events", {
        id: e.id,
        cohort_id: c.id,
        position: i,
        date: e.date,
        ...figure("done", e.doneCount),
        ...text("note", e.note),
        ...source("source", e.source),
      });
    }
  }
  for (const [position, a] of data.regulatoryActions.entries()) {
    await insert(tx, "regulatory_actions", {
      id: a.id,
      position,
      vendor_id: a.vendorId,
      date: a.date,
      ...text("authority", a.authority),
      ...text("action", a.action),
      amount_yen: a.amountYen,
      plan_due_date: a.planDueDate,
      ...source("source", a.source),
    });
  }
};

const depth = (data: TDataset, cohortId: string, seen = new Set<string>()): number => {
  const parentId = data.cohorts.find((c) => c.id === cohortId)?.parentId ?? null;
  if (parentId === null || seen.has(cohortId)) return 0;
  seen.add(cohortId);
  return 1 + depth(data, parentId, seen);
};

export type TSeedResult = { loaded: boolean };

/** Loads `dataset` (the 2025 case by default) when the database holds no organisation yet. */
export const seed = async (db: TDb, dataset: unknown = case2025): Promise<TSeedResult> => {
  const data = ZDataset.parse(dataset);
  return db.transaction(async (tx) => {
    await lockSchema(tx);
    const rows = await tx.query<{ n: number }>("SELECT count(*) AS n FROM organisation");
    if ((rows[0]?.n ?? 0) > 0) return { loaded: false };
    await insertDataset(tx, data);
    return { loaded: true };
  });
};
