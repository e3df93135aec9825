import fc from "fast-check";
import { addDays, fiscalYearOf } from "../dates";
import type { TCohortStatus } from "../schemas/cohort";
import type { TCommitmentStatus, TCommitmentStep } from "../schemas/commitment";
import type { TFigure, TSourceRef } from "../schemas/common";
import { type TDataset, type TDatasetInput, ZDataset } from "../schemas/dataset";
import { type TImpactTotal, type TMilestoneKind, ZMilestoneKind } from "../schemas/incident";
import { case2025 } from "../seed/case-2025";
import { allFour, FIXTURES } from "../seed/fixtures/merge";
import { readOf } from "../seed/fixtures/read";
import { exactValue } from "../values";

/*
 * Properties of the figures over random dated records shaped like the test fixtures (their organisation,
 * vendors, services and cases; random incidents, impact figures, groups with progress, commitments with
 * workflow steps, meetings and orders, each fact known from a document of its own date or later):
 *
 *   (i)   the figures as of a day D over the whole record equal the figures over the record as it stood on
 *         D — built here from the facts known by D, independently of recordAsOf;
 *   (ii)  every total is one unit and one population: it is the sum of exactly the record's own entries
 *         of that unit and population, never of another's;
 *   (iii) a figure from outside the record never changes a total: adding or removing such entries leaves
 *         every total as it was.
 */

/** The shapes random records take: the demo, each fixture, all four together. */
const BASES: readonly TDataset[] = [case2025, ...FIXTURES.map((f) => f.data), allFour];

const START = "2023-01-01";
const SPAN = 1300; // days: 2023-01-01 to mid-2026
const day = (n: number) => addDays(START, n);

// ---------------------------------------------------------------------------------------------------
// The facts of a random record (indices into the base's lists; ids are given when the record is built)

type TGenFigure = { kind: TFigure["status"]; value: number };
type TGenMilestone = { kind: TMilestoneKind; at: number; monthOnly: boolean; lag: number; outside: boolean };
type TGenImpact = {
  scope: "ours" | "vendor_wide";
  unit: "people" | "records";
  pop: number | null;
  service: number | null;
  count: TGenFigure;
  known: number;
  outside: boolean;
};
type TGenProgress = { gap: number; lag: number; done: TGenFigure; change: TCohortStatus | null };
type TGenCohort = {
  financial: boolean;
  pop: number;
  people: TGenFigure;
  amount: TGenFigure | null;
  known: number;
  sub: boolean;
  initial: TCohortStatus;
  progress: TGenProgress[];
};
type TGenIncident = {
  template: number;
  caseIdx: number;
  open: boolean;
  milestones: TGenMilestone[];
  impact: TGenImpact[];
  cohorts: TGenCohort[];
};
type TGenCommitment = {
  board: boolean;
  owedBy: number[];
  incidents: number[];
  made: { at: number; monthOnly: boolean } | { inDocument: number };
  due: number | null;
  initial: "open" | "in_progress";
  steps: { gap: number; pick: number }[];
};
type TWorld = {
  /** Which of BASES the record is shaped like (an index keeps a failing example short). */
  base: number;
  caseOpen: boolean[];
  incidents: TGenIncident[];
  commitments: TGenCommitment[];
  meetings: { at: number; incidents: number[] }[];
  actions: { vendor: number; at: number; planDue: number | null }[];
};

const arbFigure = (max = 5000): fc.Arbitrary<TGenFigure> =>
  fc.record({
    kind: fc.constantFrom<TFigure["status"]>(
      "reported",
      "reported",
      "derived",
      "approximate",
      "not_reported",
      "confirmed_none",
    ),
    value: fc.integer({ min: 0, max }),
  });

/** True once in n. */
const oneIn = (n: number) => fc.nat({ max: n - 1 }).map((k) => k === 0);

const arbDay = fc.integer({ min: 0, max: SPAN });
const STATUSES: readonly TCohortStatus[] = ["not_started", "in_progress", "completed", "not_reported"];

