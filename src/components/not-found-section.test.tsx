import { screen } from "@testing-library/react";
import { renderWithProviders } from "@/test/render";
import { NotFoundSection } from "./not-found-section";

describe("NotFoundSection", () => {
  it("says the page does not exist under one h1 and leads back to the list", () => {
    renderWithProviders(
      <NotFoundSection
        title="見つかりません"
        body="inc-x はありません"
        backTo="/incidents"
        backLabel="一覧へ"
      />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "見つかりません" })).toBeInTheDocument();
    expect(screen.getByText("inc-x はありません")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "一覧へ" })).toHaveAttribute("href", "/incidents");
  });
});
