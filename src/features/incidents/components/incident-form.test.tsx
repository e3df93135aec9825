import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { apiGet, apiSend } from "@/lib/api-client";
import { signInMock } from "@/mocks/auth-state";
import { createHandlers, mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { createMockStore } from "@/mocks/store";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { ZIncidentUpdate } from "@/shared/schemas/edit";
import type { TIncident } from "@/shared/schemas/incident";
import { renderApp } from "@/test/render";
import { toIncidentBody, valuesFromIncident } from "./incident-form-model";
import { printerCase } from "./printer-case.fixture";

// A save runs the contract schema, the mock edit and a navigation: allow for a busy machine.
const SLOW = { timeout: 5000 };
// Filling a whole new incident (case, chain, impact, a milestone) queries a long form many times by role.
const LONG = 60_000;

const stored = (id: string) => mockStore.data.incidents.find((i) => i.id === id) as TIncident;

/** The fieldset or group whose name is `name` (a bilingual text, a figure, a list entry, a list). */
/** Enters a whole text at once (typing key by key re-renders the long form on every key). */
const fill = (element: HTMLElement, text: string) => fireEvent.change(element, { target: { value: text } });

/** Chooses an option, or clicks, as one event each: the long form re-renders on each, so fewer is faster. */
const choose = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const click = (element: HTMLElement) => fireEvent.click(element);

const group = (name: string | RegExp, inside: HTMLElement = document.body) =>
  within(inside).getByRole("group", { name });

const japanese = (name: string | RegExp, inside?: HTMLElement) =>
  within(group(name, inside)).getByLabelText(/^日本語/);

const unprocessable = (field: string, code: string, params: Record<string, string | number>) =>
  HttpResponse.json(
    problem(422, "The record cannot be stored as sent: see the errors by field.", [
      { in: "body", field, code, message: `${code} at ${field}`, params },
    ]),
    { status: 422, headers: { "content-type": "application/problem+json" } },
  );

describe("IncidentEditor: a new incident", () => {
  it(
    "records an incident in a case, with its chain, data role and first date's year; an unreported count stays not reported",
    async () => {
      const { router } = renderApp("/incidents/new?caseId=case-2025-insurance");
      expect(await screen.findByRole("heading", { level: 1, name: "事故を登録" }, SLOW)).toBeInTheDocument();
      expect(screen.getByText("空欄のままにすると、次の番号(事故4)になります。")).toBeInTheDocument();
      // The case comes from the link; a new case is made on its own page.
      expect(screen.getByLabelText(/^事案/)).toHaveValue("case-2025-insurance");
      expect(screen.getByRole("link", { name: "新しい事案を登録する" })).toHaveAttribute(
        "href",
        "/cases/new",
      );

      fill(japanese(/^件名/), "返金の遅延");
      choose(screen.getByLabelText(/^種類/), "duplicate_billing");
      const chain = group(/^委託の経路/);
      choose(within(chain).getByLabelText(/^委託先/), "partners");
      click(screen.getByRole("button", { name: "経路の委託先をすべて加える" }));
      expect(within(group(/^責任を負う委託先/)).getByLabelText(/損保ジャパンパートナーズ社/)).toBeChecked();
      click(within(group(/^誰の個人データか/)).getByLabelText(/個人データなし/));
      fill(japanese(/^概要/), "返金が予定より遅れている。");
      choose(
        within(group(/^出典/, screen.getByRole("region", { name: "不正利用" }))).getByLabelText(
          /^出典の資料/,
        ),
        "doc-5",
      );

      click(screen.getByRole("button", { name: "影響を追加" }));
      const impact = group("影響 1");
      // The organisation's own people of its first population, until the user says otherwise.
      expect(within(group(/^範囲/, impact)).getByRole("radio", { checked: true })).toHaveAccessibleName(
        /の対象$/,
      );
      expect(within(impact).getByLabelText(/^対象者/)).toHaveValue("members");
      choose(within(impact).getByLabelText(/^サービス/), "prod-liability-topup");
      const count = group(/^人数・件数/, impact);
      click(within(count).getByRole("radio", { name: "未報告" }));
      fill(japanese(/^報告されていない内容/, count), "対象となった人数");
      choose(within(group(/^この数値の出典/, count)).getByLabelText(/^出典の資料/), "doc-5");

      // No year until the first date says it: then it follows (April start: July 2025 is FY2025).
      expect(screen.getByRole("textbox", { name: /^年度/ })).toHaveValue("");
      click(screen.getByRole("button", { name: "経緯を追加" }));
      const milestone = group("経緯 1");
      choose(within(milestone).getByLabelText(/^出来事/), "occurred");
      fireEvent.change(within(milestone).getByLabelText(/^日付/), { target: { value: "2025-07" } });
      choose(within(group(/^出典/, milestone)).getByLabelText(/^出典の資料/), "doc-5");
      await waitFor(() => expect(screen.getByRole("textbox", { name: /^年度/ })).toHaveValue("2025"));

      click(screen.getByRole("button", { name: "登録する" }));

      await waitFor(() => expect(router.state.location.pathname).toBe("/incidents/inc-4"), SLOW);
      expect(await screen.findByText("保存しました。", {}, SLOW)).toBeInTheDocument();
      const saved = stored("inc-4");
      expect(saved).toMatchObject({
        number: 4,
        caseId: "case-2025-insurance",
        category: "duplicate_billing",
        chain: ["partners"],
        vendorIds: ["partners"],
        dataRole: "none",
        fiscalYear: 2025,
        version: 1,
      });
      // A blank English half gets the Japanese; the unreported count is a status, never 0.
      expect(saved.title).toEqual({ ja: "返金の遅延", en: "返金の遅延" });
      expect(saved.impact[0]).toMatchObject({
        scope: "ours",
        unit: "people",
        populationId: "members",
        serviceId: "prod-liability-topup",
        count: { status: "not_reported" },
      });
      expect(saved.impact[0]?.count).not.toHaveProperty("value");
    },
    LONG,
  );

  it("checks with the contract before sending: the error next to the field, focused, nothing sent", async () => {
    const user = userEvent.setup();
    renderApp("/incidents/new", { lang: "en" });
    await screen.findByRole("heading", { level: 1, name: "New incident" }, SLOW);
    fill(within(group(/^Summary/)).getByLabelText(/^Japanese/), "要約だけ");
    await user.click(screen.getByRole("button", { name: "Create" }));

    const caseField = screen.getByLabelText(/^Case/);
    await waitFor(() => expect(caseField).toHaveAttribute("aria-invalid", "true"));
    expect(caseField).toHaveFocus();
    expect(within(group(/^Title/)).getByLabelText(/^Japanese/)).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText(/^Category/)).toHaveAttribute("aria-invalid", "true");
    // The chain's first link and the year (no milestone to take it from) are required too.
    expect(within(group(/^Chain of vendors/)).getByLabelText(/^Contractor/)).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(screen.getByRole("textbox", { name: /^Fiscal year/ })).toHaveAttribute("aria-invalid", "true");
    expect(within(group(/^Summary/)).getByLabelText(/^Japanese/)).toHaveValue("要約だけ");
    expect(mockStore.data.incidents).toHaveLength(3);
  });
});

