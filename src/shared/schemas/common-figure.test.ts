import type { TFigure } from "@/shared/schemas/common";
import { exactValue } from "../values";

const source = { documentId: "doc-1", cites: [] };
// Every figure the schema allows is one exactValue reads (this fails to compile if the two drift apart).
const exactOf = (figure: TFigure) => exactValue(figure);

describe("exactValue", () => {
  it("gives the number of a reported or derived figure, 0 included", () => {
    expect(exactOf({ status: "reported", value: 1860, source })).toBe(1860);
    expect(exactOf({ status: "reported", value: 0, source })).toBe(0);
    expect(exactOf({ status: "derived", value: 372000, formula: { ja: "f", en: "f" }, source })).toBe(372000);
  });
  it("gives none for an approximate or not-reported figure, never 0", () => {
    const approximate: TFigure = { status: "approximate", label: { ja: "数百万件", en: "millions" }, source };
    const notReported: TFigure = { status: "not_reported", missing: { ja: "件数", en: "count" }, source };
    expect(exactOf(approximate)).toBeNull();
    expect(exactOf(notReported)).toBeNull();
  });
  it("counts a confirmed none as exactly 0 (it adds nothing to a total, and leaves it exact)", () => {
    expect(exactOf({ status: "confirmed_none", source })).toBe(0);
  });
});
