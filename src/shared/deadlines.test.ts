import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./dates";
import { computeDeadlines, dueAfterDays, dueAfterMonths } from "./deadlines";
import type { TCommitment } from "./schemas/commitment";
import type { TDataset } from "./schemas/dataset";
import type { TDeadline, TDeadlineRule } from "./schemas/deadline";
import type { TIncident, TMilestone, TMilestoneKind } from "./schemas/incident";
import type { TDayCounting } from "./schemas/settings";
import { case2025 } from "./seed/case-2025";

const exclude = { dayCounting: "exclude_first_day" as TDayCounting };
const include = { dayCounting: "include_first_day" as TDayCounting };

const run = (data: TDataset, settings = exclude, asOf = "2025-10-01", incidentId?: string) =>
  computeDeadlines(data, settings, { asOf, withinDays: 14, incidentId });

const byKey = (data: TDataset, settings = exclude, asOf = "2025-10-01") =>
  new Map(run(data, settings, asOf).items.map((i) => [i.key, i]));

const item = (data: TDataset, key: string, settings = exclude, asOf = "2025-10-01"): TDeadline => {
  const found = byKey(data, settings, asOf).get(key);
  if (!found) throw new Error(`no deadline ${key} as of ${asOf}`);
  return found;
};

const milestone = (kind: TMilestoneKind, date: string): TMilestone => ({
  id: `ms-${kind}-${date}`,
  kind,
  date,
  endDate: null,
  coversOurPeople: false,
  note: null,
  source: { documentId: "notice", cites: [] },
  outsideRecord: false,
});

/** The case with incident `id` changed by `change` (on a copy: the case itself is never touched). */
const withIncident = (id: string, change: (incident: TIncident) => void): TDataset => {
  const data = structuredClone(case2025);
  const incident = data.incidents.find((i) => i.id === id);
  if (!incident) throw new Error(`no incident ${id}`);
  change(incident);
  return data;
};

/**
 * Incident 1 as if the record had learned each date on the day (its early dates come from press reports of
 * 2025-06-11, so the record as of April does not know the incident yet): the undated notice stands as the
 * source, so a reference date in April sees the clocks running.
 */
const knownOnTheDay = (): TDataset =>
  withIncident("inc-1", (i) => {
    i.milestones = i.milestones.map((m) => ({ ...m, source: { documentId: "notice", cites: [] } }));
  });

/** Incident 1 as data the association entrusted to the vendor: the duties are the association's own. */
const entrusted = (change: (incident: TIncident) => void = () => {}): TDataset =>
  withIncident("inc-1", (i) => {
    i.dataRole = "entrusted_by_organisation";
    change(i);
  });

const withCommitment = (patch: Partial<TCommitment>): { data: TDataset; key: string } => {
  const data = structuredClone(case2025);
  const c = data.commitments.find((x) => x.id === "cmt-1-letters");
  if (!c) throw new Error("the case has cmt-1-letters");
  Object.assign(c, patch);
  return { data, key: `VENDOR_PROMISE:${c.id}` };
};

