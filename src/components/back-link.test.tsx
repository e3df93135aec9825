import { screen } from "@testing-library/react";
import { renderWithProviders } from "@/test/render";
import { BackLink } from "./back-link";

describe("BackLink", () => {
  it("links back to the list and is left off the printout", () => {
    renderWithProviders(<BackLink to="/incidents" label="事故の一覧へ" />);
    const link = screen.getByRole("link", { name: "事故の一覧へ" });
    expect(link).toHaveAttribute("href", "/incidents");
    expect(link.parentElement).toHaveClass("back-link", "no-print");
  });
});
