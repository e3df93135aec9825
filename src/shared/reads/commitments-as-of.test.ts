import { case2025 } from "../seed/case-2025";
import { commitmentReads } from "./records";

const list = (asOf: string) =>
  commitmentReads.listCommitments({
    data: case2025,
    settings: { dayCounting: "exclude_first_day", version: 1 },
    params: undefined,
    query: { asOf, limit: 500, offset: 0 },
    now: new Date("2026-01-01T00:00:00Z"),
  });

describe("the commitment list as of a day", () => {
  it("leaves out commitments made after that day, keeps undated ones", () => {
    const dated = case2025.commitments.filter((c) => c.madeOn !== null || c.madeAtMeetingId !== null);
    expect(dated.length).toBeGreaterThan(0);
    const all = list("2026-01-01");
    expect(all.total).toBe(case2025.commitments.length);
    // 2025-09-05 is when the last dated commitment was made; the day before, it was not known.
    const before = list("2025-09-04");
    expect(before.items.map((c) => c.id)).not.toContain(
      case2025.commitments.find((c) => c.madeOn === "2025-09-05")?.id,
    );
    expect(before.total).toBeLessThan(all.total);
    // Before the meeting of 2025-08-23, neither what it decided nor the September promise existed.
    const early = list("2025-07-01");
    for (const c of early.items) expect(c.madeAtMeetingId).toBeNull();
  });
});