describe("the statutory clocks of incident 1 (unauthorized access detected 2025-04-21)", () => {
  it("puts APPI_FINAL on 2025-06-20 (60 days, CONTEXT.md), a day earlier when the first day counts", () => {
    expect(item(case2025, "APPI_FINAL:inc-1")).toMatchObject({
      startDate: "2025-04-21",
      dueDate: "2025-06-20",
      guideline: false,
      // The insurer's own policyholders' data: the filing is the insurer's duty, and it alone owes it.
      owner: "vendor",
      vendorIds: ["sompo"],
    });
    expect(item(case2025, "APPI_FINAL:inc-1", include).dueDate).toBe("2025-06-19");
  });

  it("puts the preliminary reports 5 days out, marked as coming from a guideline", () => {
    for (const key of ["APPI_PRELIM:inc-1", "INS_FSA_LEAK:inc-1"]) {
      expect(item(case2025, key)).toMatchObject({ dueDate: "2025-04-26", guideline: true });
      expect(item(case2025, key, include).dueDate).toBe("2025-04-25");
    }
  });

  it("cannot say the vendor met its filings: the record has none of their dates, so not reported (never met)", () => {
    for (const key of ["APPI_PRELIM:inc-1", "APPI_FINAL:inc-1", "INS_FSA_LEAK:inc-1"]) {
      expect(item(case2025, key), key).toMatchObject({
        state: "not_reported",
        missing: "done_date",
        doneDate: null,
      });
    }
  });

  it("shows a filing that is not yet due as due soon or upcoming, with the days left", () => {
    const data = knownOnTheDay();
    expect(item(data, "APPI_PRELIM:inc-1", exclude, "2025-04-22")).toMatchObject({
      state: "due_soon",
      daysLeft: 4,
      missing: null,
    });
    expect(item(data, "APPI_FINAL:inc-1", exclude, "2025-04-22")).toMatchObject({
      state: "upcoming",
      daysLeft: 59,
    });
    // The record itself learned of the incident from the press on 2025-06-11: as of April it has no clock.
    expect(byKey(case2025, exclude, "2025-04-22").has("APPI_PRELIM:inc-1")).toBe(false);
  });

  it("counts the vendor's first public notice (2025-04-25) as the notice to individuals; no fixed day to judge it", () => {
    expect(item(case2025, "APPI_NOTICE:inc-1")).toMatchObject({
      doneDate: "2025-04-25",
      dueDate: null,
      daysLeft: null,
      state: "done_no_due",
    });
    // Before that notice the record shows nothing done: not reported, not "met".
    expect(item(knownOnTheDay(), "APPI_NOTICE:inc-1", exclude, "2025-04-24")).toMatchObject({
      doneDate: null,
      state: "not_reported",
      missing: "done_date",
    });
  });

  it("judges the filings once the secretariat records the vendor's reported dates", () => {
    const data = withIncident("inc-1", (i) =>
      i.milestones.push(
        milestone("vendor_regulator_preliminary_report", "2025-04-25"),
        milestone("vendor_regulator_final_report", "2025-06-27"),
      ),
    );
    expect(item(data, "APPI_PRELIM:inc-1").state).toBe("met");
    expect(item(data, "INS_FSA_LEAK:inc-1").state).toBe("met");
    expect(item(data, "APPI_FINAL:inc-1")).toMatchObject({ doneDate: "2025-06-27", state: "late" });
    // On the due day itself it is met; counting the first day moves the due date and the verdict.
    const onTime = withIncident("inc-1", (i) =>
      i.milestones.push(milestone("vendor_regulator_final_report", "2025-06-20")),
    );
    expect(item(onTime, "APPI_FINAL:inc-1").state).toBe("met");
    expect(item(onTime, "APPI_FINAL:inc-1", include).state).toBe("late");
    // A filing dated after the reference date is not yet part of the record as of that date.
    expect(item(data, "APPI_FINAL:inc-1", exclude, "2025-06-25")).toMatchObject({
      doneDate: null,
      state: "not_reported",
    });
  });
});