/** The record of another shape (tests only): its own store, so a save can be read back. */
const usePrinterCase = () => {
  const store = createMockStore(printerCase);
  server.use(...createHandlers(store));
  return store;
};

describe("IncidentEditor: another organisation's record", () => {
  it("takes the year from the first date by the organisation's own start month, until the user types one", async () => {
    usePrinterCase();
    const user = userEvent.setup();
    renderApp("/incidents/new");
    await screen.findByRole("heading", { level: 1, name: "事故を登録" }, SLOW);
    expect(screen.getByText("年度は1月に始まります。最初の経緯の日付が属する年度です。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "経緯を追加" }));
    const date = await within(group("経緯 1")).findByLabelText(/^日付/);
    // February 2024 is FY2024 when the year starts in January (it would be FY2023 from April).
    fireEvent.change(date, { target: { value: "2024-02-10" } });
    const year = screen.getByRole("textbox", { name: /^年度/ });
    await waitFor(() => expect(year).toHaveValue("2024"));
    fireEvent.change(date, { target: { value: "2023-12-20" } });
    await waitFor(() => expect(year).toHaveValue("2023"));
    // A year of the user's own is theirs: a later date no longer changes it; the suggestion is offered.
    fill(year, "2022");
    fireEvent.change(date, { target: { value: "2024-03-01" } });
    await screen.findByRole("button", { name: "2024年度にする" });
    expect(year).toHaveValue("2022");
  });

  it("puts the API's refusal of a chain link next to that link, with both vendors named", async () => {
    const store = usePrinterCase();
    const user = userEvent.setup();
    renderApp("/incidents/inc-dm/edit");
    await screen.findByRole("heading", { level: 1, name: "事故1を編集" }, SLOW);
    const chain = group(/^委託の経路/);
    expect(within(chain).getByLabelText(/^委託先/)).toHaveValue("bpo");
    expect(within(chain).getByLabelText(/^再委託先\(1次\)/)).toHaveValue("printer");
    // The printer works for the BPO, not for the call centre.
    await user.selectOptions(within(chain).getByLabelText(/^委託先/), "callcentre");
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));
    const link = within(chain).getByLabelText(/^再委託先\(1次\)/);
    await waitFor(() => expect(link).toHaveAttribute("aria-invalid", "true"), SLOW);
    expect(link).toHaveAccessibleDescription(
      /株式会社サクラ印刷は株式会社ミナトコールの再委託先として登録されていません/,
    );
    expect(link).toHaveFocus();
    expect(store.data.incidents.find((i) => i.id === "inc-dm")?.version).toBe(1);
  });

  it("records a web-form contact without phone or hours, 確認の結果なし, and a vendor notice that reached the people", async () => {
    const store = usePrinterCase();
    const user = userEvent.setup();
    const { router } = renderApp("/incidents/inc-cc/edit");
    await screen.findByRole("heading", { level: 1, name: "事故2を編集" }, SLOW);
    // The members were checked and none were affected: the figure says so, it is not 0 nor 未報告.
    await user.click(screen.getByRole("button", { name: /^影響 1 / }));
    expect(
      within(group(/^人数・件数/, group("影響 1"))).getByRole("radio", { name: "確認の結果なし" }),
    ).toBeChecked();

    await user.click(within(group(/^問い合わせ窓口/)).getByLabelText("窓口の案内あり"));
    fill(japanese(/^窓口の名称/), "ミナトコール Webフォーム");
    await user.selectOptions(
      within(group(/^出典/, group(/^問い合わせ窓口/))).getByLabelText(/^出典の資料/),
      "cc-report",
    );
    await user.click(screen.getByRole("button", { name: "経緯を追加" }));
    const notice = group("経緯 3");
    // "Reached our people" is offered for a vendor's notice only.
    await user.selectOptions(within(notice).getByLabelText(/^出来事/), "reported_to_officers");
    expect(within(notice).queryByRole("checkbox", { name: /にも届いた$/ })).not.toBeInTheDocument();
    await user.selectOptions(within(notice).getByLabelText(/^出来事/), "vendor_notice_to_people");
    await user.click(within(notice).getByRole("checkbox", { name: /にも届いた$/ }));
    fireEvent.change(within(notice).getByLabelText(/^日付/), { target: { value: "2024-09-13" } });
    await user.selectOptions(within(group(/^出典/, notice)).getByLabelText(/^出典の資料/), "cc-report");
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/incidents/inc-cc"), SLOW);
    const saved = store.data.incidents.find((i) => i.id === "inc-cc") as TIncident;
    expect(saved.contact).toEqual({
      name: { ja: "ミナトコール Webフォーム", en: "ミナトコール Webフォーム" },
      phone: null,
      hours: null,
      source: { documentId: "cc-report", cites: [] },
    });
    expect(saved.impact[0]?.count).toEqual({
      status: "confirmed_none",
      source: { documentId: "cc-report", cites: [] },
    });
    expect(saved.milestones.at(-1)).toMatchObject({ kind: "vendor_notice_to_people", coversOurPeople: true });
  });
});

