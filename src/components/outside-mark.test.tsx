import { screen } from "@testing-library/react";
import { setTerms } from "@/i18n/i18n";
import { renderWithProviders } from "@/test/render";
import { OutsideMark } from "./outside-mark";

describe("OutsideMark", () => {
  beforeEach(() =>
    setTerms({
      ja: { org: "当組合", board: "理事会", people: "組合員" },
      en: { org: "the co-op", board: "board", people: "members" },
    }),
  );
  afterEach(() => setTerms(null));

  it("marks a fact as outside the record, in words and with a title that names the organisation", () => {
    renderWithProviders(<OutsideMark />);
    const mark = screen.getByText("記録外");
    expect(mark).toHaveClass("outside-mark");
    expect(mark).toHaveAttribute("title", "当組合の記録外(公表情報)");
  });

  it("can word the mark for what it marks, keeping the explaining title", () => {
    renderWithProviders(<OutsideMark text="記録外の日付を含む" />);
    expect(screen.getByText("記録外の日付を含む")).toHaveAttribute("title", "当組合の記録外(公表情報)");
  });
});
