import { formatMoment } from "@/i18n/format";
import { translateKnown, type useI18n } from "@/i18n/i18n";
import { sameJson } from "@/shared/canonical-json";
import type { TAuditActor, TAuditEntityType, TAuditEntry } from "@/shared/schemas/audit";

/*
 * Audit entries in words, for people: what kind of record, which one, who did what, and which fields
 * changed from what to what. Shared by the administrators' audit page and each record's history (features
 * may not import each other). Values are shown as the pages show them (labels for statuses, the current
 * language's side of a bilingual text, 未報告 for a figure not reported), never as raw JSON in words mode.
 */

type TI18n = ReturnType<typeof useI18n>;

/** Bookkeeping every write changes: not a change anyone made. */
const IGNORED_FIELDS = new Set(["version"]);

export type TFieldChange = { field: string; before: unknown; after: unknown };

/**
 * The fields whose value differs between before and after, in the record's own field order (a created
 * record: every field it was created with; a deleted one: every field it had).
 */
export const changedFields = (entry: Pick<TAuditEntry, "before" | "after">): TFieldChange[] => {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !IGNORED_FIELDS.has(field) && !sameJson(before[field], after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
};

/** A catalog message, or `fallback` when the catalog has no such key (a field added after this list). */
const known = (i18n: TI18n, key: string, fallback: string) => translateKnown(i18n.lang, key) ?? fallback;

export const entityTypeLabel = (i18n: TI18n, type: TAuditEntityType) =>
  known(i18n, `audit.entity_${type}`, type);

export const actionLabel = (i18n: TI18n, action: string) => known(i18n, `audit.action_${action}`, action);

export const fieldLabel = (i18n: TI18n, field: string) => known(i18n, `audit.field_${field}`, field);

/** A person by their display name; a command run on the server as "System (npm run user:add)". */
export const actorName = (i18n: TI18n, actor: TAuditActor) =>
  actor.id === "system" ? i18n.t("audit.actorSystem", { name: actor.displayName }) : actor.displayName;

type TRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is TRecord => v !== null && typeof v === "object" && !Array.isArray(v);
const isText = (v: unknown): v is { ja: string; en: string } =>
  isRecord(v) && typeof v.ja === "string" && typeof v.en === "string" && Object.keys(v).length === 2;

/** Labels of enumerated values, by field (and, where the same field name means different things, by type). */
const enumKey = (type: TAuditEntityType, field: string, value: string): string | null => {
  switch (field) {
    case "status":
      if (type === "case") return `domain.caseStatus.${value}`;
      if (type === "incident") return `domain.incidentStatus.${value}`;
      if (type === "cohort") return `domain.cohortStatus.${value}`;
      if (type === "commitment") return `domain.commitmentStatus.${value}`;
      return null;
    case "category":
      return `domain.category.${value}`;
    case "kind":
      if (type === "commitment") return `domain.commitmentKind.${value}`;
      if (type === "document") return `domain.documentKind.${value}`;
      if (type === "meeting") return `audit.meetingKind_${value}`;
      if (type === "service") return `domain.serviceKind.${value}`;
      return null;
    case "legalForm":
      return `domain.legalForm.${value}`;
    case "dataRole":
      return `domain.dataRole.${value}`;
    case "purpose":
      return `domain.purpose.${value}`;
    case "methods":
      return `domain.method.${value}`;
    case "role":
      if (type === "user") return `auth.role${value.charAt(0).toUpperCase()}${value.slice(1)}`;
      return null;
    case "dayCounting":
      return `audit.dayCounting_${value}`;
    default:
      return null;
  }
};

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One value in words, or null when it has no short wording (a list of records, a structure): callers
 * then say how many items it has, or that it was edited.
 */
const scalarWords = (i18n: TI18n, type: TAuditEntityType, field: string, value: unknown): string | null => {
  const { t, tx, f, lang } = i18n;
  if (value === null || value === undefined) return t("audit.valueNone");
  if (field === "passwordChanged") return value === true ? t("audit.valuePasswordSet") : t("audit.valueNone");
  if (typeof value === "boolean") return value ? t("audit.valueYes") : t("audit.valueNo");
  if (typeof value === "number") {
    if (field === "amountPerPersonYen") return f.yen(value);
    if (field === "fiscalYear") return f.fiscalYear(value);
    if (field === "fiscalYearStartMonth") return t("audit.valueMonth", { n: value });
    return f.number(value);
  }
  if (typeof value === "string") {
    const key = enumKey(type, field, value);
    if (key) return known(i18n, key, value);
    if (ISO_DATE.test(value)) return f.date(value);
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatMoment(value, lang);
    return clip(value, 80);
  }
  if (isText(value)) return clip(tx(value), 80);
  if (isRecord(value)) {
    // A figure (ZFigure): its value, its approximate wording, or 未報告 — never 0 for "not reported".
    if (value.status === "reported" || value.status === "derived") {
      return typeof value.value === "number" ? scalarWords(i18n, type, field, value.value) : null;
    }
    if (value.status === "approximate" && isText(value.label)) return clip(tx(value.label), 80);
    if (value.status === "not_reported") return t("common.notReported");
    if (value.status === "confirmed_none") return t("common.confirmedNone");
    if (field === "misuse" && typeof value.status === "string") {
      return known(i18n, `domain.misuse.${value.status}`, value.status);
    }
    if (field === "closed" && typeof value.at === "string" && typeof value.byName === "string") {
      return t("audit.valueClosed", { at: formatMoment(value.at, lang), name: value.byName });
    }
    // A source reference: the document it points at.
    if (typeof value.documentId === "string" && Array.isArray(value.cites)) return value.documentId;
    return null;
  }
  return null;
};

/** A value in words; lists of simple values are listed, other lists and structures summarised. */
export const valueWords = (i18n: TI18n, type: TAuditEntityType, field: string, value: unknown): string => {
  const words = scalarWords(i18n, type, field, value);
  if (words !== null) return words;
  if (Array.isArray(value)) {
    if (value.length === 0) return i18n.t("audit.valueNone");
    const items = value.map((item) =>
      Array.isArray(item) || (isRecord(item) && !isText(item)) ? null : scalarWords(i18n, type, field, item),
    );
    if (items.every((item) => item !== null)) return clip(items.join(i18n.lang === "ja" ? "、" : ", "), 120);
    return i18n.tp("audit.valueItems", value.length);
  }
  return i18n.t("audit.valueEdited");
};

/** Whether a value is a structure whose words do not show it whole (the audit page then shows its JSON). */
export const needsFullView = (i18n: TI18n, type: TAuditEntityType, field: string, value: unknown) =>
  (Array.isArray(value) || isRecord(value)) &&
  scalarWords(i18n, type, field, value) === null &&
  !(Array.isArray(value) && value.length === 0);

/** "状態:対応中 → 完了" — or, for lists of records, how many there were and are. */
export const changeWords = (i18n: TI18n, type: TAuditEntityType, change: TFieldChange) => {
  const field = fieldLabel(i18n, change.field);
  let before = valueWords(i18n, type, change.field, change.before);
  let after = valueWords(i18n, type, change.field, change.after);
  if (before === after) {
    if (Array.isArray(change.before) && Array.isArray(change.after)) {
      before = i18n.tp("audit.valueItems", change.before.length);
      after = i18n.tp("audit.valueItems", change.after.length);
    }
    if (before === after) return `${field}${i18n.lang === "ja" ? ":" : ": "}${i18n.t("audit.valueEdited")}`;
  }
  return i18n.t("audit.changeLine", { field, before, after });
};

const textOf = (i18n: TI18n, value: unknown) => (isText(value) ? i18n.tx(value) : null);

/** The record an entry is about, by its name as the pages show it (from after, or before if removed). */
export const recordName = (
  i18n: TI18n,
  entry: Pick<TAuditEntry, "entityType" | "entityId" | "before" | "after">,
) => {
  const r = entry.after ?? entry.before ?? {};
  switch (entry.entityType) {
    case "organisation":
      return clip(textOf(i18n, r.shortName) ?? textOf(i18n, r.name) ?? entry.entityId, 60);
    case "case":
      return clip(textOf(i18n, r.title) ?? entry.entityId, 60);
    case "incident": {
      const title = textOf(i18n, r.title);
      const number =
        typeof r.number === "number" ? `${i18n.t("audit.incidentNumber", { n: r.number })} ` : "";
      return title ? clip(`${number}${title}`, 60) : entry.entityId;
    }
    case "cohort":
    case "document":
      return clip(textOf(i18n, r.label) ?? entry.entityId, 60);
    case "commitment":
      return clip(textOf(i18n, r.text) ?? entry.entityId, 60);
    case "meeting":
    case "service":
    case "product":
      return clip(textOf(i18n, r.title) ?? textOf(i18n, r.name) ?? entry.entityId, 60);
    case "vendor":
      return clip(textOf(i18n, r.shortName) ?? textOf(i18n, r.name) ?? entry.entityId, 60);
    case "user":
      return typeof r.displayName === "string" && typeof r.username === "string"
        ? `${r.displayName}${i18n.lang === "ja" ? "" : " "}(${r.username})`
        : entry.entityId;
    case "settings":
      return i18n.t("audit.settingsRecord");
  }
};

const firstString = (value: unknown) =>
  typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;

/** The page that shows the record (null when none does). */
export const recordPath = (entry: Pick<TAuditEntry, "entityType" | "entityId" | "before" | "after">) => {
  const r = entry.after ?? entry.before ?? {};
  const id = encodeURIComponent(entry.entityId);
  switch (entry.entityType) {
    case "organisation":
      return "/admin/organisation";
    case "case":
      return `/cases/${id}`;
    case "incident":
      return `/incidents/${id}`;
    case "cohort": {
      const incident = firstString(r.incidentId);
      return incident ? `/incidents/${encodeURIComponent(incident)}` : null;
    }
    case "commitment":
      return `/commitments#${id}`;
    case "document":
      return `/documents/${id}`;
    case "meeting":
      return `/meetings/${id}`;
    case "vendor":
      return `/vendors/${id}`;
    case "service": {
      const vendor = firstString(r.vendorIds);
      return vendor ? `/vendors/${encodeURIComponent(vendor)}` : null;
    }
    case "user":
      return "/admin/users";
    // Products became services (migration 007): the old entry's page no longer exists.
    case "product":
    case "settings":
      return null;
  }
};