const arbWorld = (bases: readonly TDataset[]): fc.Arbitrary<TWorld> =>
  fc.nat({ max: bases.length - 1 }).chain((baseIdx) => {
    const base = bases[baseIdx] as TDataset;
    const pops = base.organisation.populations.length;
    const services = base.services.length;
    const vendors = base.vendors.length;
    const arbIncident: fc.Arbitrary<TGenIncident> = fc.record({
      template: fc.nat({ max: base.incidents.length - 1 }),
      caseIdx: fc.nat({ max: base.cases.length - 1 }),
      open: fc.boolean(),
      milestones: fc.array(
        fc.record({
          kind: fc.constantFrom(...ZMilestoneKind.options),
          at: arbDay,
          monthOnly: oneIn(5),
          lag: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
          outside: oneIn(5),
        }),
        { maxLength: 5 },
      ),
      impact: fc.array(
        fc.record({
          scope: fc.constantFrom<"ours" | "vendor_wide">("ours", "ours", "vendor_wide"),
          unit: fc.constantFrom<"people" | "records">("people", "records"),
          pop: fc.option(fc.nat({ max: pops - 1 }), { freq: 4 }),
          service: fc.option(fc.nat({ max: services - 1 }), { freq: 2 }),
          count: arbFigure(),
          known: arbDay,
          outside: fc.boolean(),
        }),
        { maxLength: 5 },
      ),
      cohorts: fc.array(
        fc.record({
          financial: fc.boolean(),
          pop: fc.nat({ max: pops - 1 }),
          people: arbFigure(3000),
          amount: fc.option(arbFigure(10000), { freq: 3 }),
          known: arbDay,
          sub: oneIn(4),
          initial: fc.constantFrom(...STATUSES),
          progress: fc.array(
            fc.record({
              gap: fc.integer({ min: 0, max: 60 }),
              lag: fc.integer({ min: 0, max: 20 }),
              done: arbFigure(3000),
              change: fc.option(fc.constantFrom(...STATUSES), { freq: 2 }),
            }),
            { maxLength: 6 },
          ),
        }),
        { maxLength: 3 },
      ),
    });
    return fc.record({
      base: fc.constant(baseIdx),
      caseOpen: fc.array(fc.boolean(), { minLength: base.cases.length, maxLength: base.cases.length }),
      incidents: fc.array(arbIncident, { minLength: 1, maxLength: 4 }),
      commitments: fc.array(
        fc.record({
          board: fc.boolean(),
          owedBy: fc.uniqueArray(fc.nat({ max: vendors - 1 }), { minLength: 1, maxLength: 2 }),
          incidents: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 2 }),
          made: fc.oneof(
            fc.record({ at: arbDay, monthOnly: fc.boolean() }),
            fc.record({ inDocument: arbDay }),
          ),
          due: fc.option(arbDay, { freq: 3 }),
          initial: fc.constantFrom<"open" | "in_progress">("open", "in_progress"),
          steps: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 90 }), pick: fc.nat({ max: 2 }) }), {
            maxLength: 5,
          }),
        }),
        { maxLength: 3 },
      ),
      meetings: fc.array(
        fc.record({ at: arbDay, incidents: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 2 }) }),
        {
          maxLength: 2,
        },
      ),
      actions: fc.array(
        fc.record({ vendor: fc.nat({ max: vendors - 1 }), at: arbDay, planDue: fc.option(arbDay) }),
        { maxLength: 2 },
      ),
    });
  });

// ---------------------------------------------------------------------------------------------------
// The record the facts make: all of them (asOf null), or only those known by a day

const docId = (at: number, outside: boolean) => `${outside ? "out" : "doc"}-${at}`;
const ref = (at: number, outside = false): TSourceRef => ({ documentId: docId(at, outside), cites: [] });
const text = (s: string) => ({ ja: s, en: s });