describe("which incidents the personal-data rules apply to", () => {
  it("applies none to the billing errors (incidents 2 and 3)", () => {
    const rules = run(case2025).items.filter((i) => i.incidentId === "inc-2" || i.incidentId === "inc-3");
    expect(rules.map((i) => i.rule).filter((r) => r.startsWith("APPI") || r === "INS_FSA_LEAK")).toEqual([]);
  });

  it("applies them to any incident with personal data, with 30 days for the final report without a wrongful act", () => {
    const data = withIncident("inc-2", (i) => {
      i.dataRole = "vendor_own";
      i.dataCategories = [{ text: { ja: "氏名", en: "Names" }, source: { documentId: "notice", cites: [] } }];
      i.milestones.push(milestone("detected", "2025-07-20"));
    });
    expect(item(data, "APPI_FINAL:inc-2")).toMatchObject({ startDate: "2025-07-20", dueDate: "2025-08-19" });
    expect(item(data, "APPI_FINAL:inc-2", include).dueDate).toBe("2025-08-18");
    expect(item(data, "APPI_PRELIM:inc-2").dueDate).toBe("2025-07-25");
  });

  it("decides by whose data it is, not by the data categories the record lists", () => {
    const data = withIncident("inc-1", (i) => {
      i.dataRole = "none";
    });
    const rules = run(data, exclude, "2025-10-01", "inc-1").items.map((i) => i.rule);
    expect(rules.filter((r) => r.startsWith("APPI") || r === "INS_FSA_LEAK")).toEqual([]);
    expect(rules).toContain("BOARD_REPORT");
  });

  it("applies the insurer's FSA report only when the vendor holding its own customers' data is an insurer", () => {
    expect(item(case2025, "INS_FSA_LEAK:inc-1")).toMatchObject({ owner: "vendor", vendorIds: ["sompo"] });
    // It happened at the agency (the chain's last link), which is no insurer, though the insurer shares the blame.
    const atAgency = withIncident("inc-1", (i) => {
      i.chain = ["partners"];
      i.vendorIds = ["sompo", "partners"];
    });
    const rules = run(atAgency, exclude, "2025-10-01", "inc-1").items.map((i) => i.rule);
    expect(rules).toContain("APPI_FINAL");
    expect(rules).not.toContain("INS_FSA_LEAK");
    expect(item(atAgency, "APPI_FINAL:inc-1").vendorIds).toEqual(["partners"]);
    // The kind decides, not the vendor's name: the same vendor as a system provider files no FSA report.
    const notInsurer = structuredClone(case2025);
    for (const v of notInsurer.vendors) if (v.id === "sompo") v.kindId = "system";
    expect(byKey(notInsurer).has("INS_FSA_LEAK:inc-1")).toBe(false);
    expect(byKey(notInsurer).has("APPI_FINAL:inc-1")).toBe(true);
    // Data the association entrusted to the insurer is the association's to report, to the PPC only.
    expect(byKey(entrusted()).has("INS_FSA_LEAK:inc-1")).toBe(false);
  });

  it.each([
    ["known only to the month", [milestone("detected", "2025-04")]],
    ["not recorded", []],
  ])("gives no due date when detection is %s: not reported, for want of a start", (_, detected) => {
    const data = withIncident("inc-1", (i) => {
      i.milestones = [...i.milestones.filter((m) => m.kind !== "detected"), ...detected];
    });
    for (const rule of ["APPI_PRELIM", "APPI_FINAL", "INS_FSA_LEAK"] as TDeadlineRule[]) {
      expect(item(data, `${rule}:inc-1`), rule).toMatchObject({
        startDate: null,
        dueDate: null,
        daysLeft: null,
        state: "not_reported",
        missing: "start_date",
      });
    }
  });
});

