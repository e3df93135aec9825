import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { renderWithProviders } from "@/test/render";
import { DayCountingSettings } from "./day-counting-settings";

const SLOW = { timeout: 5000 };
const INCLUDE = "初日算入";

const includeRadio = () => screen.findByRole("radio", { name: new RegExp(`^${INCLUDE}`) }, SLOW);

describe("DayCountingSettings", () => {
  it("lets an administrator switch to counting the first day, and refreshes every query", async () => {
    signInMock("admin");
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<DayCountingSettings canChange />);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    expect(await screen.findByRole("radio", { name: /^初日不算入/ }, SLOW)).toBeChecked();
    await user.click(await includeRadio());
    await user.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByRole("status", {}, SLOW)).toHaveTextContent("保存しました。");
    expect(mockStore.settings).toEqual({ dayCounting: "include_first_day", version: 2 });
    // Every due date everywhere moved: not only this feature's queries are refreshed.
    expect(invalidate).toHaveBeenCalledWith();
    await waitFor(() => expect(screen.getByText(/現在の設定:初日算入/)).toBeInTheDocument());
  });

  it("shows both versions when another administrator saved first, and re-applies the choice on top", async () => {
    signInMock("admin");
    const user = userEvent.setup();
    renderWithProviders(<DayCountingSettings canChange />);
    await user.click(await includeRadio());
    // Meanwhile, another administrator saved (twice): the version this form read is stale.
    mockStore.settings = { dayCounting: "exclude_first_day", version: 3 };
    await user.click(screen.getByRole("button", { name: "保存する" }));
    const panel = await screen.findByRole("region", { name: "他の人がこの記録を先に更新しました" }, SLOW);
    const row = within(panel).getByRole("row", { name: /日数の数え方/ });
    expect(row).toHaveTextContent(INCLUDE);
    expect(row).toHaveTextContent("初日不算入");
    expect(mockStore.settings.version).toBe(3);
    await user.click(within(panel).getByRole("button", { name: "現在の版に自分の変更を適用して保存" }));
    await waitFor(() => expect(mockStore.settings).toEqual({ dayCounting: "include_first_day", version: 4 }));
    expect(
      screen.queryByRole("region", { name: "他の人がこの記録を先に更新しました" }),
    ).not.toBeInTheDocument();
  });

  it("says why a save was refused and keeps the choice", async () => {
    signInMock("admin");
    server.use(
      http.put(`*${contract.updateSettings.path}`, () =>
        HttpResponse.json(
          { type: "about:blank", title: "Internal Server Error", status: 500 },
          { status: 500 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<DayCountingSettings canChange />);
    await user.click(await includeRadio());
    await user.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByRole("alert", {}, SLOW)).toHaveTextContent(
      "保存できませんでした。もう一度お試しください。",
    );
    expect(await includeRadio()).toBeChecked();
    expect(mockStore.settings.dayCounting).toBe("exclude_first_day");
  });

  it("refuses a user who is not an administrator, as the server does", async () => {
    // An editor reaching the form anyway (the route lets only administrators in).
    const user = userEvent.setup();
    renderWithProviders(<DayCountingSettings canChange />);
    await user.click(await includeRadio());
    await user.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByRole("alert", {}, SLOW)).toHaveTextContent("権限がありません");
    expect(mockStore.settings.dayCounting).toBe("exclude_first_day");
  });

  it("shows the setting read-only to anyone else", async () => {
    signInMock("viewer");
    renderWithProviders(<DayCountingSettings canChange={false} />);
    expect(await screen.findByText(/現在の設定:初日不算入/, {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole("radio")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "保存する" })).not.toBeInTheDocument();
  });
});