const figure = (g: TGenFigure, source: TSourceRef): TFigure => {
  switch (g.kind) {
    case "reported":
      return { status: "reported", value: g.value, source };
    case "derived":
      return { status: "derived", value: g.value, formula: text("f"), source };
    case "approximate":
      return { status: "approximate", label: text("about"), source };
    case "not_reported":
      return { status: "not_reported", missing: text("missing"), source };
    case "confirmed_none":
      return { status: "confirmed_none", source };
  }
};

/** A commitment's workflow: each step allowed from the state before it (src/shared/edits/records.ts). */
const workflow = (initial: "open" | "in_progress", picks: TGenCommitment["steps"], made: number) => {
  let status: TCommitmentStatus = initial;
  let at = made;
  const steps: TCommitmentStep[] = [];
  for (const { gap, pick } of picks) {
    at += gap;
    let step: TCommitmentStep["step"];
    if (status === "vendor_reported_done")
      step = (["verified", "reopened", "reported_done"] as const)[pick] ?? "verified";
    else if (status === "verified") step = "reopened";
    else step = "reported_done";
    steps.push({ step, date: day(at), text: step === "verified" ? null : text(`${step} ${at}`) });
    status =
      step === "reported_done" ? "vendor_reported_done" : step === "verified" ? "verified" : "reopened";
  }
  return steps;
};

/** The commitment's fields after the given steps, as the workflow's edits leave them. */
const replay = (initial: "open" | "in_progress", steps: readonly TCommitmentStep[]) => {
  const out = {
    status: initial as TCommitmentStatus,
    reportedDoneDate: null as string | null,
    evidence: null as TCommitmentStep["text"],
    verifiedDate: null as string | null,
    reopenedDate: null as string | null,
    reopenedReason: null as TCommitmentStep["text"],
  };
  for (const s of steps) {
    if (s.step === "reported_done")
      Object.assign(out, { status: "vendor_reported_done", reportedDoneDate: s.date, evidence: s.text });
    else if (s.step === "verified")
      Object.assign(out, {
        status: "verified",
        verifiedDate: s.date,
        reopenedDate: null,
        reopenedReason: null,
      });
    else
      Object.assign(out, {
        status: "reopened",
        verifiedDate: null,
        reopenedDate: s.date,
        reopenedReason: s.text,
      });
  }
  return out;
};