describe("the organisation's own duties (data it entrusted to the vendor)", () => {
  it("runs the clocks from the day the vendor told the organisation, owed by the organisation alone", () => {
    // Incident 1's first report to the officers came on 2025-06-20; a wrongful act allows 60 days.
    for (const [rule, due] of [
      ["APPI_PRELIM", "2025-06-25"],
      ["APPI_FINAL", "2025-08-19"],
    ] as const) {
      expect(item(entrusted(), `${rule}:inc-1`), rule).toMatchObject({
        owner: "organisation",
        vendorIds: [],
        startDate: "2025-06-20",
        dueDate: due,
      });
    }
  });

  it("is met only by the organisation's own filings: absent from the record is overdue, the vendor's do not count", () => {
    const vendorFiled = entrusted((i) =>
      i.milestones.push(
        milestone("vendor_regulator_preliminary_report", "2025-06-22"),
        milestone("vendor_regulator_final_report", "2025-07-01"),
      ),
    );
    for (const rule of ["APPI_PRELIM", "APPI_FINAL"]) {
      expect(item(vendorFiled, `${rule}:inc-1`), rule).toMatchObject({
        doneDate: null,
        state: "overdue",
        missing: null,
      });
    }
    const filed = entrusted((i) =>
      i.milestones.push(
        milestone("organisation_regulator_preliminary_report", "2025-06-24"),
        milestone("organisation_regulator_final_report", "2025-08-20"),
      ),
    );
    expect(item(filed, "APPI_PRELIM:inc-1")).toMatchObject({ doneDate: "2025-06-24", state: "met" });
    expect(item(filed, "APPI_FINAL:inc-1")).toMatchObject({ doneDate: "2025-08-20", state: "late" });
  });

  it("counts a vendor's announcement as the organisation's notice only when it reached the organisation's people", () => {
    // The association's own notice to its members (2025-06-14) is its notice.
    expect(item(entrusted(), "APPI_NOTICE:inc-1")).toMatchObject({
      doneDate: "2025-06-14",
      state: "done_no_due",
      owner: "organisation",
    });
    const withoutOwn = (covers: boolean) =>
      entrusted((i) => {
        i.milestones = i.milestones
          .filter((m) => m.kind !== "organisation_notice")
          .map((m) => (m.id === "m1-announcement" ? { ...m, coversOurPeople: covers } : m));
      });
    // The vendor's announcements alone (2025-04-25, 06-11, 06-12) are the vendor's notice to its clients.
    expect(item(withoutOwn(false), "APPI_NOTICE:inc-1")).toMatchObject({
      doneDate: null,
      state: "not_reported",
      missing: "done_date",
    });
    // Once the secretariat ticks that the 2025-06-12 announcement reached the members, it counts.
    expect(item(withoutOwn(true), "APPI_NOTICE:inc-1")).toMatchObject({
      doneDate: "2025-06-12",
      state: "done_no_due",
    });
  });

  it("lists by owner: the organisation's own clocks apart from its vendors'", () => {
    const data = entrusted();
    const own = computeDeadlines(data, exclude, {
      asOf: "2025-10-01",
      withinDays: 14,
      owner: "organisation",
    });
    const vendors = computeDeadlines(data, exclude, { asOf: "2025-10-01", withinDays: 14, owner: "vendor" });
    expect(own.items.map((i) => i.key)).toEqual(
      expect.arrayContaining([
        "APPI_PRELIM:inc-1",
        "APPI_FINAL:inc-1",
        "APPI_NOTICE:inc-1",
        "BOARD_REPORT:inc-1",
      ]),
    );
    expect(own.items.every((i) => i.owner === "organisation" && i.vendorIds.length === 0)).toBe(true);
    expect(vendors.items.every((i) => i.owner === "vendor" && i.vendorIds.length > 0)).toBe(true);
    expect(vendors.items.map((i) => i.rule)).not.toContain("APPI_FINAL");
    expect(own.total + vendors.total).toBe(run(data).total);
  });
});

