import { stateLabel } from "./deadline-parts";

describe("a deadline's state in words", () => {
  it("says 未記録 for the organisation's own missing filing and 未報告 for a vendor's", () => {
    expect(stateLabel({ state: "not_reported", owner: "organisation" })).toBe("deadlines.state.not_recorded");
    expect(stateLabel({ state: "not_reported", owner: "vendor" })).toBe("deadlines.state.not_reported");
    expect(stateLabel({ state: "overdue", owner: "organisation" })).toBe("deadlines.state.overdue");
  });
});
