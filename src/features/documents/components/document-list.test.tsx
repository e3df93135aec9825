import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import type { TSourceDocument } from "@/shared/schemas/document";
import { case2025 } from "@/shared/seed/case-2025";
import { renderWithProviders } from "@/test/render";
import { parseFilters } from "../api/queries";
import { DocumentList } from "./document-list";

const listPath = `*${contract.listDocuments.path}`;

/** Rows of a table as arrays of cell texts. */
const tableRows = async (name: string) => {
  const table = await screen.findByRole("table", { name }, { timeout: 5000 });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    );
};

describe("DocumentList", () => {
  it("lists the organisation's record (its notice and the vendors' reports) with issuer, date (month-only kept) and kind", async () => {
    renderWithProviders(<DocumentList />, { url: "/documents" });
    const rows = await tableRows("本会の記録");
    expect(rows.map((r) => r[0])).toEqual([
      "協会からのお知らせ",
      "資料1",
      "資料2",
      "資料3",
      "資料4",
      "資料5",
    ]);
    const byLabel = async (label: string) => (await tableRows("本会の記録")).find((r) => r[0] === label);
    await waitFor(async () =>
      expect((await byLabel("資料5"))?.[2]).toBe("損保ジャパン、損保ジャパンパートナーズ"),
    );
    expect(await byLabel("協会からのお知らせ")).toEqual([
      "協会からのお知らせ",
      "損保ジャパン社の事故対応について(ご報告)",
      "協会",
      "日付記載なし",
      "本会のお知らせ",
    ]);
    expect((await byLabel("資料1"))?.[3]).toBe("2025年6月12日");
    expect((await byLabel("資料3"))?.[3]).toBe("2025年8月");
    expect((await byLabel("資料3"))?.[4]).toBe("お詫び文書(本人向け)");
    expect((await byLabel("資料4"))?.[3]).toBe("2025年8月23日");
    expect((await byLabel("資料4"))?.[2]).toBe("損保ジャパン");
    expect(screen.getByRole("link", { name: "資料4" })).toHaveAttribute("href", "/documents/doc-4");
  });

  it("keeps published context apart, marked outside the record, with its publisher", async () => {
    renderWithProviders(<DocumentList />, { url: "/documents" });
    const rows = await tableRows("記録外の公表情報(参考)");
    expect(rows).toHaveLength(7);
    for (const r of rows) expect(r[0]).toMatch(/記録外$/);
    expect(rows.some((r) => r[0]?.startsWith("資料"))).toBe(false);
    const fsa = rows.find((r) => r[0]?.startsWith("金融庁 報道発表(令和5年)"));
    expect(fsa?.[2]).toBe("金融庁(fsa.go.jp)");
    expect(fsa?.[3]).toBe("2023年12月26日");
    expect(rows.find((r) => r[0]?.startsWith("finbridge.jp"))?.[3]).toBe("日付記載なし");
  });

  it("filters by the address: kind and outside-record", async () => {
    renderWithProviders(<DocumentList />, { url: "/documents?kind=apology" });
    expect((await tableRows("本会の記録")).map((r) => r[0])).toEqual(["資料4", "資料5"]);
    expect(screen.queryByRole("table", { name: "記録外の公表情報(参考)" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("種類")).toHaveValue("apology");
  });

  it("shows only the outside-record group for ?outsideRecord=true, and the choice writes the address", async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<DocumentList />, { url: "/documents?outsideRecord=true" });
    expect(await tableRows("記録外の公表情報(参考)")).toHaveLength(7);
    expect(screen.queryByRole("table", { name: "本会の記録" })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("記録の区分"), "false");
    await waitFor(() => expect(router.state.location.search).toBe("?outsideRecord=false"));
    expect(await tableRows("本会の記録")).toHaveLength(6);
    await user.click(screen.getByRole("button", { name: "条件をクリア" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("shows an error with a retry that recovers", async () => {
    let fail = true;
    server.use(
      http.get(listPath, () => (fail ? HttpResponse.json(problem(500, "boom"), { status: 500 }) : undefined)),
    );
    const user = userEvent.setup();
    renderWithProviders(<DocumentList />, { url: "/documents" });
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(await tableRows("本会の記録")).toHaveLength(6);
  });

  it("speaks English", async () => {
    renderWithProviders(<DocumentList />, { url: "/documents?outsideRecord=false", lang: "en" });
    const rows = await tableRows("The organisation's record");
    expect(rows.map((r) => r[0])).toEqual([
      "Association notice",
      "Document 1",
      "Document 2",
      "Document 3",
      "Document 4",
      "Document 5",
    ]);
    expect(rows[0]?.[3]).toBe("undated");
    expect(rows[3]?.[3]).toBe("August 2025");
  });
});

describe("DocumentList: any record", () => {
  it("links a document's URL in a new tab, and lists minutes and publications by kind", async () => {
    const { mockStore } = await import("@/mocks/handlers");
    mockStore.data = {
      ...mockStore.data,
      documents: [
        ...mockStore.data.documents,
        {
          id: "doc-minutes",
          label: { ja: "議事録", en: "Minutes" },
          title: { ja: "第2回定例会 議事録", en: "Minutes of the 2nd regular meeting" },
          kind: "minutes",
          issuerIds: [],
          publisher: null,
          date: "2025-09-30",
          url: "https://files.example.org/minutes/2.pdf",
          outsideRecord: false,
          statements: [],
          version: 1,
        },
      ],
    };
    renderWithProviders(<DocumentList />, { url: "/documents?kind=minutes" });
    const rows = await tableRows("本会の記録");
    expect(rows).toEqual([
      [
        "議事録",
        "第2回定例会 議事録オンラインで読む ↗(新しいタブで開きます)",
        "記載なし",
        "2025年9月30日",
        "議事録",
      ],
    ]);
    const link = screen.getByRole("link", { name: /オンラインで読む/ });
    expect(link).toHaveAttribute("href", "https://files.example.org/minutes/2.pdf");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link.getAttribute("rel")?.split(" ")).toContain("noopener");
  });
});

describe("parseFilters", () => {
  it("keeps valid values and drops the rest", () => {
    expect(parseFilters(new URLSearchParams("kind=press&outsideRecord=true"))).toEqual({
      kind: "press",
      outsideRecord: "true",
    });
    expect(parseFilters(new URLSearchParams("kind=memo&outsideRecord=yes"))).toEqual({});
  });
});

describe("DocumentList with a record of 1,200 documents", () => {
  it("lists every one of them: the list is read page by page, never cut at the first page", async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => ({
      ...(case2025.documents[1] as TSourceDocument),
      id: `doc-many-${i + 1}`,
      label: { ja: `資料${i + 1}`, en: `Document ${i + 1}` },
    }));
    server.use(...createHandlers({ ...case2025, documents: [...case2025.documents, ...many] }));
    renderWithProviders(<DocumentList />, { url: "/documents?outsideRecord=false" });
    const rows = await tableRows("本会の記録");
    expect(rows).toHaveLength(1_200 + 6);
    expect(rows.at(-1)?.[0]).toBe("資料1200");
  }, 60_000);
});
