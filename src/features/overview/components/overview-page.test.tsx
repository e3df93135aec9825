import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setBootData } from "@/lib/api-client";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { bootKey } from "@/shared/boot-key";
import { contract, type TEndpointName } from "@/shared/contract";
import { firstScreenRequests } from "@/shared/first-screen";
import { renderApp } from "@/test/render";
import { twoCases } from "./two-cases.fixture";

const SLOW = { timeout: 5000 };

/** The search of every figure request (and the deadlines') made while `run` runs. */
const requestsDuring = async (run: () => Promise<void>) => {
  const seen: URL[] = [];
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/api/v1/stats/") || url.pathname === "/api/v1/deadlines") seen.push(url);
  });
  try {
    await run();
  } finally {
    server.events.removeAllListeners();
  }
  return seen;
};

const scopeBar = () => within(screen.getByRole("form", { name: "表示の範囲" }));

/** Every API request made while `run` runs, as the boot key that names it. */
const apiKeysDuring = async (run: () => Promise<void>) => {
  const seen: string[] = [];
  const byPath = new Map<string, string>(
    (Object.keys(contract) as TEndpointName[])
      .filter((name) => contract[name].method === "GET")
      .map((name) => [contract[name].path, name]),
  );
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    const name = byPath.get(url.pathname) ?? url.pathname;
    seen.push(bootKey({ name, query: Object.fromEntries(url.searchParams) }));
  });
  try {
    await run();
  } finally {
    server.events.removeAllListeners();
  }
  return seen;
};

const ADDRESS = "/?asOf=2025-09-30&vendor=partners";

const showsEverything = async () => {
  await screen.findByRole("group", { name: "影響を受けた会員" }, SLOW);
  await screen.findByRole("heading", { level: 2, name: /経緯と日数/ }, SLOW);
  await screen.findByRole("figure", { name: "約束・要求の状況別件数" }, SLOW);
  await screen.findByRole("list", { name: "対応が必要な期限" }, SLOW);
};

describe("Overview page: its first screen in one round trip", () => {
  const expected = () => firstScreenRequests("/", new URL(ADDRESS, "http://x").searchParams).map(bootKey);

  it("asks for exactly the first-screen requests the server answers with the HTML (src/shared/first-screen.ts)", async () => {
    const seen = await apiKeysDuring(async () => {
      renderApp(ADDRESS);
      await showsEverything();
    });
    const data = seen.filter((k) => !k.startsWith("getSession "));
    expect(new Set(data)).toEqual(new Set(expected()));
  });

  it("sends no request at all when the HTML carried the session and the answers", async () => {
    const answers: Record<string, unknown> = {};
    for (const r of firstScreenRequests("/", new URL(ADDRESS, "http://x").searchParams)) {
      const path = contract[r.name].path;
      const search = new URLSearchParams(
        Object.entries(r.query ?? {}).map(([k, v]) => [k, String(v)]),
      ).toString();
      answers[bootKey(r)] = await (
        await fetch(`http://localhost${path}${search ? `?${search}` : ""}`)
      ).json();
    }
    const session = await (await fetch(`http://localhost${contract.getSession.path}`)).json();
    setBootData({ session, answers });
    try {
      const seen = await apiKeysDuring(async () => {
        renderApp(ADDRESS, { appCache: true });
        await showsEverything();
      });
      expect(seen).toEqual([]);
    } finally {
      setBootData(null);
    }
  });
});

