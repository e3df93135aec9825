import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { apiGet, apiSend } from "@/lib/api-client";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { ZIncidentUpdate } from "@/shared/schemas/edit";
import type { TIncident } from "@/shared/schemas/incident";
import { renderApp } from "@/test/render";
import { toIncidentBody, valuesFromIncident } from "./incident-form-model";

// A save runs the contract schema, the mock edit and a navigation: allow for a busy machine.
const SLOW = { timeout: 5000 };

const stored = (id: string) => mockStore.data.incidents.find((i) => i.id === id) as TIncident;

/** The fieldset or group whose name is `name` (a bilingual text, a figure, a list entry, a list). */
/** Enters a whole text at once (typing key by key re-renders the long form on every key). */
const fill = (element: HTMLElement, text: string) => fireEvent.change(element, { target: { value: text } });

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
  it("records an incident with the next number; a service's count left unreported stays not reported", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/incidents/new");
    expect(await screen.findByRole("heading", { level: 1, name: "事故を登録" }, SLOW)).toBeInTheDocument();
    expect(screen.getByText("空欄のままにすると、次の番号(事故4)になります。")).toBeInTheDocument();

    fill(japanese(/^件名/), "返金の遅延");
    await user.selectOptions(screen.getByLabelText(/^種類/), "duplicate_billing");
    await user.click(within(group(/^関係する委託先/)).getByLabelText("損害保険ジャパン株式会社"));
    fill(japanese(/^概要/), "返金が予定より遅れている。");
    await user.selectOptions(
      within(group(/^出典/, screen.getByRole("region", { name: "不正利用" }))).getByLabelText(/^出典の資料/),
      "doc-5",
    );

    await user.click(screen.getByRole("button", { name: "保険商品を追加" }));
    const service = group("保険商品 1");
    await user.selectOptions(
      within(service).getByRole("combobox", { name: /^保険商品/ }),
      "prod-liability-topup",
    );
    const count = group(/^影響を受けた会員/, service);
    await user.click(within(count).getByRole("radio", { name: "未報告" }));
    fill(japanese(/^報告されていない内容/, count), "対象となった会員の人数");
    await user.selectOptions(within(group(/^この数値の出典/, count)).getByLabelText(/^出典の資料/), "doc-5");

    await user.click(screen.getByRole("button", { name: "登録する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/incidents/inc-4"), SLOW);
    expect(await screen.findByText("保存しました。")).toBeInTheDocument();
    const saved = stored("inc-4");
    expect(saved).toMatchObject({
      number: 4,
      category: "duplicate_billing",
      vendorIds: ["sompo"],
      version: 1,
    });
    // A blank English half gets the Japanese; the unreported count is a status, never 0.
    expect(saved.title).toEqual({ ja: "返金の遅延", en: "返金の遅延" });
    expect(saved.affected[0]?.count).toMatchObject({ status: "not_reported" });
    expect(saved.affected[0]?.count).not.toHaveProperty("value");
  });

  it("checks with the contract before sending: the error next to the field, focused, nothing sent", async () => {
    const user = userEvent.setup();
    renderApp("/incidents/new", { lang: "en" });
    await screen.findByRole("heading", { level: 1, name: "New incident" }, SLOW);
    fill(within(group(/^Summary/)).getByLabelText(/^Japanese/), "要約だけ");
    await user.click(screen.getByRole("button", { name: "Create" }));

    const title = within(group(/^Title/)).getByLabelText(/^Japanese/);
    await waitFor(() => expect(title).toHaveAttribute("aria-invalid", "true"));
    expect(title).toHaveFocus();
    expect(screen.getByLabelText(/^Category/)).toHaveAttribute("aria-invalid", "true");
    expect(within(group(/^Summary/)).getByLabelText(/^Japanese/)).toHaveValue("要約だけ");
    expect(mockStore.data.incidents).toHaveLength(3);
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
    expect(screen.getByRole("button", { name: /^保険商品 1 / })).toHaveTextContent(
      "作業療法士賠償責任保険 上乗せ補償プラン: 3名",
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