describe("reports to the board (every 3 months while an incident is open)", () => {
  it("runs from the 2025-08-23 meeting for incidents 1 and 2", () => {
    for (const id of ["inc-1", "inc-2"]) {
      expect(item(case2025, `BOARD_REPORT:${id}`, exclude, "2025-11-24")).toMatchObject({
        startDate: "2025-08-23",
        dueDate: "2025-11-23",
        state: "overdue",
        daysLeft: -1,
        missing: null,
      });
    }
    expect(item(case2025, "BOARD_REPORT:inc-1", include, "2025-11-24").dueDate).toBe("2025-11-22");
    expect(item(case2025, "BOARD_REPORT:inc-1", exclude, "2025-11-10").state).toBe("due_soon");
    expect(item(case2025, "BOARD_REPORT:inc-1", exclude, "2025-09-01").state).toBe("upcoming");
  });

  it("runs from when the association learned of an incident the board never heard of (incident 3, 2025-09-05)", () => {
    expect(item(case2025, "BOARD_REPORT:inc-3")).toMatchObject({
      startDate: "2025-09-05",
      dueDate: "2025-12-05",
      startEvent: "learned",
    });
    // Incidents 1 and 2 were taken up at a meeting: their clock runs from that report.
    expect(item(case2025, "BOARD_REPORT:inc-1", exclude, "2025-11-24").startEvent).toBe("board_report");
  });

  it("takes the latest report, counts only meetings held by the reference date, and stops once closed", () => {
    const later = structuredClone(case2025);
    const meeting = later.meetings[0];
    if (!meeting) throw new Error("the case has a meeting");
    later.meetings.push({ ...meeting, id: "mtg-later", date: "2025-11-15" });
    expect(item(later, "BOARD_REPORT:inc-1", exclude, "2025-11-20")).toMatchObject({
      startDate: "2025-11-15",
      dueDate: "2026-02-15",
    });
    // As of the day before the 2025-08-23 meeting, only the association's own report (08-18) is known.
    expect(item(case2025, "BOARD_REPORT:inc-1", exclude, "2025-08-22").startDate).toBe("2025-08-18");
    const closed = withIncident("inc-1", (i) => {
      i.status = "closed";
    });
    expect(byKey(closed).has("BOARD_REPORT:inc-1")).toBe(false);
  });
});

describe("plans under business improvement orders", () => {
  it("is due on the order's date and, with no filing in the record, not reported once past", () => {
    const plans = run(case2025).items.filter((i) => i.rule === "FSA_PLAN");
    expect(plans.map((p) => p.dueDate).sort()).toEqual(["2024-02-29", "2024-03-15", "2025-05-30"]);
    for (const p of plans) expect(p).toMatchObject({ state: "not_reported", missing: "done_date" });
  });

  it("leaves out orders issued after the reference date and belongs to no incident", () => {
    expect(run(case2025, exclude, "2025-01-01").items.filter((i) => i.rule === "FSA_PLAN")).toHaveLength(2);
    expect(run(case2025, exclude, "2025-10-01", "inc-1").items.some((i) => i.rule === "FSA_PLAN")).toBe(
      false,
    );
  });
});

describe("the vendor's promises (commitments with a due date)", () => {
  it("is not done on the vendor's word: reported done but not verified is overdue once past", () => {
    const { data, key } = withCommitment({
      dueDate: "2025-09-30",
      status: "vendor_reported_done",
      reportedDoneDate: "2025-09-20",
    });
    expect(item(data, key)).toMatchObject({ doneDate: null, state: "overdue", daysLeft: -1 });
  });

  it("is met or late by the date the association verified it", () => {
    const met = withCommitment({ dueDate: "2025-09-30", status: "verified", verifiedDate: "2025-09-30" });
    expect(item(met.data, met.key)).toMatchObject({ doneDate: "2025-09-30", state: "met" });
    const late = withCommitment({ dueDate: "2025-09-30", status: "verified", verifiedDate: "2025-10-01" });
    expect(item(late.data, late.key).state).toBe("late");
  });

  it("is due soon within the window and upcoming beyond it; reopened counts as not done", () => {
    const soon = withCommitment({ dueDate: "2025-10-15" });
    expect(item(soon.data, soon.key)).toMatchObject({ state: "due_soon", daysLeft: 14 });
    const later = withCommitment({ dueDate: "2025-10-16" });
    expect(item(later.data, later.key).state).toBe("upcoming");
    const reopened = withCommitment({ dueDate: "2025-09-01", status: "reopened" });
    expect(item(reopened.data, reopened.key).state).toBe("overdue");
  });

  it("does not move with the day-counting setting: the date is the vendor's", () => {
    const { data, key } = withCommitment({ dueDate: "2025-10-10" });
    expect(item(data, key, include).dueDate).toBe(item(data, key, exclude).dueDate);
  });

  it("is listed for its incident", () => {
    const { data } = withCommitment({ dueDate: "2025-10-10" });
    expect(run(data, exclude, "2025-10-01", "inc-1").items.map((i) => i.rule)).toContain("VENDOR_PROMISE");
    expect(run(data, exclude, "2025-10-01", "inc-2").items.map((i) => i.rule)).not.toContain(
      "VENDOR_PROMISE",
    );
  });
});

