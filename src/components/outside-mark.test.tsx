import { screen } from "@testing-library/react";
import { renderWithProviders } from "@/test/render";
import { OutsideMark } from "./outside-mark";

describe("OutsideMark", () => {
  it("marks a fact as outside the record, in words and with a title that explains it", () => {
    renderWithProviders(<OutsideMark />);
    const mark = screen.getByText("記録外");
    expect(mark).toHaveClass("outside-mark");
    expect(mark).toHaveAttribute("title", "協会の記録外(公表情報)");
  });

  it("can word the mark for what it marks, keeping the explaining title", () => {
    renderWithProviders(<OutsideMark text="記録外の日付を含む" />);
    expect(screen.getByText("記録外の日付を含む")).toHaveAttribute("title", "協会の記録外(公表情報)");
  });
});
