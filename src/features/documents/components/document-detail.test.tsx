import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { renderWithProviders } from "@/test/render";
import { citationHref, DocumentDetail } from "./document-detail";

const detailPath = `*${contract.getDocument.path}`;

const group = async (name: string) =>
  within(await screen.findByRole("region", { name: new RegExp(`^${name}`) }));
const links = (region: ReturnType<typeof within>): [string | null, string | null][] =>
  region.getAllByRole("link").map((a: HTMLElement) => [a.textContent, a.getAttribute("href")]);

describe("DocumentDetail", () => {
  it("shows what 資料4 states, its metadata, and every record that cites it, grouped and linked", async () => {
    renderWithProviders(<DocumentDetail documentId="doc-4" />, { url: "/documents/doc-4" });
    expect(
      await screen.findByRole(
        "heading",
        { level: 1, name: "資料4 作業療法士賠償責任保険制度Web募集における制度運営費過請求に関するお詫び" },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    const meta = await group("資料の情報");
    expect(meta.getByText("2025年8月23日")).toBeInTheDocument();
    expect(meta.getByText("お詫び文書")).toBeInTheDocument();
    expect(await meta.findByText("損保ジャパン")).toBeInTheDocument();
    expect(meta.getByText("本会の記録")).toBeInTheDocument();
    expect(meta.getByText("登録されていません")).toBeInTheDocument();

    const statements = (await group("記載内容")).getAllByRole("listitem").map((li) => li.textContent);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toContain("1,860名に制度運営費を本来の200円ではなく400円で請求した");
    expect(statements[1]).toContain("残る1,854名は7月25日に請求データを修正(内訳は報告なし)");
    expect(statements[2]).toContain("広域団体システム");

    const cited = await group("この資料を出典とする記録");
    expect(cited.getByText("12件", { selector: "h2 span" })).toBeInTheDocument();
    expect(cited.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "事故 1件",
      "影響の数値 1件",
      "経過(時系列) 3件",
      "是正・通知の対象 4件",
      "是正・通知の進捗報告 2件",
      "理事会 1件",
    ]);
    // An impact figure opens its incident's page and says which incident.
    expect(links(await group("影響の数値")).every(([, href]) => href === "/incidents/inc-2")).toBe(true);
    expect(links(await group("事故"))).toEqual([["制度運営費の過請求", "/incidents/inc-2"]]);
    const milestones = links(await group("経過"));
    expect(milestones).toHaveLength(3);
    expect(milestones.every(([, href]) => href === "/incidents/inc-2")).toBe(true);
    expect(milestones[1]?.[0]).toBe("本会宛のお詫び文書(資料4)");
    // Each entry says which incident's page it opens.
    expect(await (await group("経過")).findAllByText("事故2")).toHaveLength(3);
    expect(links(await group("是正・通知の対象")).map(([label]) => label)).toContain(
      "請求エラーとなった加入者(再請求)",
    );
    expect(links(await group("理事会"))).toEqual([["2025年度第3回定例理事会", "/meetings/mtg-2025-03"]]);
    expect(cited.queryByRole("heading", { name: /約束・要求/ })).not.toBeInTheDocument();
  });

  it("links a citing commitment to the tracker (資料3)", async () => {
    renderWithProviders(<DocumentDetail documentId="doc-3" />, { url: "/documents/doc-3" });
    expect(links(await group("約束・要求"))).toEqual([
      ["対象の会員46名に順次お詫びの文書(資料3)を発送する", "/commitments?id=cmt-1-letters"],
    ]);
    // 資料3 gives only a month.
    expect((await group("資料の情報")).getByText("2025年8月")).toBeInTheDocument();
  });

  it("marks published context as outside the record", async () => {
    renderWithProviders(<DocumentDetail documentId="ctx-jftc" />, { url: "/documents/ctx-jftc" });
    expect(
      await screen.findByText(/この資料は本会の記録外の公表情報です/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    const meta = await group("資料の情報");
    expect(meta.getByText("公正取引委員会(jftc.go.jp)")).toBeInTheDocument();
    expect(meta.getByText("発行元")).toBeInTheDocument();
    expect(links(await group("行政処分など"))).toEqual([
      ["カルテルに対する排除措置命令・課徴金納付命令", "/vendors/sompo"],
    ]);
  });

  it("shows the undated notice as 日付記載なし", async () => {
    renderWithProviders(<DocumentDetail documentId="notice" />, { url: "/documents/notice" });
    expect((await group("資料の情報")).getByText("日付記載なし")).toBeInTheDocument();
  });

  it("says the document does not exist for an unknown id", async () => {
    renderWithProviders(<DocumentDetail documentId="doc-99" />, { url: "/documents/doc-99" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "資料が見つかりません" }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText("ID「doc-99」の資料は登録されていません。")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "資料の一覧に戻る" })).toHaveAttribute("href", "/documents");
  });

  it("shows an error with a retry that recovers", async () => {
    let fail = true;
    server.use(
      http.get(detailPath, () =>
        fail ? HttpResponse.json(problem(500, "boom"), { status: 500 }) : undefined,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<DocumentDetail documentId="doc-4" />, { url: "/documents/doc-4" });
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(screen.getByRole("heading", { level: 1, name: "資料" })).toBeInTheDocument();
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(await screen.findByRole("heading", { level: 1, name: /^資料4 / })).toBeInTheDocument();
  });

  it("speaks English", async () => {
    renderWithProviders(<DocumentDetail documentId="doc-4" />, { url: "/documents/doc-4", lang: "en" });
    expect(
      await screen.findByRole(
        "heading",
        { level: 1, name: /^Document 4 Apology for over-billing/ },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect((await group("About this document")).getByText("23 Aug 2025")).toBeInTheDocument();
    expect(links(await group("Incidents"))).toEqual([["Administration fee over-billed", "/incidents/inc-2"]]);
  });
});

describe("DocumentDetail: its URL", () => {
  it("links where the document can be read, in a new tab that gets no handle on the dashboard", async () => {
    const { mockStore } = await import("@/mocks/handlers");
    mockStore.data = {
      ...mockStore.data,
      documents: mockStore.data.documents.map((d) =>
        d.id === "doc-4" ? { ...d, url: "https://www.example.co.jp/news/2025/0823.html" } : d,
      ),
    };
    renderWithProviders(<DocumentDetail documentId="doc-4" />, { url: "/documents/doc-4" });
    const meta = await group("資料の情報");
    const link = await meta.findByRole("link", { name: /www\.example\.co\.jp/ });
    expect(link).toHaveAttribute("href", "https://www.example.co.jp/news/2025/0823.html");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link.getAttribute("rel")?.split(" ")).toEqual(expect.arrayContaining(["noopener"]));
    expect(link).toHaveTextContent("(新しいタブで開きます)");
  });
});

describe("citationHref", () => {
  it("sends each kind of citing record to the page it lives on", () => {
    expect(citationHref({ kind: "incident", id: "inc-1", parentId: null, label: { ja: "a", en: "a" } })).toBe(
      "/incidents/inc-1",
    );
    expect(citationHref({ kind: "progress", id: "p1", parentId: "inc-2", label: { ja: "a", en: "a" } })).toBe(
      "/incidents/inc-2",
    );
    expect(
      citationHref({ kind: "commitment", id: "cmt-1", parentId: null, label: { ja: "a", en: "a" } }),
    ).toBe("/commitments?id=cmt-1");
    expect(citationHref({ kind: "impact", id: "i1", parentId: "inc-3", label: { ja: "a", en: "a" } })).toBe(
      "/incidents/inc-3",
    );
    expect(citationHref({ kind: "meeting", id: "mtg-1", parentId: null, label: { ja: "a", en: "a" } })).toBe(
      "/meetings/mtg-1",
    );
    expect(
      citationHref({ kind: "regulatory_action", id: "r", parentId: "sompo", label: { ja: "a", en: "a" } }),
    ).toBe("/vendors/sompo");
  });
});
