import type { TFigure } from "@/shared/schemas/common";
import { exactValue } from "./common";

const source = { documentId: "doc-1", cites: [] };

describe("exactValue", () => {
  it("gives the number of a reported or derived figure, 0 included", () => {
    expect(exactValue({ status: "reported", value: 1860, source })).toBe(1860);
    expect(exactValue({ status: "reported", value: 0, source })).toBe(0);
    expect(exactValue({ status: "derived", value: 372000, formula: { ja: "f", en: "f" }, source })).toBe(
      372000,
    );
  });
  it("gives none for an approximate or not-reported figure, never 0", () => {
    const approximate: TFigure = { status: "approximate", label: { ja: "数百万件", en: "millions" }, source };
    const notReported: TFigure = { status: "not_reported", missing: { ja: "件数", en: "count" }, source };
    expect(exactValue(approximate)).toBeNull();
    expect(exactValue(notReported)).toBeNull();
  });
  it("counts a confirmed none as exactly 0 (it adds nothing to a total, and leaves it exact)", () => {
    expect(exactValue({ status: "confirmed_none", source })).toBe(0);
  });
});
