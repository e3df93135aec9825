import { case2025 } from "@/shared/seed/case-2025";
import { sortMilestones } from "./milestones";

const incident = (id: string) => {
  const found = case2025.incidents.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("sortMilestones", () => {
  it("orders milestones by date, a month-only date before the days of its month", () => {
    const sorted = sortMilestones([...incident("inc-3").milestones].reverse());
    expect(sorted.map((m) => m.date)).toEqual(["2025-07", "2025-09-05"]);
    const inc2 = sortMilestones([...incident("inc-2").milestones].reverse()).map((m) => m.kind);
    // Same day: kind order puts the report to the association before the board.
    expect(inc2).toEqual(["occurred", "reported_to_organisation", "reported_to_board"]);
  });
});
