import { case2025 } from "@/shared/seed/case-2025";
import {
  incidentPopulation,
  milestoneActor,
  missingMilestones,
  relevantMeetings,
  whereItHappened,
} from "./incident-model";
import { printerCase } from "./printer-case.fixture";

const incident = (id: string) => {
  const found = [...case2025.incidents, ...printerCase.incidents].find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("incident model", () => {
  it("names the expected milestones the record does not date", () => {
    expect(missingMilestones(incident("inc-1").milestones)).toEqual([]);
    expect(missingMilestones(incident("inc-2").milestones)).toEqual(["detected"]);
    expect(missingMilestones(incident("inc-3").milestones)).toEqual(["detected", "reported_to_board"]);
  });

  it("takes the actor of a milestone from the record, never a fixed party", () => {
    const dm = incident("inc-dm");
    expect(whereItHappened(dm)).toBe("printer");
    // It happened at the printer; the society's own contractor reported it to the society.
    expect(milestoneActor(dm, "occurred")).toEqual({ kind: "vendor", vendorId: "printer" });
    expect(milestoneActor(dm, "reported_to_organisation")).toEqual({ kind: "vendor", vendorId: "bpo" });
    // Two vendors involved: the record does not say which one announced it.
    expect(milestoneActor(dm, "vendor_public_announcement")).toEqual({ kind: "vendor", vendorId: null });
    expect(milestoneActor(dm, "organisation_notice")).toEqual({ kind: "organisation" });
    expect(milestoneActor(dm, "detected")).toBeNull();
    // One vendor: it is the one.
    expect(milestoneActor(incident("inc-1"), "vendor_public_announcement")).toEqual({
      kind: "vendor",
      vendorId: "sompo",
    });
  });

  it("takes the incident's people from its own figures: who was counted, not who was checked and found none", () => {
    expect(incidentPopulation(incident("inc-1"))).toBe("members");
    // The members were checked (none); the customers' records leaked.
    expect(incidentPopulation(incident("inc-dm"))).toBe("customers");
    // Only a "none" figure: still the population it names.
    expect(incidentPopulation(incident("inc-cc"))).toBe("members");
    expect(incidentPopulation({ impact: [] })).toBeNull();
  });

  it("shows a resolution only under the incidents of its agenda item, or of its meeting's items", () => {
    const [demo] = relevantMeetings(case2025.meetings, "inc-1");
    expect(demo?.items.map((i) => i.id)).toEqual(["item-2025-03-1"]);
    // The demo's resolutions are of the whole meeting, which had incident 1 on an item.
    expect(demo?.resolutions.map((r) => r.id)).toEqual([
      "res-2025-03-warning",
      "res-2025-03-demand",
      "res-2025-03-continuity",
      "res-2025-03-review",
    ]);
    // Incident 3 was on no item of that meeting: none of its resolutions, though they target its vendor.
    expect(relevantMeetings(case2025.meetings, "inc-3")).toEqual([]);

    const [dm, ...more] = relevantMeetings(printerCase.meetings, "inc-dm");
    expect(more).toEqual([]);
    expect(dm?.meeting.id).toBe("mtg-7");
    // Its own item's resolution and the whole meeting's; not the call centre's item, not meeting 8's
    // resolution about the same contractor (no item of meeting 8 named the incident).
    expect(dm?.resolutions.map((r) => r.id)).toEqual(["res-7-audit", "res-7-all"]);
    expect(relevantMeetings(printerCase.meetings, "inc-cc")[0]?.resolutions.map((r) => r.id)).toEqual([
      "res-7-cc",
      "res-7-all",
    ]);
  });
});
