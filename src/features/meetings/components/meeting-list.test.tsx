import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderWithProviders } from "@/test/render";
import { MeetingList } from "./meeting-list";

describe("MeetingList", () => {
  it("lists the board meeting with its date and counts, linking to its board pack", async () => {
    renderWithProviders(<MeetingList />, { url: "/meetings" });
    const table = await screen.findByRole("table", { name: "理事会(1件、新しい順)" });
    const row = within(table).getAllByRole("row")[1] as HTMLElement;
    expect(within(row).getByRole("link", { name: "2025年度第3回定例理事会" })).toHaveAttribute(
      "href",
      "/meetings/mtg-2025-03",
    );
    const cells = within(row).getAllByRole("cell");
    // Vendor names come from the reference list, which may arrive after the meetings.
    await waitFor(() =>
      expect(cells.map((c) => c.textContent)).toEqual([
        "2025年度第3回定例理事会",
        "2025年8月23日",
        "2025年度",
        "定例",
        "2件",
        "4件",
        expect.stringContaining("損保ジャパン"),
      ]),
    );
    expect(cells[6]).toHaveTextContent("担当社員");
    expect(cells[6]).toHaveTextContent("3名");
    expect(screen.getByRole("button", { name: "CSVを書き出す" })).toBeInTheDocument();
  });

  it("shows an error with a retry", async () => {
    server.use(
      http.get(`*${contract.listMeetings.path}`, () =>
        HttpResponse.json(problem(500, "boom"), { status: 500 }),
      ),
    );
    renderWithProviders(<MeetingList />, { url: "/meetings" });
    const alert = await screen.findByRole("alert");
    server.resetHandlers();
    fireEvent.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(await screen.findByRole("link", { name: "2025年度第3回定例理事会" })).toBeInTheDocument();
  });

  it("reads in English", async () => {
    renderWithProviders(<MeetingList />, { url: "/meetings", lang: "en" });
    expect(
      await screen.findByRole("link", { name: "3rd regular board meeting, FY2025" }),
    ).toBeInTheDocument();
    expect(screen.getByText("23 Aug 2025")).toBeInTheDocument();
    expect(screen.getByText("3 people")).toBeInTheDocument();
  });
});