describe("the list", () => {
  it("counts what is overdue, due soon and not reported, most pressing first", () => {
    const { data } = withCommitment({ dueDate: "2025-11-30" });
    const all = run(data, exclude, "2025-11-24");
    expect(all.counts).toEqual({
      overdue: all.items.filter((i) => i.state === "overdue").length,
      dueSoon: all.items.filter((i) => i.state === "due_soon").length,
      notReported: all.items.filter((i) => i.state === "not_reported").length,
    });
    expect(all.counts.overdue).toBe(2);
    expect(all.counts.dueSoon).toBe(2);
    expect(all.items.map((i) => i.state).slice(0, 4)).toEqual(["overdue", "overdue", "due_soon", "due_soon"]);
    expect(all).toMatchObject({ asOf: "2025-11-24", withinDays: 14, dayCounting: "exclude_first_day" });
  });

  it("leaves out incidents the record first mentions after the reference date", () => {
    const has = (data: TDataset, asOf: string) =>
      run(data, exclude, asOf).items.some((i) => i.incidentId === "inc-1");
    // Incident 1's first dated milestone is 2025-04-17…
    expect(has(knownOnTheDay(), "2025-04-16")).toBe(false);
    expect(has(knownOnTheDay(), "2025-04-17")).toBe(true);
    // …but the record learned of it from the press report of 2025-06-11: not before that day.
    expect(has(case2025, "2025-06-10")).toBe(false);
    expect(has(case2025, "2025-06-11")).toBe(true);
  });

  it("narrows to one incident", () => {
    const one = run(case2025, exclude, "2025-11-24", "inc-3");
    expect(one.items.map((i) => i.key)).toEqual(["BOARD_REPORT:inc-3"]);
  });
});