describe("IncidentEditor: changing an incident", () => {
  it("saves a change at the version read and comes back to the incident", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/incidents/inc-3/edit");
    expect(await screen.findByRole("heading", { level: 1, name: "事故3を編集" }, SLOW)).toBeInTheDocument();
    const title = japanese(/^件名/);
    expect(title).toHaveValue("保険料の二重請求");
    await user.click(within(group(/^状態/)).getByLabelText("完了"));
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/incidents/inc-3"), SLOW);
    expect(stored("inc-3")).toMatchObject({ status: "closed", version: 2 });
    // Nothing else changed: the milestones keep their ids and their derived outside-record flags.
    expect(stored("inc-3").milestones.map((m) => m.id)).toEqual(["m3-occurred", "m3-report"]);
  });

  it("puts a 422 on a nested field next to its control, focuses it, and keeps what was typed", async () => {
    const user = userEvent.setup();
    server.use(
      http.put(`*${contract.updateIncident.path}`, () =>
        unprocessable("milestones.1.source.documentId", "unknown_reference", {
          kind: "document",
          id: "doc-5",
        }),
      ),
    );
    renderApp("/incidents/inc-3/edit");
    await screen.findByRole("heading", { level: 1, name: "事故3を編集" }, SLOW);
    const title = japanese(/^件名/);
    await user.clear(title);
    fill(title, "保険料の二重請求(返金中)");
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));

    const milestone = group("経緯 2");
    const source = within(group(/^出典/, milestone)).getByLabelText(/^出典の資料/);
    await waitFor(() => expect(source).toHaveAttribute("aria-invalid", "true"));
    expect(source).toHaveFocus();
    expect(within(milestone).getByText("資料「doc-5」は記録にありません。")).toBeInTheDocument();
    // The refused entry opened to show its error; the other stays folded to its one-line summary.
    expect(
      within(milestone).getByRole("button", { name: "経緯 2 2025年9月5日 協会へ文書で報告" }),
    ).toHaveAttribute("aria-expanded", "true");
    expect(within(group("経緯 1")).getByRole("button", { name: "経緯 1 2025年7月 発生" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    expect(japanese(/^件名/)).toHaveValue("保険料の二重請求(返金中)");
    expect(stored("inc-3").version).toBe(1);
  });

  it("shows both versions after someone else saved, and re-applies the user's change over theirs", async () => {
    const user = userEvent.setup();
    renderApp("/incidents/inc-3/edit");
    await screen.findByRole("heading", { level: 1, name: "事故3を編集" }, SLOW);
    // Another editor closes the incident meanwhile.
    const other = await apiGet("getIncident", { params: { incidentId: "inc-3" } });
    await apiSend("updateIncident", {
      params: { incidentId: "inc-3" },
      body: ZIncidentUpdate.parse({
        ...toIncidentBody(valuesFromIncident(other)),
        status: "closed",
        version: other.version,
      }),
    });

    const title = japanese(/^件名/);
    await user.clear(title);
    fill(title, "保険料の二重請求(3名)");
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));

    const panel = await screen.findByRole("region", { name: "他の人がこの記録を先に更新しました" });
    const rows = within(panel).getAllByRole("row");
    const titleRow = rows.find((r) => within(r).queryByRole("rowheader", { name: /^件名/ })) as HTMLElement;
    expect(within(titleRow).getByText("保険料の二重請求(3名)")).toBeInTheDocument();
    expect(within(titleRow).getByText("保険料の二重請求")).toBeInTheDocument();
    const statusRow = rows.find((r) => within(r).queryByRole("rowheader", { name: /^状態/ })) as HTMLElement;
    expect(within(statusRow).getByText("完了")).toBeInTheDocument();
    expect(stored("inc-3").title.ja).toBe("保険料の二重請求");

    await user.click(within(panel).getByRole("button", { name: "現在の版に自分の変更を適用して保存" }));
    await waitFor(() => expect(stored("inc-3").version).toBe(3));
    // Re-applying keeps what the user changed and what the other editor changed.
    expect(stored("inc-3")).toMatchObject({ title: { ja: "保険料の二重請求(3名)" }, status: "closed" });
  });
});