const build = (w: TWorld, asOf: string | null): TDataset => {
  const base = BASES[w.base] as TDataset;
  const known = (at: number) => asOf === null || day(at) <= asOf;
  // A month-only date counts from the first day of its month.
  const dated = (date: string) => asOf === null || date <= asOf;
  const docs = new Map<string, { at: number; outside: boolean }>();
  const use = (at: number, outside = false) => {
    docs.set(docId(at, outside), { at, outside });
    return ref(at, outside);
  };
  const incidents: TDatasetInput["incidents"] = [];
  const cohorts: TDatasetInput["cohorts"] = [];
  const included = new Set<number>();
  w.incidents.forEach((g, i) => {
    const template = base.incidents[g.template] as TDataset["incidents"][number];
    const id = `g-inc-${i}`;
    const all = g.milestones.map((m, j) => {
      const date = day(m.at);
      return {
        m: {
          id: `g-m-${i}-${j}`,
          kind: m.kind,
          date: m.monthOnly ? date.slice(0, 7) : date,
          endDate: null,
          note: null,
          coversOurPeople: j % 2 === 0,
          source: use(m.at + m.lag, m.outside),
          outsideRecord: m.outside,
        },
        knownAt: m.at + m.lag,
      };
    });
    const milestones = all.filter(({ m, knownAt }) => dated(m.date) && known(knownAt)).map(({ m }) => m);
    if (all.length > 0 && milestones.length === 0) return;
    included.add(i);
    const first = all.map(({ m }) => m.date).sort()[0];
    incidents.push({
      ...template,
      id,
      number: i + 1,
      caseId: (base.cases[g.caseIdx] as TDataset["cases"][number]).id,
      status: g.open ? "open" : "closed",
      fiscalYear: first ? fiscalYearOf(first.length === 7 ? `${first}-01` : first) : template.fiscalYear,
      milestones,
      impact: g.impact
        .map((e, j) => ({ e, j }))
        .filter(({ e }) => known(e.known))
        .map(({ e, j }) => ({
          id: `g-imp-${i}-${j}`,
          scope: e.scope,
          serviceId: e.service === null ? null : (base.services[e.service]?.id ?? null),
          populationId:
            e.pop === null && !(e.scope === "ours" && e.unit === "people")
              ? null
              : (base.organisation.populations[e.pop ?? 0]?.id ?? null),
          unit: e.unit,
          count: figure(e.count, use(e.known, e.outside)),
          note: null,
          outsideRecord: e.outside,
        })),
      documentIds: [],
    });
    let parent: string | null = null;
    g.cohorts.forEach((c, j) => {
      const cohortId = `g-coh-${i}-${j}`;
      const parentId = c.sub ? parent : null;
      if (!c.sub) parent = cohortId;
      // Progress reports in date order, each known no earlier than the one before.
      let at = c.known;
      let knownAt = c.known;
      let status = c.initial;
      const progress = [];
      for (const [k, p] of c.progress.entries()) {
        at += p.gap;
        knownAt = Math.max(knownAt, at + p.lag);
        const change = p.change !== null && p.change !== status ? { from: status, to: p.change } : null;
        if (!known(knownAt)) break;
        if (change) status = change.to;
        progress.push({
          id: `g-p-${i}-${j}-${k}`,
          cohortId,
          date: day(at),
          doneCount: figure(p.done, use(knownAt)),
          note: null,
          statusChange: change,
          source: use(knownAt),
        });
      }
      if (!included.has(i) || !known(c.known)) return;
      if (parentId !== null && !cohorts.some((x) => x.id === parentId)) return;
      cohorts.push({
        id: cohortId,
        incidentId: id,
        parentId,
        label: text(cohortId),
        purpose: c.financial ? "financial" : "notification",
        populationId: (base.organisation.populations[c.pop] as { id: string }).id,
        people: figure(c.people, use(c.known)),
        amountPerPersonYen: c.financial && c.amount ? figure(c.amount, use(c.known)) : null,
        methods: [c.financial ? "refund" : "apology_letter"],
        status,
        statusSource: use(c.known),
        progress,
      });
    });
  });
  const incidentIds = (list: number[]) => list.filter((n) => n < w.incidents.length).map((n) => `g-inc-${n}`);
  const commitments: TDatasetInput["commitments"] = [];
  w.commitments.forEach((c, i) => {
    const madeAt = "at" in c.made ? c.made.at : c.made.inDocument;
    const madeOn = "at" in c.made ? (c.made.monthOnly ? day(c.made.at).slice(0, 7) : day(c.made.at)) : null;
    const madeInDocumentId = "inDocument" in c.made ? use(c.made.inDocument).documentId : null;
    const ids = incidentIds(c.incidents);
    if (!dated(madeOn ?? day(madeAt))) return;
    if (ids.length > 0 && !ids.some((id) => incidents.some((x) => x.id === id))) return;
    const all = workflow(c.initial, c.steps, madeAt);
    const steps = all.filter((s) => dated(s.date));
    // Before any step the status is the one set by hand; the record keeps it only while no step is made.
    const initial = all.length > 0 ? "in_progress" : c.initial;
    commitments.push({
      id: `g-cmt-${i}`,
      kind: c.board ? "board_demand" : "vendor_promise",
      text: text(`g-cmt-${i}`),
      quote: null,
      owedByIds: c.owedBy.map((v) => (base.vendors[v] as { id: string }).id),
      incidentIds: ids,
      madeInDocumentId,
      madeAtMeetingId: null,
      madeOn,
      dueDate: c.due === null ? null : day(c.due),
      ...replay(initial, steps),
      history: steps,
      source: use(madeAt),
    });
  });
  const meetings: TDatasetInput["meetings"] = w.meetings
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => known(m.at))
    .map(({ m, i }) => ({
      id: `g-mtg-${i}`,
      fiscalYear: fiscalYearOf(day(m.at)),
      number: i + 1,
      kind: "regular" as const,
      title: text(`g-mtg-${i}`),
      date: day(m.at),
      items: [
        {
          id: `g-item-${i}`,
          title: text("item"),
          incidentIds: incidentIds(m.incidents),
          documentIds: [],
          presentedByIds: [],
          note: null,
        },
      ],
      vendorAttendees: [],
      resolutions: [],
      source: use(m.at),
    }));
  const regulatoryActions: TDatasetInput["regulatoryActions"] = w.actions
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => known(a.at))
    .map(({ a, i }) => ({
      id: `g-reg-${i}`,
      vendorId: (base.vendors[a.vendor] as { id: string }).id,
      date: day(a.at),
      authority: text("FSA"),
      action: text(`g-reg-${i}`),
      amountYen: null,
      planDueDate: a.planDue === null ? null : day(a.planDue),
      source: use(a.at, true),
    }));
  const caseIds = new Set(incidents.map((i) => i.caseId));
  return ZDataset.parse({
    organisation: base.organisation,
    cases: base.cases
      .map((c, i) => ({ ...c, status: w.caseOpen[i] ? ("open" as const) : ("closed" as const) }))
      .filter((c) => asOf === null || caseIds.has(c.id)),
    vendors: base.vendors,
    services: base.services,
    documents: [...docs.entries()]
      .filter(([, d]) => known(d.at))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, d]) => ({
        id,
        label: text(id),
        title: text(id),
        kind: d.outside ? "press" : "report",
        issuerIds: [],
        publisher: null,
        date: day(d.at),
        outsideRecord: d.outside,
        statements: [],
      })),
    incidents,
    cohorts,
    commitments,
    meetings,
    regulatoryActions,
  } satisfies TDatasetInput);
};

