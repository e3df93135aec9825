import fc from "fast-check";
import type { z } from "zod";
import { REFERENCE_FIELDS } from "@/shared/edits/engine";
import { ZId, ZIsoDate, ZPartialDate, ZText, ZVersion } from "@/shared/schemas/common";
import { case2025 } from "@/shared/seed/case-2025";

/*
 * fast-check arbitraries for request bodies: near-valid values derived from the contract's zod schemas
 * (ids drawn from the real record, real calendar dates, bilingual texts) and hostile values (wrong
 * types, NUL and lone surrogates, numbers past 2^31 and 2^53, impossible dates, prototype keys, deep
 * and huge JSON). Used by the write property tests on the server and on the mocks alike.
 */

const data = case2025;

/** Ids as the body's field names them (the engine's reference fields), from the case, created ones, and none. */
const ID_POOLS: Record<string, string[]> = {
  document: [...data.documents.map((d) => d.id), "doc-6", "doc-404"],
  vendor: [...data.vendors.map((v) => v.id), "ven-1", "acme"],
  party: [data.organisation.id, ...data.vendors.map((v) => v.id), "nobody"],
  service: [...data.services.map((p) => p.id), "prd-1", "prod-none"],
  incident: [...data.incidents.map((i) => i.id), "inc-4", "inc-404"],
  commitment: [...data.commitments.map((c) => c.id), "cmt-1", "cmt-404"],
  meeting: [...data.meetings.map((m) => m.id), "mtg-1", "mtg-404"],
  cohort: [...data.cohorts.map((c) => c.id), "coh-1", "coh-404"],
  case: [...data.cases.map((c) => c.id), "case-1", "case-404"],
  population: [...data.organisation.populations.map((p) => p.id), "customers", "pop-404"],
  vendorKind: [...data.organisation.vendorKinds.map((k) => k.id), "kind-404"],
  nested: [
    ...data.incidents.flatMap((i) => [...i.milestones.map((m) => m.id), ...i.impact.map((e) => e.id)]),
    ...data.meetings.flatMap((m) => [...m.items.map((x) => x.id), ...m.resolutions.map((x) => x.id)]),
    "ms-1",
    "item-1",
    "fresh-id",
  ],
};

// The engine's own map of reference fields, plus nested ids (drawn from the ids nested items use).
const KIND_OF_KEY: Record<string, keyof typeof ID_POOLS> = { ...REFERENCE_FIELDS, id: "nested" };

const ALL_IDS = [...new Set(Object.values(ID_POOLS).flat())];

