import { case2025 } from "@/shared/seed/case-2025";
import { relevantMeetings } from "./incident-board";
import { affectedTotal, missingMilestones } from "./incident-model";

const incident = (id: string) => {
  const found = case2025.incidents.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("incident model", () => {
  it("totals members only when every per-service count is exact", () => {
    expect(affectedTotal(incident("inc-1"))).toBe(46);
    expect(affectedTotal(incident("inc-2"))).toBe(1860);
    expect(affectedTotal({ affected: [] })).toBeNull();
    expect(
      affectedTotal({
        affected: [
          ...incident("inc-1").affected,
          {
            serviceId: "prod-oyako",
            count: {
              status: "not_reported",
              missing: { ja: "x", en: "x" },
              source: { documentId: "notice", cites: [] },
            },
          },
        ],
      }),
    ).toBeNull();
  });

  it("names the expected milestones the record does not date", () => {
    expect(missingMilestones(incident("inc-1").milestones)).toEqual([]);
    expect(missingMilestones(incident("inc-2").milestones)).toEqual(["detected"]);
    expect(missingMilestones(incident("inc-3").milestones)).toEqual(["detected", "reported_to_board"]);
  });

  it("finds board items and resolutions about an incident or its vendors", () => {
    const [m1] = relevantMeetings(case2025.meetings, incident("inc-1"), new Set(["cmt-board-trust"]));
    expect(m1?.items.map((i) => i.id)).toEqual(["item-2025-03-1"]);
    expect(m1?.resolutions.map((r) => r.id)).toEqual([
      "res-2025-03-warning",
      "res-2025-03-demand",
      "res-2025-03-review",
    ]);
    expect(relevantMeetings(case2025.meetings, { id: "inc-x", vendorIds: ["other"] }, new Set())).toEqual([]);
  });
});