describe("day counting", () => {
  const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays("1990-01-01", n));

  it("ends a period of days N days after the start, or one day earlier when the first day counts", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (start, days) => {
        const excluded = dueAfterDays(start, days, "exclude_first_day");
        expect(daysBetween(start, excluded)).toBe(days);
        expect(daysBetween(dueAfterDays(start, days, "include_first_day"), excluded)).toBe(1);
      }),
    );
  });

  it("ends a period of months on the day before the first day's counterpart, or the month's last day (Art. 143)", () => {
    expect(dueAfterMonths("2025-08-23", 3, "exclude_first_day")).toBe("2025-11-23");
    expect(dueAfterMonths("2025-08-23", 3, "include_first_day")).toBe("2025-11-22");
    // No 30 February: the period ends on the month's last day, whichever way the first day is counted.
    expect(dueAfterMonths("2025-11-30", 3, "exclude_first_day")).toBe("2026-02-28");
    expect(dueAfterMonths("2025-11-30", 3, "include_first_day")).toBe("2026-02-28");
    expect(dueAfterMonths("2023-11-29", 3, "exclude_first_day")).toBe("2024-02-29");
    expect(dueAfterMonths("2025-01-31", 1, "exclude_first_day")).toBe("2025-02-28");
    expect(dueAfterMonths("2025-12-15", 3, "exclude_first_day")).toBe("2026-03-15");
  });

  it("counting the first day never ends a period of months later, and ends it exactly a day earlier mid-month", () => {
    expect(dueAfterMonths("1998-04-30", 1, "include_first_day")).toBe("1998-05-29");
    expect(dueAfterMonths("1998-04-30", 1, "exclude_first_day")).toBe("1998-05-31");
    // The widest gap: from 28 February of a common year, counting starts on 1 March (the month's end
    // follows) or on 28 February (the day before the 28th follows).
    expect(dueAfterMonths("1990-02-28", 1, "include_first_day")).toBe("1990-03-27");
    expect(dueAfterMonths("1990-02-28", 1, "exclude_first_day")).toBe("1990-03-31");
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const excluded = dueAfterMonths(start, months, "exclude_first_day");
        const included = dueAfterMonths(start, months, "include_first_day");
        // Art. 143 counts from the month day the period starts on: at a month's end the two conventions
        // can land up to four days apart (1990-02-28 + 1 month: 03-27 vs 03-31), never the other way round.
        expect(daysBetween(included, excluded)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(included, excluded)).toBeLessThanOrEqual(4);
        if (Number(start.slice(8, 10)) <= 27) expect(daysBetween(included, excluded)).toBe(1);
        // Between 28·months and 31·months days after the start.
        expect(daysBetween(start, excluded)).toBeGreaterThanOrEqual(28 * months);
        expect(daysBetween(start, excluded)).toBeLessThanOrEqual(31 * months);
      }),
    );
  });

  it("moves every statutory day count one day earlier and nothing the vendor dated, on any reference date", () => {
    fc.assert(
      fc.property(day, (asOf) => {
        const a = new Map(run(case2025, exclude, asOf).items.map((i) => [i.key, i]));
        const b = new Map(run(case2025, include, asOf).items.map((i) => [i.key, i]));
        expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
        for (const [key, x] of a) {
          const y = b.get(key);
          if (!x.dueDate || !y?.dueDate) {
            expect(y?.dueDate ?? null).toBe(x.dueDate);
            continue;
          }
          const shift = daysBetween(y.dueDate, x.dueDate);
          if (x.rule === "FSA_PLAN" || x.rule === "VENDOR_PROMISE") expect(shift).toBe(0);
          else if (x.rule === "BOARD_REPORT") expect([0, 1]).toContain(shift);
          else expect(shift).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("invariants on any reference date, window and setting", () => {
  it("keeps states, days left and counts consistent, and never calls a vendor's filing overdue or met without a date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 4 }).map((n) => addDays("2023-01-01", n)),
        fc.integer({ min: 1, max: 365 }),
        fc.constantFrom(exclude, include),
        (asOf, withinDays, settings) => {
          const result = computeDeadlines(case2025, settings, { asOf, withinDays });
          for (const i of result.items) {
            expect(i.daysLeft).toBe(i.dueDate === null ? null : daysBetween(asOf, i.dueDate));
            expect(i.missing !== null).toBe(i.state === "not_reported");
            if (i.state === "met" || i.state === "late" || i.state === "done_no_due") {
              expect(i.doneDate !== null && i.doneDate <= asOf).toBe(true);
            }
            if (i.state === "due_soon") expect(i.daysLeft).toBeGreaterThanOrEqual(0);
            if (i.state === "due_soon") expect(i.daysLeft).toBeLessThanOrEqual(withinDays);
            if (i.state === "upcoming") expect(i.daysLeft).toBeGreaterThan(withinDays);
            if (i.state === "overdue") expect(["BOARD_REPORT", "VENDOR_PROMISE"]).toContain(i.rule);
            if (i.startDate !== null) expect(i.startDate <= asOf).toBe(true);
          }
          expect(result.counts.overdue + result.counts.dueSoon + result.counts.notReported).toBe(
            result.items.filter((i) => ["overdue", "due_soon", "not_reported"].includes(i.state)).length,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("the end of the calendar", () => {
  it("never writes a due date past 9999-12-31, whatever the record's dates", () => {
    expect(dueAfterDays("9999-12-20", 60, "exclude_first_day")).toBe("9999-12-31");
    expect(dueAfterMonths("9999-11-15", 3, "exclude_first_day")).toBe("9999-12-31");
    expect(dueAfterMonths("9999-12-31", 1, "exclude_first_day")).toBe("9999-12-31");
    expect(dueAfterDays("2025-04-21", 60, "exclude_first_day")).toBe("2025-06-20");
  });
});