// ---------------------------------------------------------------------------------------------------
// The figures compared

const NOW = new Date("2026-08-01T03:00:00Z");

const queriesFor = (data: TDataset, asOf: string, pick: number) => {
  const caseId = data.cases[pick % Math.max(1, data.cases.length)]?.id;
  const vendorId = data.vendors[pick % data.vendors.length]?.id;
  const fiscalYear = data.incidents[pick % Math.max(1, data.incidents.length)]?.fiscalYear ?? 2025;
  return [
    { asOf, caseStatus: "all" },
    { asOf },
    ...(caseId ? [{ asOf, caseId }] : []),
    ...(vendorId ? [{ asOf, vendorId, caseStatus: "all" }] : []),
    { asOf, fiscalYear, caseStatus: "all" },
  ] as Record<string, string | number>[];
};

const STATS = [
  "getOverview",
  "getAffectedStats",
  "getRemediationStats",
  "getRemediationTimeline",
  "getCommitmentStats",
  "getIntervalStats",
] as const;

/** Every figure endpoint's answer for a day, by request. */
const figuresOf = (data: TDataset, compareWith: TDataset, asOf: string, pick: number) => {
  const out: Record<string, unknown> = {};
  for (const query of queriesFor(compareWith, asOf, pick)) {
    for (const name of STATS) out[`${name} ${JSON.stringify(query)}`] = readOf(name, data, query, {}, NOW);
  }
  const fiscalYear = compareWith.incidents[0]?.fiscalYear ?? 2025;
  out.scorecards = readOf("getVendorScorecards", data, { asOf }, {}, NOW);
  out.scorecardsFy = readOf("getVendorScorecards", data, { asOf, fiscalYear }, {}, NOW);
  out.deadlines = readOf("listDeadlines", data, { asOf, withinDays: 30, limit: 500 }, {}, NOW);
  const caseId = compareWith.cases[pick % Math.max(1, compareWith.cases.length)]?.id;
  if (caseId) out.caseDeadlines = readOf("listDeadlines", data, { asOf, caseId, limit: 500 }, {}, NOW);
  return out;
};

const arbAsOf = arbDay.map(day);

