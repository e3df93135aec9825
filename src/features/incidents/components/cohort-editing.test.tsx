import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { EditRightsProvider } from "@/lib/edit-rights";
import { createHandlers, mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { createMockStore, type TMockStore } from "@/mocks/store";
import { contract } from "@/shared/contract";
import type { TCohort } from "@/shared/schemas/cohort";
import type { TIncident } from "@/shared/schemas/incident";
import { case2025 } from "@/shared/seed/case-2025";
import { renderWithProviders } from "@/test/render";
import { IncidentRemediation } from "./incident-remediation";
import { printerCase } from "./printer-case.fixture";

// Saving refreshes every query; on a busy machine that takes longer than the default second.
const SLOW = { timeout: 5000 };

const renderAs = (canEdit: boolean, incident: TIncident = case2025.incidents[2] as TIncident) =>
  renderWithProviders(
    <EditRightsProvider canEdit={canEdit}>
      <IncidentRemediation incident={incident} />
    </EditRightsProvider>,
  );

const refundCard = async () => {
  const heading = await screen.findByRole("heading", { name: "二重請求された加入者への返金" }, SLOW);
  return heading.closest("article") as HTMLElement;
};

describe("remediation editing", () => {
  it("records the 3 double-billing refunds as completed, with date and evidence", async () => {
    const user = userEvent.setup();
    renderAs(true);
    const card = await refundCard();
    await user.click(within(card).getByRole("button", { name: "進捗を記録" }));
    const form = await screen.findByRole("form", { name: /進捗を記録: 二重請求/ });
    await user.click(within(form).getByRole("button", { name: "対象者全員(3名)の完了として入力" }));
    await user.type(within(form).getByLabelText(/報告の日付/), "2025-09-30");
    await user.selectOptions(within(form).getByLabelText(/出典の資料/), "doc-5");
    await user.type(within(form).getAllByLabelText(/日本語/)[0] as HTMLElement, "返金完了の報告を受領");
    await user.click(within(form).getByRole("button", { name: "進捗を記録する" }));
    await waitFor(
      () => expect(screen.queryByRole("form", { name: /進捗を記録/ })).not.toBeInTheDocument(),
      SLOW,
    );
    expect(await screen.findByRole("status", {}, SLOW)).toHaveTextContent("保存しました。");
    const stored = mockStore.data.cohorts.find((c) => c.id === "coh-3-refund");
    expect(stored?.status).toBe("completed");
    expect(stored?.version).toBe(2);
    expect(stored?.progress).toEqual([
      expect.objectContaining({
        date: "2025-09-30",
        doneCount: { status: "reported", value: 3, source: { documentId: "doc-5", cites: [] } },
        note: { ja: "返金完了の報告を受領", en: "返金完了の報告を受領" },
        source: { documentId: "doc-5", cites: [] },
      }),
    ]);
    // The page reads the record again: the new entry and the new status are on screen.
    const updated = await refundCard();
    await within(updated).findByRole("table", { name: /進捗/ }, SLOW);
    expect(within(updated).getByText("完了(委託先報告)")).toBeInTheDocument();
    expect(mockStore.audit.at(-1)).toMatchObject({ entityType: "cohort", entityId: "coh-3-refund" });
  });

  it("shows the server's refusal next to the field and keeps what was typed", async () => {
    const user = userEvent.setup();
    renderAs(true);
    const card = await refundCard();
    await user.click(within(card).getByRole("button", { name: "進捗を記録" }));
    const form = await screen.findByRole("form", { name: /進捗を記録/ });
    await user.type(within(form).getByRole("textbox", { name: /^数値/ }), "5");
    await user.type(within(form).getByLabelText(/報告の日付/), "2025-09-30");
    await user.selectOptions(within(form).getByLabelText(/出典の資料/), "doc-5");
    await user.click(within(form).getByRole("button", { name: "進捗を記録する" }));
    const count = within(form).getByRole("textbox", { name: /^数値/ });
    await waitFor(() => expect(count).toHaveAttribute("aria-invalid", "true"), SLOW);
    expect(count).toHaveAccessibleDescription(/対象の人数\(3名\)を超えています/);
    expect(count).toHaveValue("5");
    expect(count).toHaveFocus();
    expect(mockStore.data.cohorts.find((c) => c.id === "coh-3-refund")?.progress).toEqual([]);
  });

  it("refuses in the browser what the schema refuses: no date, no source", async () => {
    const user = userEvent.setup();
    let posted = false;
    server.use(
      http.post(`*${contract.addProgressEvent.path}`, () => {
        posted = true;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    renderAs(true);
    const card = await refundCard();
    await user.click(within(card).getByRole("button", { name: "進捗を記録" }));
    const form = await screen.findByRole("form", { name: /進捗を記録/ });
    await user.click(within(form).getByRole("button", { name: "進捗を記録する" }));
    expect(within(form).getByLabelText(/報告の日付/)).toHaveFocus();
    expect(within(form).getByLabelText(/出典の資料/)).toHaveAccessibleDescription(/入力してください/);
    expect(within(form).getByRole("textbox", { name: /^数値/ })).toHaveAccessibleDescription(
      /入力してください/,
    );
    expect(posted).toBe(false);
  });

  it("offers the conflict panel when someone recorded first, and re-applies", async () => {
    const user = userEvent.setup();
    renderAs(true);
    const card = await refundCard();
    await user.click(within(card).getByRole("button", { name: "グループを編集" }));
    const form = await screen.findByRole("form", { name: /グループを編集/ });
    // Another editor changes the cohort meanwhile (version 1 → 2).
    const other = mockStore.data.cohorts.find((c) => c.id === "coh-3-refund");
    if (!other) throw new Error("seed changed");
    mockStore.data = {
      ...mockStore.data,
      cohorts: mockStore.data.cohorts.map((c) =>
        c.id === other.id ? { ...c, status: "not_reported", version: 2 } : c,
      ),
    };
    const ja = within(form).getAllByLabelText(/日本語/)[0] as HTMLElement;
    await user.clear(ja);
    await user.type(ja, "二重請求の返金");
    await user.click(within(form).getByRole("button", { name: "変更を保存する" }));
    const panel = await screen.findByRole("region", { name: "他の人がこの記録を先に更新しました" }, SLOW);
    expect(within(panel).getByRole("row", { name: /グループの名称/ })).toHaveClass("conflict-changed");
    expect(within(panel).getByRole("row", { name: /^状態(?!の出典)/ })).toHaveTextContent(/対応中.*未報告/);
    await user.click(within(panel).getByRole("button", { name: "現在の版に自分の変更を適用して保存" }));
    await waitFor(
      () =>
        expect(mockStore.data.cohorts.find((c) => c.id === "coh-3-refund")).toMatchObject({
          version: 3,
          label: { ja: "二重請求の返金" },
          // The other editor's change to another field is kept, not overwritten by this user's old value.
          status: "not_reported",
        }),
      SLOW,
    );
  });

  it("shows no edit control to a viewer", async () => {
    renderAs(false);
    const card = await refundCard();
    expect(within(card).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "対象グループを追加" })).not.toBeInTheDocument();
  });
});

describe("remediation of an incident with no group yet (another organisation's record)", () => {
  const dm = printerCase.incidents.find((i) => i.id === "inc-dm") as TIncident;
  let store: TMockStore;
  beforeEach(() => {
    store = createMockStore(printerCase);
    server.use(...createHandlers(store));
  });

  /** The incident's one group, in progress, with no progress recorded yet. */
  const withGroup = (group: Pick<TCohort, "id" | "label" | "purpose" | "people" | "methods">) => {
    const cohort: TCohort = {
      ...group,
      incidentId: "inc-dm",
      parentId: null,
      populationId: "customers",
      amountPerPersonYen: null,
      status: "in_progress",
      statusSource: { documentId: "bpo-report", cites: [] },
      progress: [],
      version: 1,
    };
    store.data = { ...store.data, cohorts: [cohort] };
  };

  const openAdd = async () => {
    const user = userEvent.setup();
    renderAs(true, dm);
    await user.click(await screen.findByRole("button", { name: "対象グループを追加" }, SLOW));
    return { user, form: await screen.findByRole("form", { name: "是正・通知の対象グループを追加" }) };
  };

  it("adds the first group: the service's population by default, notification methods only, no money", async () => {
    const { user, form } = await openAdd();
    const f = within(form);
    // The incident's people were affected through the direct-mail service, which serves the customers.
    expect(f.getByLabelText(/^対象者/)).toHaveValue("customers");
    await user.click(within(f.getByRole("group", { name: /^目的/ })).getByLabelText("本人への通知"));
    const methods = within(f.getByRole("group", { name: /^通知の方法/ }));
    expect(methods.getAllByRole("checkbox").map((c) => c.closest("label")?.textContent)).toEqual([
      "お詫び文書の送付",
      "個別の通知(郵送・メール)",
      "電話連絡",
      "公表による通知",
    ]);
    expect(f.queryByLabelText("金銭の返還・請求の訂正を伴う")).not.toBeInTheDocument();
    fireEvent.change(f.getAllByLabelText(/^日本語/)[0] as HTMLElement, {
      target: { value: "お詫び状の送付" },
    });
    await user.click(methods.getByLabelText("お詫び文書の送付"));
    const people = within(f.getByRole("group", { name: /^対象の人数/ }));
    await user.click(people.getByRole("radio", { name: "報告された数値" }));
    await user.type(people.getByRole("textbox", { name: /^数値/ }), "12840");
    await user.selectOptions(
      within(people.getByRole("group", { name: /^この数値の出典/ })).getByLabelText(/^出典の資料/),
      "bpo-report",
    );
    await user.selectOptions(f.getByLabelText(/^状態(?!の出典)/), "in_progress");
    await user.selectOptions(
      within(f.getByRole("group", { name: /^状態の出典/ })).getByLabelText(/^出典の資料/),
      "bpo-report",
    );
    await user.click(f.getByRole("button", { name: "グループを追加する" }));
    await waitFor(() => expect(store.data.cohorts).toHaveLength(1), SLOW);
    expect(store.data.cohorts[0]).toMatchObject({
      incidentId: "inc-dm",
      purpose: "notification",
      populationId: "customers",
      methods: ["apology_letter"],
      amountPerPersonYen: null,
      people: { status: "reported", value: 12840 },
    });
    // The page reads the record again: the group is there, counted as sent, not as put right.
    const card = within(
      (await screen.findByRole("heading", { name: "お詫び状の送付" }, SLOW)).closest(
        "article",
      ) as HTMLElement,
    );
    expect(card.getByText("対象者: 顧客")).toBeInTheDocument();
    expect(card.getByText("送付済み")).toBeInTheDocument();
    expect(card.queryByText("是正済み")).not.toBeInTheDocument();
  });

  it("unticks what no longer fits when the purpose changes, and sends no money for a notification group", async () => {
    const { user, form } = await openAdd();
    const f = within(form);
    const methods = () => within(f.getByRole("group", { name: /^(是正|通知)の方法/ }));
    await user.click(methods().getByLabelText("返金"));
    expect(f.getByLabelText("金銭の返還・請求の訂正を伴う")).toBeChecked();
    await user.click(within(f.getByRole("group", { name: /^目的/ })).getByLabelText("本人への通知"));
    expect(methods().queryByLabelText("返金")).not.toBeInTheDocument();
    expect(f.queryByLabelText("金銭の返還・請求の訂正を伴う")).not.toBeInTheDocument();
    // Back to money: the method stays unticked (it was cleared), the money choice comes back.
    await user.click(within(f.getByRole("group", { name: /^目的/ })).getByLabelText("金銭の是正"));
    expect(methods().getByLabelText("返金")).not.toBeChecked();
    expect(f.getByLabelText("金銭の返還・請求の訂正を伴う")).toBeChecked();
  });

  it("records progress dated as the import reads it (2024/7/19, 2024-07) and shows the status change it makes", async () => {
    const user = userEvent.setup();
    withGroup({
      id: "coh-dm-letters",
      label: { ja: "お詫び状の送付", en: "Apology letters" },
      purpose: "notification",
      people: { status: "reported", value: 40, source: { documentId: "bpo-report", cites: [] } },
      methods: ["apology_letter"],
    });
    renderAs(true, dm);
    const card = (await screen.findByRole("heading", { name: "お詫び状の送付" }, SLOW)).closest(
      "article",
    ) as HTMLElement;
    await user.click(within(card).getByRole("button", { name: "進捗を記録" }));
    const form = within(await screen.findByRole("form", { name: /進捗を記録: お詫び状の送付/ }));
    expect(form.getByRole("group", { name: /^送付・通知済みの人数\(累計\)/ })).toBeInTheDocument();
    expect(form.getByText("状態は変わりません(現在: 対応中)")).toBeInTheDocument();
    await user.click(form.getByRole("button", { name: "対象者全員(40名)の完了として入力" }));
    expect(form.getByText("この報告で状態が変わります: 対応中 → 完了(委託先報告)")).toBeInTheDocument();
    fireEvent.change(form.getByLabelText(/報告の日付/), { target: { value: "2024/7/19" } });
    await user.selectOptions(form.getByLabelText(/出典の資料/), "bpo-report");
    await user.click(form.getByRole("button", { name: "進捗を記録する" }));
    await waitFor(() => expect(store.data.cohorts[0]?.progress).toHaveLength(1), SLOW);
    expect(store.data.cohorts[0]).toMatchObject({
      status: "completed",
      progress: [
        {
          date: "2024-07-19",
          doneCount: { status: "reported", value: 40 },
          statusChange: { from: "in_progress", to: "completed" },
        },
      ],
    });
    // The page shows the change the report made.
    const [row] = within(await screen.findByRole("table", { name: /お詫び状の送付:進捗の報告/ }, SLOW))
      .getAllByRole("row")
      .slice(1);
    expect(row).toHaveTextContent("対応中 → 完了(委託先報告)");
    expect(row).toHaveTextContent("2024年7月19日");

    // A month alone is accepted too, as the import accepts it.
    await user.click(within(card).getByRole("button", { name: "2024年7月19日の記録を訂正" }));
    const correction = within(await screen.findByRole("form", { name: /の進捗記録を訂正/ }));
    fireEvent.change(correction.getByLabelText(/報告の日付/), { target: { value: "2024年7月" } });
    await user.click(correction.getByRole("button", { name: "訂正を保存する" }));
    await waitFor(() => expect(store.data.cohorts[0]?.progress[0]?.date).toBe("2024-07"), SLOW);
  });

  it("refuses a date the import would refuse too, next to the field, and sends nothing", async () => {
    const user = userEvent.setup();
    withGroup({
      id: "coh-dm-x",
      label: { ja: "返金", en: "Refunds" },
      purpose: "financial",
      people: { status: "reported", value: 2, source: { documentId: "bpo-report", cites: [] } },
      methods: ["refund"],
    });
    renderAs(true, dm);
    const card = (await screen.findByRole("heading", { name: "返金" }, SLOW)).closest(
      "article",
    ) as HTMLElement;
    await user.click(within(card).getByRole("button", { name: "進捗を記録" }));
    const form = within(await screen.findByRole("form", { name: /進捗を記録: 返金/ }));
    await user.click(form.getByRole("button", { name: "対象者全員(2名)の完了として入力" }));
    fireEvent.change(form.getByLabelText(/報告の日付/), { target: { value: "07/19/2024" } });
    await user.selectOptions(form.getByLabelText(/出典の資料/), "bpo-report");
    await user.click(form.getByRole("button", { name: "進捗を記録する" }));
    const date = form.getByLabelText(/報告の日付/);
    await waitFor(() => expect(date).toHaveAttribute("aria-invalid", "true"));
    expect(date).toHaveAccessibleDescription(/YYYY-MM/);
    expect(store.data.cohorts[0]?.progress).toEqual([]);
  });
});
