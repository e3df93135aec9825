import { z } from "zod";
import { ZCase } from "@/shared/schemas/case";
import { ZCohort } from "@/shared/schemas/cohort";
import { ZCommitment } from "@/shared/schemas/commitment";
import { type TDataset, ZDataset } from "@/shared/schemas/dataset";
import { ZSourceDocument } from "@/shared/schemas/document";
import { ZIncident } from "@/shared/schemas/incident";
import { ZMeeting } from "@/shared/schemas/meeting";
import { ZOrganisation } from "@/shared/schemas/organisation";
import { ZService } from "@/shared/schemas/service";
import { type TSettings, ZSettings } from "@/shared/schemas/settings";
import { ZRegulatoryAction, ZVendor } from "@/shared/schemas/vendor";
import type { TDb, TQueryable } from "./types";

/*
 * The record (migration 006): one JSON document per record, each parsed with its zod schema at this
 * boundary, and held in memory per database handle at the revision it was read. A read costs one small
 * query (the revision) when nothing changed and otherwise reads only the rows written since (`rev > held`),
 * so a second server, or a write made by another, is seen at the next request without reading the whole
 * record again.
 * Writers take the edit lock (run-edit.ts) and bring their copy up to date inside the transaction first.
 */

/** Each kind of record: the dataset list it lives in and the schema every stored row must pass. */
const KINDS = {
  case: { key: "cases", schema: ZCase },
  vendor: { key: "vendors", schema: ZVendor },
  service: { key: "services", schema: ZService },
  document: { key: "documents", schema: ZSourceDocument },
  incident: { key: "incidents", schema: ZIncident },
  cohort: { key: "cohorts", schema: ZCohort },
  commitment: { key: "commitments", schema: ZCommitment },
  meeting: { key: "meetings", schema: ZMeeting },
  regulatory_action: { key: "regulatoryActions", schema: ZRegulatoryAction },
} as const satisfies Record<string, { key: keyof TDataset; schema: z.ZodType }>;

export type TRecordKind = keyof typeof KINDS | "organisation";
type TListKind = keyof typeof KINDS;
type TListKey = (typeof KINDS)[TListKind]["key"];

const LIST_KINDS = Object.keys(KINDS) as TListKind[];

/** A row of record_documents as the database returns it (checked, never cast). */
const ZRow = z.object({
  kind: z.enum(["organisation", ...LIST_KINDS]),
  id: z.string(),
  position: z.number().int(),
  rev: z.coerce.number().int(),
  data: z.record(z.string(), z.unknown()),
});
type TRow = z.infer<typeof ZRow>;

const ZHead = z.object({
  head: z.coerce.number().int(),
  day_counting: ZSettings.shape.dayCounting,
  settings_version: ZSettings.shape.version,
});

/**
 * A dataset held at a revision, with the settings it is read with; never changed in place (edits return
 * new lists). A settings change moves the revision too, so the two are always read together.
 */
export type THeldRecord = { rev: number; data: TDataset; settings: TSettings };

const EMPTY_LISTS = (): Omit<TDataset, "organisation"> => ({
  cases: [],
  vendors: [],
  services: [],
  documents: [],
  incidents: [],
  cohorts: [],
  commitments: [],
  meetings: [],
  regulatoryActions: [],
});

/** Positions of each kind's rows, kept beside the dataset so that merging changed rows keeps list order. */
type TPositions = Record<TListKind, Map<string, number>>;

type TCache = { held: (THeldRecord & { positions: TPositions }) | null };

const caches = new WeakMap<TDb, TCache>();
const cacheOf = (db: TDb): TCache => {
  let cache = caches.get(db);
  if (!cache) {
    cache = { held: null };
    caches.set(db, cache);
  }
  return cache;
};

const parseData = (row: TRow) => {
  if (row.kind === "organisation") return ZOrganisation.parse(row.data);
  return KINDS[row.kind].schema.parse(row.data);
};