describe("IncidentEditor: lists of nested entries", () => {
  it("folds the entries already recorded to one line each, and opens them on demand", async () => {
    const user = userEvent.setup();
    renderApp("/incidents/inc-3/edit");
    await screen.findByRole("heading", { level: 1, name: "事故3を編集" }, SLOW);
    const second = screen.getByRole("button", { name: "経緯 2 2025年9月5日 協会へ文書で報告" });
    expect(second).toHaveAttribute("aria-expanded", "false");
    expect(within(group("経緯 2")).queryByLabelText(/^日付/)).not.toBeInTheDocument();
    await user.click(second);
    expect(second).toHaveAttribute("aria-expanded", "true");
    expect(within(group("経緯 2")).getByLabelText(/^日付/)).toHaveValue("2025-09-05");
    // A figure's summary says the number the vendor reported (and 未報告 where it did not, never 0).
    expect(screen.getByRole("button", { name: /^影響 1 / })).toHaveTextContent(
      "会員 ・ 作業療法士賠償責任保険 上乗せ補償プラン: 3名",
    );
  });

  it("adds, reorders and removes milestones with buttons, keeping each one's input, and undoes a removal", async () => {
    const user = userEvent.setup();
    renderApp("/incidents/inc-3/edit");
    await screen.findByRole("heading", { level: 1, name: "事故3を編集" }, SLOW);
    await user.click(screen.getByRole("button", { name: "すべて開く" }));
    const dates = () =>
      [1, 2, 3]
        .map((n) => screen.queryByRole("group", { name: `経緯 ${n}` }))
        .filter((g): g is HTMLElement => g !== null)
        .map((g) => (within(g).getByLabelText(/^日付/) as HTMLInputElement).value);
    expect(dates()).toEqual(["2025-07", "2025-09-05"]);

    await user.click(screen.getByRole("button", { name: "経緯を追加" }));
    const added = group("経緯 3");
    // The new entry's first control takes the focus.
    expect(within(added).getByLabelText(/^出来事/)).toHaveFocus();
    fireEvent.change(within(added).getByLabelText(/^日付/), { target: { value: "2025-10" } });

    await user.click(screen.getByRole("button", { name: "経緯 3を上へ移動" }));
    expect(dates()).toEqual(["2025-07", "2025-10", "2025-09-05"]);
    // Focus follows the entry that moved.
    expect(screen.getByRole("button", { name: "経緯 2を上へ移動" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(dates()).toEqual(["2025-10", "2025-07", "2025-09-05"]);
    expect(screen.getByRole("button", { name: "経緯 1を下へ移動" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "経緯 2を削除" }));
    expect(dates()).toEqual(["2025-10", "2025-09-05"]);
    expect(screen.getByText("経緯 2を削除しました。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "元に戻す" }));
    expect(dates()).toEqual(["2025-10", "2025-07", "2025-09-05"]);
  });
});

describe("IncidentEditor: who may edit", () => {
  it("offers editors the new and edit buttons", async () => {
    renderApp("/incidents/inc-3");
    expect(await screen.findByRole("link", { name: "この事故を編集" }, SLOW)).toHaveAttribute(
      "href",
      "/incidents/inc-3/edit",
    );
  });

  it("shows a viewer no way to edit, and refuses the form itself", async () => {
    signInMock("viewer");
    const { unmount } = renderApp("/incidents");
    await screen.findByRole("heading", { level: 1, name: "事故一覧" }, SLOW);
    await screen.findAllByRole("link", { name: /保険料の二重請求/ });
    expect(screen.queryByRole("link", { name: "事故を登録" })).not.toBeInTheDocument();
    unmount();

    const detail = renderApp("/incidents/inc-3");
    await screen.findByRole("heading", { level: 1, name: /保険料の二重請求/ }, SLOW);
    expect(screen.queryByRole("link", { name: "この事故を編集" })).not.toBeInTheDocument();
    detail.unmount();

    renderApp("/incidents/inc-3/edit");
    expect(await screen.findByRole("heading", { level: 1, name: /権限/ }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "変更を保存する" })).not.toBeInTheDocument();
  });
});
