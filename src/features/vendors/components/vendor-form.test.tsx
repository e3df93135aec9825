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
import { ZServiceUpdate } from "@/shared/schemas/edit";
import { renderApp } from "@/test/render";
import { bpoChainDataset } from "../testing/bpo-chain-dataset";
import { valuesFromService } from "./vendor-form";

// A save runs the contract schema, the mock edit and a navigation: allow for a busy machine.
const SLOW = { timeout: 5000 };

const vendor = (id: string) => mockStore.data.vendors.find((v) => v.id === id);
const service = (id: string) => mockStore.data.services.find((p) => p.id === id);

/** Enters a whole text at once (typing key by key re-renders the long form on every key). */
const fill = (element: HTMLElement, text: string) => fireEvent.change(element, { target: { value: text } });

const group = (name: string | RegExp, inside: HTMLElement = document.body) =>
  within(inside).getByRole("group", { name });

const japanese = (name: string | RegExp, inside?: HTMLElement) =>
  within(group(name, inside)).getByLabelText(/^日本語/);

describe("VendorEditor", () => {
  it("adds a vendor of one of the organisation's kinds, working for another, with a service", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/vendors/new");
    expect(await screen.findByRole("heading", { level: 1, name: "委託先を登録" }, SLOW)).toBeInTheDocument();
    fill(japanese(/^正式名称/), "新印刷株式会社");
    fill(japanese(/^略称/), "新印刷");
    // The kinds are the organisation's editable list, not a fixed insurer/agency pair.
    const kinds = group(/^種類/);
    expect(
      within(kinds)
        .getAllByRole("radio")
        .map((r) => (r.closest("label") as HTMLElement).textContent),
    ).toEqual([
      "保険会社",
      "保険代理店",
      "業務委託先(BPO)",
      "印刷・発送業者",
      "コールセンター",
      "システム・クラウド事業者",
      "その他",
    ]);
    await user.click(within(kinds).getByLabelText("印刷・発送業者"));
    await user.click(within(group(/^委託元/)).getByLabelText("損保ジャパンパートナーズ社(保険代理店)"));
    await user.click(within(group(/^担当するサービス/)).getByLabelText("親子のちから"));
    await user.click(screen.getByRole("button", { name: "登録する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/vendors/ven-1"), SLOW);
    expect(await screen.findByText("保存しました。")).toBeInTheDocument();
    expect(vendor("ven-1")).toMatchObject({
      kindId: "printer",
      subcontractorOf: ["partners"],
      serviceIds: ["prod-oyako"],
      version: 1,
    });
    expect(service("prod-oyako")?.vendorIds).toEqual(["sompo", "ven-1"]);
    // Its page says whom it works for.
    expect(
      await screen.findByText(
        "損保ジャパンパートナーズから再委託を受けて、協会の業務を行っています。",
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
  });

  it("asks for a kind, next to the field", async () => {
    const user = userEvent.setup();
    renderApp("/vendors/new");
    await screen.findByRole("heading", { level: 1, name: "委託先を登録" }, SLOW);
    fill(japanese(/^正式名称/), "名前だけの委託先");
    fill(japanese(/^略称/), "名前だけ");
    await user.click(screen.getByRole("button", { name: "登録する" }));
    expect(await within(group(/^種類/)).findByText("入力してください。")).toBeInTheDocument();
    expect(mockStore.data.vendors).toHaveLength(2);
  });

  it("says next to the field which vendor would close a loop of subcontracting", async () => {
    const user = userEvent.setup();
    const store = createMockStore(bpoChainDataset);
    server.use(...createHandlers(store));
    renderApp("/vendors/bpo/edit");
    await screen.findByRole("heading", { level: 1, name: "委託先を編集: 架空BPO" }, SLOW);
    const contractors = group(/^委託元/);
    // A vendor is never offered as its own contractor.
    expect(within(contractors).queryByLabelText(/^架空BPOサービス株式会社/)).not.toBeInTheDocument();
    // The printer works for the contractor: the contractor cannot work for the printer too.
    await user.click(within(contractors).getByLabelText("架空印刷株式会社(印刷・発送業者)"));
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));
    expect(
      await within(group(/^委託元/)).findByText(
        "「架空印刷株式会社」は、この委託先の再委託先(またはその先)です。委託関係が循環するため、委託元には選べません。",
      ),
    ).toBeInTheDocument();
    expect(store.data.vendors.find((v) => v.id === "bpo")).toMatchObject({ subcontractorOf: [], version: 1 });
  });

  it("changes a vendor at the version read; a service taken off no longer lists the vendor", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/vendors/partners/edit");
    await screen.findByRole("heading", { level: 1, name: "委託先を編集: 損保ジャパンパートナーズ" }, SLOW);
    const short = japanese(/^略称/);
    await user.clear(short);
    fill(short, "パートナーズ");
    await user.click(
      within(group(/^担当するサービス/)).getByLabelText("作業療法士賠償責任保険 上乗せ補償プラン"),
    );
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/vendors/partners"), SLOW);
    expect(vendor("partners")).toMatchObject({
      shortName: { ja: "パートナーズ" },
      serviceIds: [],
      version: 2,
    });
    expect(service("prod-liability-topup")?.vendorIds).toEqual(["sompo"]);
  });

  it("puts a 422 on one service of the list next to the list", async () => {
    const user = userEvent.setup();
    server.use(
      http.put(`*${contract.updateVendor.path}`, () =>
        HttpResponse.json(
          problem(422, "The record cannot be stored as sent: see the errors by field.", [
            {
              in: "body",
              field: "serviceIds.1",
              code: "unknown_reference",
              message: 'no service with id "prod-oyako"',
              params: { kind: "service", id: "prod-oyako" },
            },
          ]),
          { status: 422, headers: { "content-type": "application/problem+json" } },
        ),
      ),
    );
    renderApp("/vendors/sompo/edit");
    await screen.findByRole("heading", { level: 1, name: "委託先を編集: 損保ジャパン" }, SLOW);
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));
    const services = group(/^担当するサービス/);
    expect(
      await within(services).findByText("サービス「prod-oyako」は記録にありません。"),
    ).toBeInTheDocument();
    expect(within(services).getByLabelText("新・団体医療保険")).toHaveFocus();
  });

  it("offers editors the buttons and shows a viewer none", async () => {
    const editor = renderApp("/vendors/sompo");
    expect(await screen.findByRole("link", { name: "この委託先を編集" }, SLOW)).toHaveAttribute(
      "href",
      "/vendors/sompo/edit",
    );
    expect(screen.getByRole("link", { name: "サービスを登録" })).toHaveAttribute(
      "href",
      "/services/new?vendor=sompo",
    );
    expect(screen.getByRole("link", { name: "親子のちからを編集" })).toHaveAttribute(
      "href",
      "/services/prod-oyako/edit",
    );
    editor.unmount();

    signInMock("viewer");
    const detail = renderApp("/vendors/sompo");
    await screen.findByRole("heading", { level: 1, name: "損害保険ジャパン株式会社" }, SLOW);
    expect(screen.queryByRole("link", { name: "この委託先を編集" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /を編集$/ })).not.toBeInTheDocument();
    detail.unmount();
    renderApp("/vendors");
    await screen.findByRole("heading", { level: 1, name: "委託先と年度別スコアカード" }, SLOW);
    expect(screen.queryByRole("link", { name: "委託先を登録" })).not.toBeInTheDocument();
  });
});