/** The held record with the changed rows merged in, each list in position order. */
const merge = (
  base: (THeldRecord & { positions: TPositions }) | null,
  head: number,
  settings: TSettings,
  rows: TRow[],
): THeldRecord & { positions: TPositions } => {
  if (base && rows.length === 0) return { ...base, rev: head, settings };
  const lists: Record<TListKey, { id: string }[]> = base
    ? { ...base.data }
    : (EMPTY_LISTS() as unknown as Record<TListKey, { id: string }[]>);
  const positions = {} as TPositions;
  for (const kind of LIST_KINDS) positions[kind] = base ? base.positions[kind] : new Map();
  let organisation = base?.data.organisation ?? null;
  const touched = new Set<TListKind>();
  for (const row of rows) {
    const record = parseData(row);
    if (row.kind === "organisation") {
      organisation = record as TDataset["organisation"];
      continue;
    }
    const key = KINDS[row.kind].key;
    if (!touched.has(row.kind)) {
      touched.add(row.kind);
      lists[key] = [...lists[key]];
      positions[row.kind] = new Map(positions[row.kind]);
    }
    const list = lists[key];
    const at = list.findIndex((item) => item.id === row.id);
    if (at >= 0) list[at] = record as { id: string };
    else list.push(record as { id: string });
    positions[row.kind].set(row.id, row.position);
  }
  for (const kind of touched) {
    const order = positions[kind];
    lists[KINDS[kind].key].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  if (!organisation) throw new Error("the record has no organisation: the database was never seeded");
  const data = { organisation, ...lists } as unknown as TDataset;
  return { rev: head, data, settings, positions };
};

/** The revision and the rows written after `since`, read in one statement (one snapshot). */
const changedSince = async (q: TQueryable, since: number) => {
  const raw = await q.query(
    `WITH h AS (SELECT rev FROM record_head)
     SELECT h.rev AS head, s.day_counting, s.version AS settings_version,
       d.kind, d.id, d.position, d.rev, d.data
     FROM h CROSS JOIN settings s LEFT JOIN record_documents d ON d.rev > $1 AND d.rev <= h.rev
     ORDER BY d.kind, d.position`,
    [since],
  );
  if (raw.length === 0) throw new Error("record_head or settings is missing (migrations 003 and 006)");
  const first = ZHead.parse(raw[0]);
  const settings: TSettings = { dayCounting: first.day_counting, version: first.settings_version };
  const rows = raw.filter((r) => r.kind !== null).map((r) => ZRow.parse(r));
  return { head: first.head, settings, rows };
};

const ZRevision = z.object({ rev: z.coerce.number().int() });

const refresh = async (q: TQueryable, cache: TCache): Promise<THeldRecord> => {
  const held = cache.held;
  // Nothing written since (nearly every request): the revision alone says so, in the smallest query
  // there is. A revision names one state of the record and its settings, so the held copy is that state.
  if (held) {
    const [head] = z.array(ZRevision).parse(await q.query("SELECT rev FROM record_head"));
    if (head?.rev === held.rev) return held;
  }
  const since = held?.rev ?? 0;
  let { head, settings, rows } = await changedSince(q, since);
  if (held && head === since) return held;
  // A head behind what is held (the database was restored from a backup): read it all again.
  const base = head > since ? held : null;
  if (!base && since > 0) ({ head, settings, rows } = await changedSince(q, 0));
  const next = merge(base, head, settings, rows);
  // A concurrent refresh or write may have moved further meanwhile: keep the newest (a restore as it is).
  if (!cache.held || next.rev >= cache.held.rev || !base) cache.held = next;
  return next;
};

/**
 * The record as last committed, with its settings (read outside any transaction). Every call asks for the
 * revision (one small query), so an answer never predates a write acknowledged before the request.
 */
export const readRecord = (db: TDb): Promise<THeldRecord> => refresh(db, cacheOf(db));

/** Inside a writer's transaction, after the edit lock: the record as committed, with its revision. */
export const readRecordForWrite = (db: TDb, tx: TQueryable): Promise<THeldRecord> => refresh(tx, cacheOf(db));

const positionOf = (data: TDataset, kind: TListKind, id: string) => {
  const at = (data[KINDS[kind].key] as { id: string }[]).findIndex((item) => item.id === id);
  if (at < 0) throw new Error(`the edit changed ${kind} ${id}, which is not in its result`);
  return at;
};

const upsert = async (
  tx: TQueryable,
  kind: TRecordKind,
  id: string,
  position: number,
  rev: number,
  doc: object,
) => {
  const version = "version" in doc && typeof doc.version === "number" ? doc.version : 1;
  await tx.query(
    `INSERT INTO record_documents (kind, id, position, version, rev, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (kind, id) DO UPDATE SET version = EXCLUDED.version, rev = EXCLUDED.rev, data = EXCLUDED.data`,
    [kind, id, position, version, rev, JSON.stringify(doc)],
  );
};

export type TWrittenRecord = { kind: TRecordKind; id: string };

/**
 * Stores the changed records as they are in `data` (the edit's result) at revision `rev` + 1 and moves the
 * head. A record keeps its position; a new one takes its index in the result (after every other).
 */
export const writeRecords = async (
  tx: TQueryable,
  held: THeldRecord,
  data: TDataset,
  changed: readonly TWrittenRecord[],
): Promise<THeldRecord> => {
  const rev = held.rev + 1;
  for (const { kind, id } of changed) {
    if (kind === "organisation") await upsert(tx, kind, data.organisation.id, 0, rev, data.organisation);
    else {
      const position = positionOf(data, kind, id);
      const doc = (data[KINDS[kind].key] as { id: string }[])[position] as object;
      await upsert(tx, kind, id, position, rev, doc);
    }
  }
  await tx.query("UPDATE record_head SET rev = $1", [rev]);
  return { rev, data, settings: held.settings };
};

/** After the writer's transaction committed: the next reader starts from the written record. */
export const publishRecord = (db: TDb, written: THeldRecord) => {
  const cache = cacheOf(db);
  if (cache.held && cache.held.rev >= written.rev) return;
  const positions = {} as TPositions;
  for (const kind of LIST_KINDS) {
    const list = written.data[KINDS[kind].key] as { id: string }[];
    positions[kind] = new Map(list.map((item, i) => [item.id, i]));
  }
  cache.held = { ...written, positions };
};

/** Loads a whole dataset into an empty record (the seed), at revision 1. */
export const insertDataset = async (tx: TQueryable, dataset: TDataset) => {
  const data = ZDataset.parse(dataset);
  const changed: TWrittenRecord[] = [{ kind: "organisation", id: data.organisation.id }];
  for (const kind of LIST_KINDS) {
    for (const item of data[KINDS[kind].key] as { id: string }[]) changed.push({ kind, id: item.id });
  }
  await writeRecords(
    tx,
    { rev: 0, data, settings: { dayCounting: "exclude_first_day", version: 1 } },
    data,
    changed,
  );
};

/** Whether the record holds anything yet (the seed fills an empty one only). */
export const recordIsEmpty = async (q: TQueryable) => {
  const rows = await q.query("SELECT rev FROM record_head");
  return z.array(z.object({ rev: z.coerce.number() })).parse(rows)[0]?.rev === 0;
};

/** A change outside the record that readers must see with it (the settings): a new revision, no rows. */
export const bumpRevision = async (tx: TQueryable) => {
  await tx.query("UPDATE record_head SET rev = rev + 1");
};

/** Test helpers and scripts: forget what a handle holds (as a fresh server would). */
export const forgetRecord = (db: TDb) => {
  caches.delete(db);
};

/** The whole record read afresh, bypassing what any handle holds (tests compare it with the held one). */
export const loadRecord = async (q: TQueryable): Promise<THeldRecord> => {
  const { head, settings, rows } = await changedSince(q, 0);
  const { positions: _p, ...held } = merge(null, head, settings, rows);
  return held;
};