describe("Overview page (route /)", () => {
  it("puts the scope first, then the headline figures, the deadlines, the charts and the course, with one h1", async () => {
    const { container } = renderApp("/?asOf=2025-08-23");
    expect(
      await screen.findByRole("heading", { level: 1, name: "概要:委託先の事故と是正" }, SLOW),
    ).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(screen.getByRole("button", { name: "印刷(理事会資料)" })).toBeInTheDocument();
    const main = await screen.findByRole("group", { name: "影響を受けた会員" }, SLOW);
    expect(within(main).getByText("1,909")).toBeInTheDocument();
    await screen.findByRole("heading", { level: 2, name: /経緯と日数/ }, SLOW);
    const h2 = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(h2).toEqual(["主要な数値", "期限の状況", "影響と是正の状況", "経緯と日数(事案ごと)"]);
    // The bar comes before the figures in the page.
    const form = container.querySelector("form.ov-scope") as HTMLElement;
    expect(form.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says, where it cannot be missed, that the figures are the record as it stood on the day in the address", async () => {
    renderApp("/?asOf=2025-08-01");
    const banner = (await screen.findByText(/2025年8月1日時点の記録で表示しています/, {}, SLOW)).closest(
      "p",
    ) as HTMLElement;
    expect(within(banner).getByRole("link", { name: "今日の記録で表示する" })).toHaveAttribute("href", "/");
    expect(scopeBar().getByLabelText("基準日")).toHaveValue("2025-08-01");
    // As of that day: before the 8月15日 report.
    const done = await screen.findByRole("group", { name: "是正済みの会員(委託先の報告)" }, SLOW);
    expect(done).toHaveTextContent("1,854");
  });

  it("asks for every figure of the page in the address's scope", async () => {
    const seen = await requestsDuring(async () => {
      renderApp("/?vendor=partners&year=2025&asOf=2025-09-30");
      await screen.findByRole("heading", { level: 2, name: /経緯と日数/ }, SLOW);
      await screen.findByRole("figure", { name: "約束・要求の状況別件数" }, SLOW);
    });
    // The scope bar's years: one small answer, the same for every scope.
    const years = seen.filter((u) => u.pathname === "/api/v1/stats/fiscal-years");
    expect(years.length).toBeGreaterThan(0);
    expect(years.map((u) => u.search)).toEqual(years.map(() => ""));
    const stats = seen.filter(
      (u) => u.pathname.startsWith("/api/v1/stats/") && u.pathname !== "/api/v1/stats/fiscal-years",
    );
    expect(new Set(stats.map((u) => u.pathname))).toEqual(
      new Set([
        "/api/v1/stats/overview",
        "/api/v1/stats/remediation",
        "/api/v1/stats/commitments",
        "/api/v1/stats/affected",
        "/api/v1/stats/remediation-timeline",
        "/api/v1/stats/case-timeline",
      ]),
    );
    // Bounded by the screen: no list of every document or incident, the deadlines' first few only, the
    // chart per day.
    expect(seen.filter((u) => u.pathname === "/api/v1/documents")).toEqual([]);
    expect(seen.filter((u) => u.pathname === "/api/v1/incidents")).toEqual([]);
    expect(seen.find((u) => u.pathname === "/api/v1/deadlines")?.searchParams.get("limit")).toBe("4");
    expect(
      seen.find((u) => u.pathname === "/api/v1/stats/remediation-timeline")?.searchParams.get("per"),
    ).toBe("day");
    for (const u of stats) {
      expect([
        u.searchParams.get("vendorId"),
        u.searchParams.get("fiscalYear"),
        u.searchParams.get("asOf"),
      ]).toEqual(["partners", "2025", "2025-09-30"]);
    }
    expect(seen.find((u) => u.pathname === "/api/v1/deadlines")?.searchParams.get("asOf")).toBe("2025-09-30");
  });

  it("keeps the scope in the address: a choice shows at once, and clears", async () => {
    const user = userEvent.setup();
    server.use(...createHandlers(twoCases));
    const { router } = renderApp("/?asOf=2026-12-01");
    expect(await screen.findByRole("list", { name: /事案ごとの状況/ }, SLOW)).toBeInTheDocument();
    await waitFor(() =>
      expect(scopeBar().getAllByRole("option", { name: /ランサムウェア被害/ })).toHaveLength(1),
    );
    await user.selectOptions(scopeBar().getByLabelText("事案"), "case-print");
    await waitFor(() => expect(router.state.location.search).toBe("?asOf=2026-12-01&case=case-print"));
    // One case chosen: that case's own figures, and no status to choose.
    expect(
      await screen.findByRole("heading", { level: 3, name: /事案 印刷委託先のランサムウェア被害/ }, SLOW),
    ).toBeTruthy();
    expect(scopeBar().queryByLabelText("事案の状態")).not.toBeInTheDocument();
    await user.selectOptions(scopeBar().getByLabelText("年度"), "2026");
    await waitFor(() =>
      expect(router.state.location.search).toBe("?asOf=2026-12-01&case=case-print&year=2026"),
    );
    await user.click(scopeBar().getByRole("button", { name: "条件をクリア" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
    expect(await screen.findByRole("list", { name: /事案ごとの状況/ }, SLOW)).toBeInTheDocument();
  });

  it("opens a deep link with its scope chosen in the bar", async () => {
    server.use(...createHandlers(twoCases));
    renderApp("/?status=all&vendor=printer&asOf=2026-12-01");
    await screen.findByRole("heading", { level: 3, name: /事案 印刷委託先のランサムウェア被害/ }, SLOW);
    await waitFor(() => expect(scopeBar().getByLabelText("委託先")).toHaveValue("printer"));
    expect(scopeBar().getByLabelText("事案の状態")).toHaveValue("all");
    // A vendor narrows the scope to the cases it is in: here one, so its own figures.
    expect(screen.queryByRole("heading", { level: 3, name: /事案 団体保険/ })).not.toBeInTheDocument();
  });

  it("leaves out the charts and the course when no case is in scope, holding no space for them", async () => {
    renderApp("/?status=closed&asOf=2025-09-30");
    expect(await screen.findByText("この範囲に該当する事案はありません。", {}, SLOW)).toBeInTheDocument();
    await screen.findByRole("heading", { level: 2, name: "期限の状況" }, SLOW);
    expect(screen.queryByRole("heading", { level: 2, name: "影響と是正の状況" })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 2, name: /経緯と日数/ })).not.toBeInTheDocument();
  });

  it("ignores an asOf that is not a date", async () => {
    renderApp("/?asOf=yesterday");
    await screen.findByRole("heading", { level: 1 }, SLOW);
    expect(screen.queryByText(/yesterday/)).not.toBeInTheDocument();
    expect(screen.queryByText(/時点の記録で表示しています/)).not.toBeInTheDocument();
    expect(await screen.findByRole("group", { name: "直近の理事会" }, SLOW)).toBeInTheDocument();
  });
});
