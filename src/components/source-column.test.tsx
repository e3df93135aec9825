import { screen } from "@testing-library/react";
import { renderWithProviders } from "@/test/render";
import { sourceColumn } from "./source-column";

type TRow = { id: string; source: { documentId: string; cites: string[] } };
const row: TRow = { id: "r1", source: { documentId: "notice", cites: ["doc-4", "doc-5"] } };

describe("sourceColumn", () => {
  const column = sourceColumn<TRow>("出典", (r) => r.source);

  it("exports the cited document ids, the main one first", () => {
    expect(column.header).toBe("出典");
    expect(column.csv?.(row)).toBe("notice doc-4 doc-5");
  });

  it("renders the compact source link to each document", async () => {
    renderWithProviders(column.render(row));
    expect(await screen.findByRole("link", { name: "資料4" })).toHaveAttribute("href", "/documents/doc-4");
    expect(screen.getByRole("link", { name: "協会からのお知らせ" })).toHaveAttribute(
      "href",
      "/documents/notice",
    );
    expect(screen.queryByText(/出典:/)).not.toBeInTheDocument();
  });
});