/** Real ids weigh most; the odd one out names nothing (or another kind of record). */
export const idFor = (key: string): fc.Arbitrary<string> => {
  const kind = KIND_OF_KEY[key];
  const pool = kind ? (ID_POOLS[kind] as string[]) : ALL_IDS;
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_IDS) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/) },
  );
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Dates a record holds: mostly the case's years; sometimes the edges of the calendar and of the law. */
export const EDGE_DATES = [
  "2024-02-29",
  "2025-02-28",
  "2025-12-31",
  "2099-12-31",
  "0001-01-01",
  "0000-01-01",
  "9999-12-31",
  "1970-01-01",
];
export const isoDate: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .date({ min: new Date("2023-01-01"), max: new Date("2025-09-30"), noInvalidDate: true })
      .map(day),
  },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_DATES) },
);
export const partialDate: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: isoDate },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 2020, max: 2026 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${pad(m)}`),
  },
  { weight: 1, arbitrary: fc.constantFrom("0000-01", "9999-12") },
);

/** Code units that break storage or display: NUL, lone surrogates, controls, bidi overrides. */
const NASTY_UNITS = ["\u0000", "\uD800", "\uDFFF", "\u0007", "\u202E", "\uFEFF", "\r\n", "'", '"', "\\", "%"];
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("a", "Z", "0", " ", "あ", "漢", "🙂", "-") },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_UNITS) },
);
export const anyText = (minLength = 0, maxLength = 12) => fc.string({ unit, minLength, maxLength });
const cleanText = (minLength = 1, maxLength = 12) =>
  fc.string({ unit: fc.constantFrom("a", "Z", "0", " ", "あ", "漢", "🙂", "-"), minLength, maxLength });

export const bilingual = fc.record({
  ja: fc.oneof({ weight: 5, arbitrary: cleanText() }, { weight: 1, arbitrary: anyText(0) }),
  en: fc.oneof({ weight: 5, arbitrary: cleanText() }, { weight: 1, arbitrary: anyText(0) }),
});

type TDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
  checks?: { _zod: { def: { check: string; value?: number; minimum?: number; maximum?: number } } }[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: TDef } })._zod.def;

const bounds = (def: TDef) => {
  let min: number | undefined;
  let max: number | undefined;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "greater_than" || c.check === "min_length") min = c.value ?? c.minimum;
    if (c.check === "less_than" || c.check === "max_length") max = c.value ?? c.maximum;
  }
  return { min, max };
};

/**
 * A value the schema (mostly) accepts, built from the schema itself: what a careless but well-meaning
 * client sends. `key` is the field's name, which says what an id refers to.
 */
export const arbitraryOf = (schema: z.ZodType, key = ""): fc.Arbitrary<unknown> => {
  if (schema === ZId) return idFor(key);
  if (schema === ZIsoDate) return isoDate;
  if (schema === ZPartialDate) return partialDate;
  if (schema === ZText) return bilingual;
  if (schema === ZVersion) return fc.constant(1);
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return fc.record(
        Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, s]) => [k, arbitraryOf(s, k)])),
      );
    case "array": {
      const { min = 0, max = 3 } = bounds(def);
      return fc.array(arbitraryOf(def.element as z.ZodType, key), {
        minLength: min,
        maxLength: Math.max(min, Math.min(max, 3)),
      });
    }
    case "nullable":
      return fc.option(arbitraryOf(def.innerType as z.ZodType, key), { nil: null, freq: 4 });
    case "optional":
    case "default":
      return fc.option(arbitraryOf(def.innerType as z.ZodType, key), { nil: undefined, freq: 3 });
    case "union":
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryOf(o, key)));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "literal":
      return fc.constantFrom(...(def.values ?? []));
    case "boolean":
      return fc.boolean();
    case "number": {
      const { min = 0, max = 10_000 } = bounds(def);
      return fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min, max: Math.min(max, min + 10_000) }) },
        { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 2 ** 31, 2 ** 53) },
      );
    }
    case "string": {
      const { min = 0, max = 20 } = bounds(def);
      return fc.oneof(
        { weight: 5, arbitrary: cleanText(min, Math.max(min, Math.min(max, 20))) },
        { weight: 1, arbitrary: anyText(min, Math.max(min, Math.min(max, 20))) },
      );
    }
    case "pipe":
      return arbitraryOf(def.in as z.ZodType, key);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/** The schemas a body path can lead to (a union may give several), or none past the schema's end. */
export const schemasAt = (schema: z.ZodType, path: readonly (string | number)[]): z.ZodType[] => {
  if (path.length === 0) return [schema];
  const def = defOf(schema);
  const [head, ...rest] = path;
  switch (def.type) {
    case "object": {
      const child = def.shape?.[String(head)];
      return child ? schemasAt(child, rest) : [];
    }
    case "array":
      return typeof head === "number" ? schemasAt(def.element as z.ZodType, rest) : [];
    case "nullable":
    case "optional":
    case "default":
      return schemasAt(def.innerType as z.ZodType, path);
    case "pipe":
      return schemasAt(def.in as z.ZodType, path);
    case "union":
      return (def.options ?? []).flatMap((o) => schemasAt(o, path));
    default:
      return [];
  }
};

/** An object whose own key is `__proto__` (as JSON.parse makes it, not a prototype change). */
export const protoObject = (inner: unknown) =>
  JSON.parse(
    `{"__proto__": ${JSON.stringify(inner)}, "constructor": {"prototype": {"polluted": true}}}`,
  ) as unknown;

const deep = (depth: number): unknown => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Values no field expects, or expects only within limits it is checked against. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      0,
      -1,
      1.5,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 53,
      2 ** 53 + 2,
      1e308,
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\uD800",
      "x\uDC00y",
      "\u202Eevil",
      "'; DROP TABLE incidents; --",
      "<script>alert(1)</script>",
      "2025-02-30",
      "2025-13-01",
      "2025-00",
      "2025-9-1",
      "no-such-id",
      "constructor",
      "__proto__",
      "a".repeat(4001),
      [],
      {},
      ["doc-1", "doc-1"],
      ["sompo", "sompo"],
      { ja: "", en: "" },
      { ja: "\u0000", en: "x" },
      { ja: "x", en: "y", extra: 1 },
      { status: "reported", value: 2 ** 53, source: { documentId: "notice", cites: [] } },
      { status: "reported", value: 2 ** 40, source: { documentId: "notice", cites: [] } },
      { status: "reported", value: -1, source: { documentId: "notice", cites: [] } },
      {
        status: "not_reported",
        missing: { ja: "未報告", en: "Not reported" },
        source: { documentId: "gone", cites: [] },
      },
      { documentId: "notice", cites: ["notice", "notice", "doc-404"] },
      deep(200),
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...ALL_IDS) },
  { weight: 2, arbitrary: anyText(0, 30) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }).map(protoObject) },
);

/** Keys a client should never send: prototype names, empty, and plausible but unknown fields. */
export const hostileKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "",
  "id",
  "extra",
  "version ",
  "toString",
);

/** Whole bodies no endpoint accepts as they are. */
export const hostileBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, 0, "", [], {}, "{}", [{}], deep(2000)),
  fc.jsonValue({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 2 }).map(protoObject),
);

/** Request bodies that are not the JSON they claim to be, or not JSON at all. */
export const hostileRaw = fc.oneof(
  fc.constant({ contentType: "application/json", bytes: new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]) }),
  fc.constant({ contentType: "application/json", bytes: new TextEncoder().encode('{"version": 1,') }),
  fc.constant({ contentType: "application/json", bytes: new TextEncoder().encode("[".repeat(40_000)) }),
  fc.constant({
    contentType: "application/json",
    bytes: new TextEncoder().encode(`"${"x".repeat(70_000)}"`),
  }),
  fc.constant({ contentType: "text/plain", bytes: new TextEncoder().encode("{}") }),
  fc.constant({ contentType: "application/x-www-form-urlencoded", bytes: new TextEncoder().encode("a=1") }),
  anyText(0, 40).map((s) => ({ contentType: "application/json", bytes: new TextEncoder().encode(s) })),
);
