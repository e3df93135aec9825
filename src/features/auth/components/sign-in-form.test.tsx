import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { MOCK_DEMO_USERS, signOutMock } from "@/mocks/auth-state";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { PROBLEM_CONTENT_TYPE, problem } from "@/shared/http";
import type { TProblem } from "@/shared/schemas/problem";
import { renderApp, renderWithProviders } from "@/test/render";
import { SignInForm } from "./sign-in-form";

const SLOW = { timeout: 5000 };
const editor = MOCK_DEMO_USERS.find((u) => u.role === "editor") as (typeof MOCK_DEMO_USERS)[number];

const loginAnswers = (status: number, body: TProblem, headers: Record<string, string> = {}) => {
  const seen: unknown[] = [];
  server.use(
    http.post(`*${contract.login.path}`, async ({ request }) => {
      seen.push(await request.json());
      return HttpResponse.json(body, {
        status,
        headers: { "content-type": PROBLEM_CONTENT_TYPE, ...headers },
      });
    }),
  );
  return seen;
};

const fillAndSubmit = async (username: string, password: string, lang: "ja" | "en" = "ja") => {
  const user = userEvent.setup();
  const labels =
    lang === "ja" ? ["ユーザー名", "パスワード", "サインイン"] : ["Username", "Password", "Sign in"];
  const [u, p, submit] = labels as [string, string, string];
  const button = await screen.findByRole("button", { name: submit }, SLOW);
  if (username) await user.type(screen.getByLabelText(u), username);
  if (password) await user.type(screen.getByLabelText(p), password);
  await user.click(button);
  return user;
};

describe("Sign-in page (/signin)", () => {
  beforeEach(() => signOutMock());

  it("signs in and returns to the page in `next`, with the user in the header", async () => {
    const { router } = renderApp("/signin?next=%2Fcases%3Fstatus%3Dopen");
    expect(await screen.findByRole("heading", { level: 1, name: "サインイン" }, SLOW)).toBeInTheDocument();
    // No navigation of the app before sign-in: only the brand and the language toggle.
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Switch to English" })).toBeInTheDocument();
    await fillAndSubmit(editor.username, editor.password);
    expect(await screen.findByRole("heading", { level: 1, name: "事案" }, SLOW)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/cases");
    expect(router.state.location.search).toBe("?status=open");
    const menu = screen.getByRole("region", { name: "サインイン中のユーザー" });
    expect(menu).toHaveTextContent(editor.displayName);
    expect(menu).toHaveTextContent("事務局(編集者)");
  });

  it("ignores a `next` that leads to another site", async () => {
    const { router } = renderApp("/signin?next=%2F%2Fevil.example%2F");
    await fillAndSubmit(editor.username, editor.password);
    // Signed in, and at the app's own front page.
    await waitFor(() => expect(router.state.location.pathname).toBe("/"), SLOW);
  });

  it("says the credentials are wrong and keeps what was typed", async () => {
    const { router } = renderApp("/signin");
    await fillAndSubmit(editor.username, "not-the-password");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "ユーザー名またはパスワードが正しくありません。",
    );
    expect(screen.getByLabelText("ユーザー名")).toHaveValue(editor.username);
    expect(screen.getByLabelText("パスワード")).toHaveValue("not-the-password");
    expect(router.state.location.pathname).toBe("/signin");
  });

  it("asks for both fields before sending anything", async () => {
    const seen = loginAnswers(500, problem(500, "must not be called"));
    renderApp("/signin");
    await fillAndSubmit("", "");
    const username = screen.getByLabelText("ユーザー名");
    expect(username).toHaveAttribute("aria-invalid", "true");
    expect(username).toHaveAccessibleDescription("入力してください。");
    expect(screen.getByLabelText("パスワード")).toHaveAccessibleDescription("入力してください。");
    expect(username).toHaveFocus();
    expect(seen).toEqual([]);
  });

  it.each([
    ["ja", "長すぎます。40文字以内で入力してください。", "入力してください。"],
    ["en", "Too long: at most 40 characters.", "Enter this field."],
  ] as const)("shows the server's field errors next to the fields (%s)", async (lang, tooLong, required) => {
    loginAnswers(
      400,
      problem(400, "The request has invalid fields; see errors.", [
        {
          in: "body",
          field: "username",
          code: "too_big",
          message: "Too big: expected string to have <=40 characters",
        },
        { in: "body", field: "password", code: "too_small", message: "required" },
      ]),
    );
    renderApp("/signin", { lang });
    await fillAndSubmit("someone", "x", lang);
    const username = await screen.findByLabelText(lang === "ja" ? "ユーザー名" : "Username");
    await waitFor(() => expect(username).toHaveAccessibleDescription(tooLong));
    expect(screen.getByLabelText(lang === "ja" ? "パスワード" : "Password")).toHaveAccessibleDescription(
      required,
    );
    expect(username).toHaveValue("someone");
  });

  it.each([
    ["ja", "120", "約2分後にもう一度お試しください。"],
    ["en", "45", "Try again in 45 seconds."],
  ] as const)("says sign-in is throttled, with the wait from Retry-After (%s)", async (lang, wait, text) => {
    loginAnswers(429, problem(429, "Too many failed sign-in attempts."), { "retry-after": wait });
    renderApp("/signin", { lang });
    await fillAndSubmit(editor.username, "whatever", lang);
    expect(await screen.findByRole("alert")).toHaveTextContent(text);
    expect(screen.getByLabelText(lang === "ja" ? "ユーザー名" : "Username")).toHaveValue(editor.username);
  });

  it("is throttled by the mock after repeated failures, as the server is", async () => {
    renderApp("/signin");
    const user = await fillAndSubmit(editor.username, "wrong-1");
    await screen.findByText("ユーザー名またはパスワードが正しくありません。");
    for (let i = 2; i <= 5; i++) {
      await user.clear(screen.getByLabelText("パスワード"));
      await user.type(screen.getByLabelText("パスワード"), `wrong-${i}`);
      await user.click(screen.getByRole("button", { name: "サインイン" }));
    }
    await user.click(screen.getByRole("button", { name: "サインイン" }));
    // The fifth failure from this client makes the next try wait (a second, doubling with each further one).
    expect(
      await screen.findByText(/一時的に受け付けを止めています。(約)?\d+(秒|分)後に/),
    ).toBeInTheDocument();
  });

  it("in real mode tells where the demo credentials come from", async () => {
    renderApp("/signin");
    const hint = await screen.findByRole("region", { name: "アカウントについて" }, SLOW);
    expect(hint).toHaveTextContent("npm start");
  });

  it("in mock mode lists the demo accounts and fills the form with one", async () => {
    renderWithProviders(<SignInForm demoAccounts={[...MOCK_DEMO_USERS]} />, { url: "/signin" });
    const table = screen.getByRole("table", { name: "デモ用アカウント" });
    expect(within(table).getAllByRole("row")).toHaveLength(4);
    await userEvent.click(
      within(table).getByRole("button", { name: "demo-admin(管理者)の内容をフォームに入力する" }),
    );
    expect(screen.getByLabelText("ユーザー名")).toHaveValue("demo-admin");
    expect(screen.getByLabelText("パスワード")).toHaveValue("demo-password-admin");
    expect(screen.queryByText(/npm start/)).not.toBeInTheDocument();
  });
});
