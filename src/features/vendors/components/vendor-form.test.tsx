import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { apiGet, apiSend } from "@/lib/api-client";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { ZServiceUpdate } from "@/shared/schemas/edit";
import { renderApp } from "@/test/render";
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
  it("adds a vendor serving a scheme; the scheme lists the vendor too", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/vendors/new");
    expect(await screen.findByRole("heading", { level: 1, name: "委託先を登録" }, SLOW)).toBeInTheDocument();
    fill(japanese(/^正式名称/), "新代理店株式会社");
    fill(japanese(/^略称/), "新代理店");
    await user.click(within(group(/^役割/)).getByLabelText("保険代理店"));
    await user.click(within(group(/^担当する保険制度/)).getByLabelText("親子のちから"));
    await user.click(screen.getByRole("button", { name: "登録する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/vendors/ven-1"), SLOW);
    expect(await screen.findByText("保存しました。")).toBeInTheDocument();
    expect(vendor("ven-1")).toMatchObject({ role: "agency", serviceIds: ["prod-oyako"], version: 1 });
    expect(service("prod-oyako")?.vendorIds).toEqual(["sompo", "ven-1"]);
  });

  it("changes a vendor at the version read; a scheme taken off no longer lists the vendor", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/vendors/partners/edit");
    await screen.findByRole("heading", { level: 1, name: "委託先を編集: 損保ジャパンパートナーズ" }, SLOW);
    const short = japanese(/^略称/);
    await user.clear(short);
    fill(short, "パートナーズ");
    await user.click(
      within(group(/^担当する保険制度/)).getByLabelText("作業療法士賠償責任保険 上乗せ補償プラン"),
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
    const services = group(/^担当する保険制度/);
    expect(await within(services).findByText("商品「prod-oyako」は記録にありません。")).toBeInTheDocument();
    expect(within(services).getByLabelText("新・団体医療保険")).toHaveFocus();
  });

  it("offers editors the buttons and shows a viewer none", async () => {
    const editor = renderApp("/vendors/sompo");
    expect(await screen.findByRole("link", { name: "この委託先を編集" }, SLOW)).toHaveAttribute(
      "href",
      "/vendors/sompo/edit",
    );
    expect(screen.getByRole("link", { name: "保険制度を登録" })).toHaveAttribute(
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
    await screen.findByRole("heading", { level: 1, name: "委託先の評価(年度別スコアカード)" }, SLOW);
    expect(screen.queryByRole("link", { name: "委託先を登録" })).not.toBeInTheDocument();
  });
});

describe("ServiceEditor", () => {
  it("adds a scheme from a vendor's page with a dated change, and comes back to that vendor", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/services/new?vendor=partners");
    expect(
      await screen.findByRole("heading", { level: 1, name: "保険制度を登録" }, SLOW),
    ).toBeInTheDocument();
    expect(within(group(/^担当する委託先/)).getByLabelText("損保ジャパンパートナーズ社")).toBeChecked();
    fill(japanese(/^保険制度の名称/), "団体傷害保険");
    await user.click(screen.getByRole("button", { name: "変更を追加" }));
    const change = group("変更 1");
    fireEvent.change(within(change).getByLabelText(/^実施日/), { target: { value: "2025-10" } });
    fill(japanese(/^変更の内容/, change), "新設");
    await user.selectOptions(within(group(/^出典/, change)).getByLabelText(/^出典の資料/), "doc-5");
    await user.click(screen.getByRole("button", { name: "登録する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/vendors/partners"), SLOW);
    expect(service("prd-1")).toMatchObject({
      vendorIds: ["partners"],
      changes: [
        { effective: "2025-10", description: { ja: "新設" }, source: { documentId: "doc-5", cites: [] } },
      ],
    });
    expect(vendor("partners")?.serviceIds).toEqual(["prod-liability-topup", "prd-1"]);
  });

  it("shows both versions when someone else saved first, and re-applies over theirs", async () => {
    const user = userEvent.setup();
    renderApp("/services/prod-medical/edit");
    await screen.findByRole("heading", { level: 1, name: "保険制度を編集: 新・団体医療保険" }, SLOW);
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
