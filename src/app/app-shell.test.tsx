import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { signInMock, signOutMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { PROBLEM_CONTENT_TYPE, problem } from "@/shared/http";
import { blankOrganisation } from "@/shared/schemas/organisation";
import { renderApp } from "@/test/render";

const SLOW = { timeout: 5000 };

const signInHeading = () => screen.findByRole("heading", { level: 1, name: "サインイン" }, SLOW);

describe("App shell: sign-in guard, user menu, roles", () => {
  it("sends a visitor without a session to sign-in, remembering the page", async () => {
    server.use(
      http.get(`*${contract.getSession.path}`, () =>
        HttpResponse.json(problem(401, "Sign in to use this endpoint."), {
          status: 401,
          headers: { "content-type": PROBLEM_CONTENT_TYPE },
        }),
      ),
    );
    const { router } = renderApp("/commitments?kind=board_demand");
    expect(await signInHeading()).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/signin");
    expect(new URLSearchParams(router.state.location.search).get("next")).toBe(
      "/commitments?kind=board_demand",
    );
    // Not an expired session: no message about one.
    expect(screen.queryByText(/有効期限/)).not.toBeInTheDocument();
  });

  it("asks for nothing of the record before the session is known", async () => {
    signOutMock();
    const seen: string[] = [];
    server.events.on("request:start", ({ request }) => {
      seen.push(new URL(request.url).pathname);
    });
    renderApp("/");
    await signInHeading();
    server.events.removeAllListeners();
    expect(seen).toEqual([contract.getSession.path]);
  });

  it("sends the user to sign-in when the session expires, and back afterwards", async () => {
    const user = userEvent.setup();
    const { router, queryClient } = renderApp("/cases");
    await screen.findByRole("table", { name: "事案(1件)" }, SLOW);
    await waitFor(() => expect(queryClient.isFetching()).toBe(0), SLOW);
    // The server ends the session (expiry, or an admin disabled the account); the next read gets 401.
    signOutMock();
    await user.click(screen.getByRole("link", { name: "団体保険制度の委託先における一連の事案(2025年)" }));
    expect(await signInHeading()).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("サインインの有効期限が切れました。");
    expect(new URLSearchParams(router.state.location.search).get("next")).toBe("/cases/case-2025-insurance");
    await user.type(screen.getByLabelText("ユーザー名"), "demo-viewer");
    await user.type(screen.getByLabelText("パスワード"), "demo-password-viewer");
    await user.click(screen.getByRole("button", { name: "サインイン" }));
    expect(
      await screen.findByRole(
        "heading",
        { level: 1, name: "団体保険制度の委託先における一連の事案(2025年)" },
        SLOW,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "サインイン中のユーザー" })).toHaveTextContent("閲覧者");
  });

  it("shows the user's name and role, and signs out on the server", async () => {
    const user = userEvent.setup();
    const { router, queryClient } = renderApp("/cases");
    const menu = await screen.findByRole("region", { name: "サインイン中のユーザー" }, SLOW);
    expect(menu).toHaveTextContent("Demo editor");
    expect(menu).toHaveTextContent("事務局(編集者)");
    await user.click(within(menu).getByRole("button", { name: "サインアウト" }));
    expect(await signInHeading()).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("サインアウトしました。");
    expect(router.state.location.search).toBe("");
    // The session is gone on the server side too: the app sends the user back to sign-in.
    // Nothing the signed-out user saw stays in memory.
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toEqual([]));
    await router.navigate("/incidents");
    await waitFor(() => expect(router.state.location.pathname).toBe("/signin"), SLOW);
    expect(new URLSearchParams(router.state.location.search).get("next")).toBe("/incidents");
  });

  it("says so when sign-out fails, and stays signed in", async () => {
    server.use(
      http.post(`*${contract.logout.path}`, () =>
        HttpResponse.json(problem(500, "boom"), {
          status: 500,
          headers: { "content-type": PROBLEM_CONTENT_TYPE },
        }),
      ),
    );
    const { router } = renderApp("/cases");
    const menu = await screen.findByRole("region", { name: "サインイン中のユーザー" }, SLOW);
    await userEvent.click(within(menu).getByRole("button", { name: "サインアウト" }));
    expect(await within(menu).findByRole("alert")).toHaveTextContent("サインアウトできませんでした。");
    expect(router.state.location.pathname).toBe("/cases");
  });

  it("offers user administration to administrators only", async () => {
    renderApp("/cases");
    const nav = await screen.findByRole("navigation", { name: "メインメニュー" }, SLOW);
    await screen.findByRole("region", { name: "サインイン中のユーザー" }, SLOW);
    expect(within(nav).queryByRole("link", { name: "管理" })).not.toBeInTheDocument();
  });

  it("shows the administrator one admin link leading to the users and audit tabs, in English too", async () => {
    signInMock("admin");
    renderApp("/cases", { lang: "en" });
    const nav = await screen.findByRole("navigation", { name: "Main menu" }, SLOW);
    expect(await within(nav).findByRole("link", { name: "Admin" }, SLOW)).toHaveAttribute("href", "/admin");
    expect(screen.getByRole("region", { name: "Signed-in user" })).toHaveTextContent("Administrator");
    await userEvent.click(within(nav).getByRole("link", { name: "Admin" }));
    const tabs = await screen.findByRole("navigation", { name: "Administration" }, SLOW);
    // /admin opens the users tab.
    await waitFor(() =>
      expect(within(tabs).getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page"),
    );
    expect(within(tabs).getByRole("link", { name: "Audit trail" })).toHaveAttribute("href", "/admin/audit");
    expect(within(tabs).getByRole("link", { name: "Organisation" })).toHaveAttribute(
      "href",
      "/admin/organisation",
    );
  });

  it("gives a viewer the 403 page at /admin/users, not a crash", async () => {
    signInMock("viewer");
    const seen: string[] = [];
    server.events.on("request:start", ({ request }) => {
      seen.push(new URL(request.url).pathname);
    });
    renderApp("/admin/users");
    expect(
      await screen.findByRole("heading", { level: 1, name: "この画面を見る権限がありません" }, SLOW),
    ).toBeInTheDocument();
    expect(
      screen.getByText("この画面は役割が「管理者」のユーザーだけが使えます。", { exact: false }),
    ).toBeInTheDocument();
    server.events.removeAllListeners();
    expect(seen).not.toContain(contract.listUsers.path);
  });

  it("names the organisation and its board in the header, and lists the cases in the navigation", async () => {
    renderApp("/cases");
    expect(await screen.findByText("協会 理事会", {}, SLOW)).toHaveClass("app-org");
    const nav = screen.getByRole("navigation", { name: "メインメニュー" });
    expect(within(nav).getByRole("link", { name: "事案" })).toHaveAttribute("href", "/cases");
    // No banner: the organisation has a name.
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("says an unnamed organisation is unnamed, and leads an administrator to its settings", async () => {
    const user = userEvent.setup();
    mockStore.data = { ...mockStore.data, organisation: blankOrganisation() };
    signInMock("admin");
    const { router } = renderApp("/cases");
    expect(await screen.findByText("(組織名未設定) 理事会", {}, SLOW)).toHaveClass("app-org-unset");
    const banner = await screen.findByRole("note");
    expect(banner).toHaveTextContent("組織名と呼び方がまだ設定されていません。");
    await user.click(within(banner).getByRole("link", { name: "組織の設定を開く" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/admin/organisation"));
    await screen.findByRole("heading", { level: 1, name: "組織の設定" }, SLOW);
    // On the settings page itself the banner has nothing left to say.
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("shows an editor the unnamed organisation without the administrators' banner", async () => {
    mockStore.data = { ...mockStore.data, organisation: blankOrganisation() };
    renderApp("/cases", { lang: "en" });
    expect(await screen.findByText("(organisation name not set) Board", {}, SLOW)).toBeInTheDocument();
    await screen.findByRole("table", { name: "Cases (1)" }, SLOW);
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });
});