describe("(i) the figures as of a day are the figures of the record as it stood that day", () => {
  it("for every figure endpoint and scope", () => {
    fc.assert(
      fc.property(arbWorld(BASES), arbAsOf, fc.nat(), (world, asOf, pick) => {
        const whole = build(world, null);
        const cut = build(world, asOf);
        expect(figuresOf(whole, cut, asOf, pick)).toEqual(figuresOf(cut, cut, asOf, pick));
      }),
      { numRuns: 120 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// (ii) totals per unit and population

const keyOf = (t: { unit: string; populationId: string | null }) => `${t.unit}:${t.populationId ?? ""}`;

/** What the totals of some incidents must be, summed here from their entries (see docs/any-case.md). */
const expectedTotals = (data: TDataset, incidentIds: readonly string[]) => {
  const parts = new Map<
    string,
    { unit: "people" | "records"; populationId: string | null; figures: TFigure[] }
  >();
  for (const incident of data.incidents.filter((i) => incidentIds.includes(i.id))) {
    const own = incident.impact.filter((e) => e.scope === "ours" && !e.outsideRecord);
    for (const key of new Set(own.map(keyOf))) {
      const entries = own.filter((e) => keyOf(e) === key);
      const whole = entries.find((e) => e.serviceId === null);
      const at = parts.get(key) ?? {
        unit: (entries[0] as (typeof own)[number]).unit,
        populationId: (entries[0] as (typeof own)[number]).populationId,
        figures: [],
      };
      at.figures.push(...(whole ? [whole.count] : entries.map((e) => e.count)));
      parts.set(key, at);
    }
  }
  const rank = (p: string | null) =>
    p === null ? 1e9 : data.organisation.populations.findIndex((x) => x.id === p);
  return [...parts.values()]
    .sort((a, b) =>
      a.unit === b.unit ? rank(a.populationId) - rank(b.populationId) : a.unit === "people" ? -1 : 1,
    )
    .map(({ unit, populationId, figures }): TImpactTotal => {
      const values = figures.map(exactValue);
      return {
        unit,
        populationId,
        value: values.reduce<number>((s, v) => s + (v ?? 0), 0),
        complete: values.every((v) => v !== null),
        unreportedParts: values.filter((v) => v === null).length,
        confirmedNone: figures.every((f) => f.status === "confirmed_none"),
      };
    });
};

describe("(ii) totals never mix units or populations", () => {
  it("every total is the sum of its own unit's and population's entries, and of nothing else", () => {
    fc.assert(
      fc.property(arbWorld(BASES), arbAsOf, fc.nat(), (world, asOf, pick) => {
        const whole = build(world, null);
        const cut = build(world, asOf);
        for (const query of queriesFor(cut, asOf, pick)) {
          const overview = readOf("getOverview", whole, query, {}, NOW);
          const ids = overview.scope.incidentIds;
          expect(overview.affected.totals).toEqual(expectedTotals(cut, ids));
          for (const line of overview.portfolio) {
            const own = cut.incidents.filter((i) => i.caseId === line.caseId && ids.includes(i.id));
            expect(line.affected).toEqual(
              expectedTotals(
                cut,
                own.map((i) => i.id),
              ),
            );
          }
          for (const i of overview.affected.byIncident)
            expect(i.totals).toEqual(expectedTotals(cut, [i.incidentId]));
          // Money put right and letters sent, per purpose and population: one row each, top-level groups only.
          const rows = overview.remediation;
          expect(new Set(rows.map((r) => `${r.purpose}:${r.populationId}`)).size).toBe(rows.length);
          for (const row of rows) {
            const groups = cut.cohorts.filter(
              (c) =>
                ids.includes(c.incidentId) &&
                c.parentId === null &&
                c.purpose === row.purpose &&
                c.populationId === row.populationId,
            );
            expect(row.people).toBe(groups.reduce((s, c) => s + (exactValue(c.people) ?? 0), 0));
            if (row.purpose === "notification") expect([row.owedYen, row.doneYen]).toEqual([0, 0]);
          }
          const timeline = readOf("getRemediationTimeline", whole, query, {}, NOW);
          for (const series of timeline.series) {
            for (const point of series.points) {
              const cohort = cut.cohorts.find((c) => c.id === point.cohortId);
              expect([cohort?.purpose, cohort?.populationId]).toEqual([series.purpose, series.populationId]);
              if (series.purpose === "notification") expect(point.cumulativeDoneYen).toBe(0);
            }
          }
        }
        const cards = readOf("getVendorScorecards", whole, { asOf }, {}, NOW);
        for (const row of cards.rows) expect(row.affected).toEqual(expectedTotals(cut, row.incidentIds));
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// (iii) outside figures

/** Every total a page shows (never the outside figures themselves, nor the documents they cite). */
const totalsOf = (data: TDataset, asOf: string) => {
  const query = { asOf, caseStatus: "all" };
  const overview = readOf("getOverview", data, query, {}, NOW);
  const affected = readOf("getAffectedStats", data, query, {}, NOW);
  return {
    overview: overview.affected.totals,
    byIncident: overview.affected.byIncident,
    portfolio: overview.portfolio.map(({ outside: _o, documentIds: _d, ...line }) => line),
    remediation: overview.remediation,
    affected: affected.totals,
    incidents: affected.incidents,
    byService: affected.byService,
    scorecards: readOf("getVendorScorecards", data, { asOf }, {}, NOW).rows,
    list: readOf("listIncidents", data, { limit: 500 }, {}, NOW).items,
  };
};

/** Outside entries to add: indices wrap around the record's lists (a missing incident adds nothing). */
const arbOutside = fc.array(
  fc.record({
    incident: fc.nat({ max: 7 }),
    scope: fc.constantFrom<"ours" | "vendor_wide">("ours", "vendor_wide"),
    unit: fc.constantFrom<"people" | "records">("people", "records"),
    pop: fc.option(fc.nat({ max: 3 })),
    service: fc.option(fc.nat({ max: 7 })),
    count: arbFigure(100_000),
    source: fc.nat({ max: 40 }),
  }),
  { minLength: 1, maxLength: 4 },
);

type TOutside = typeof arbOutside extends fc.Arbitrary<infer T> ? T : never;

/** The record with its outside entries removed and the given ones added. */
const withOutside = (data: TDataset, added: TOutside, keep: boolean) => {
  const copy = structuredClone(data);
  copy.incidents = copy.incidents.map((incident) => ({
    ...incident,
    impact: incident.impact.filter((e) => keep || !e.outsideRecord),
  }));
  added.forEach((a, k) => {
    const incident = copy.incidents[a.incident];
    if (!incident) return;
    incident.impact.push({
      id: `outside-${k}`,
      scope: a.scope,
      unit: a.unit,
      populationId: a.pop === null ? null : (copy.organisation.populations[a.pop]?.id ?? null),
      serviceId: a.service === null ? null : (copy.services[a.service]?.id ?? null),
      count: figure(a.count, {
        documentId: copy.documents[a.source % copy.documents.length]?.id ?? "none",
        cites: [],
      }),
      note: null,
      outsideRecord: true,
    });
  });
  return ZDataset.parse(copy);
};

describe("(iii) a figure from outside the record never changes a total", () => {
  it("over the fixtures, with outside entries removed or added", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: BASES.length - 1 }),
        arbOutside,
        arbAsOf,
        fc.boolean(),
        (base, added, asOf, keep) => {
          const data = BASES[base] as TDataset;
          const without = withOutside(data, [], false);
          expect(totalsOf(withOutside(data, added, keep), asOf)).toEqual(totalsOf(without, asOf));
          expect(totalsOf(data, asOf)).toEqual(totalsOf(without, asOf));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("over random records", () => {
    fc.assert(
      fc.property(arbWorld(BASES), arbOutside, arbAsOf, (world, added, asOf) => {
        const data = build(world, null);
        expect(totalsOf(withOutside(data, added, true), asOf)).toEqual(
          totalsOf(withOutside(data, [], false), asOf),
        );
      }),
      { numRuns: 80 },
    );
  });
});