describe("ServiceEditor", () => {
  it("adds a service of a kind, for a population, from a vendor's page, and comes back to that vendor", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/services/new?vendor=partners");
    expect(
      await screen.findByRole("heading", { level: 1, name: "サービスを登録" }, SLOW),
    ).toBeInTheDocument();
    expect(within(group(/^担当する委託先/)).getByLabelText("損保ジャパンパートナーズ社")).toBeChecked();
    fill(japanese(/^サービスの名称/), "会報の発送");
    await user.click(within(group(/^サービスの種類/)).getByLabelText("印刷・発送(DM等)"));
    // One population in the demo's settings: it is chosen already.
    expect(screen.getByLabelText(/^対象となる人々/)).toHaveValue("members");
    await user.click(screen.getByRole("button", { name: "変更を追加" }));
    const change = group("変更 1");
    fireEvent.change(within(change).getByLabelText(/^実施日/), { target: { value: "2025-10" } });
    fill(japanese(/^変更の内容/, change), "新設");
    await user.selectOptions(within(group(/^出典/, change)).getByLabelText(/^出典の資料/), "doc-5");
    await user.click(screen.getByRole("button", { name: "登録する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/vendors/partners"), SLOW);
    expect(service("prd-1")).toMatchObject({
      kind: "mailing",
      populationId: "members",
      vendorIds: ["partners"],
      changes: [
        { effective: "2025-10", description: { ja: "新設" }, source: { documentId: "doc-5", cites: [] } },
      ],
    });
    expect(vendor("partners")?.serviceIds).toEqual(["prod-liability-topup", "prd-1"]);
  });

  it("offers the organisation's populations and asks for a kind and a population", async () => {
    const user = userEvent.setup();
    const store = createMockStore(bpoChainDataset);
    server.use(...createHandlers(store));
    renderApp("/services/new?vendor=callcentre");
    await screen.findByRole("heading", { level: 1, name: "サービスを登録" }, SLOW);
    const population = screen.getByLabelText(/^対象となる人々/);
    expect(
      within(population)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["選択してください", "組合員", "利用者"]);
    fill(japanese(/^サービスの名称/), "折り返し電話");
    await user.click(screen.getByRole("button", { name: "登録する" }));
    expect(await within(group(/^サービスの種類/)).findByText("入力してください。")).toBeInTheDocument();
    expect(screen.getByLabelText(/^対象となる人々/)).toHaveAccessibleDescription(/入力してください。/);
    await user.click(within(group(/^サービスの種類/)).getByLabelText("コールセンター"));
    await user.selectOptions(screen.getByLabelText(/^対象となる人々/), "coop-customers");
    await user.click(screen.getByRole("button", { name: "登録する" }));
    await waitFor(() => expect(store.data.services).toHaveLength(4), SLOW);
    expect(store.data.services.at(-1)).toMatchObject({
      kind: "call_centre",
      populationId: "coop-customers",
      vendorIds: ["callcentre"],
    });
  });

  it("shows both versions when someone else saved first, and re-applies over theirs", async () => {
    const user = userEvent.setup();
    renderApp("/services/prod-medical/edit");
    await screen.findByRole("heading", { level: 1, name: "サービスを編集: 新・団体医療保険" }, SLOW);
    const other = await apiGet("getService", { params: { serviceId: "prod-medical" } });
    await apiSend("updateService", {
      params: { serviceId: "prod-medical" },
      body: ZServiceUpdate.parse({
        ...valuesFromService(other),
        name: { ja: "団体医療保険", en: "Group medical" },
        version: 1,
      }),
    });
    await user.click(within(group(/^担当する委託先/)).getByLabelText("損保ジャパンパートナーズ社"));
    await user.click(screen.getByRole("button", { name: "変更を保存する" }));

    const panel = await screen.findByRole("region", { name: "他の人がこの記録を先に更新しました" });
    expect(within(panel).getByText("団体医療保険")).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "現在の版に自分の変更を適用して保存" }));
    await waitFor(() => expect(service("prod-medical")?.version).toBe(3));
    expect(service("prod-medical")?.vendorIds).toEqual(["sompo", "partners"]);
    expect(vendor("partners")?.serviceIds).toContain("prod-medical");
  });
});
