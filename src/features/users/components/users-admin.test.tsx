import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { mockUsers, signInMock } from "@/mocks/auth-state";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { PROBLEM_CONTENT_TYPE, problem } from "@/shared/http";
import { renderApp } from "@/test/render";

const SLOW = { timeout: 5000 };

const usersTable = () => screen.findByRole("table", { name: /^ユーザー\(\d+名\)$/ }, SLOW);
const rowOf = (table: HTMLElement, username: string) =>
  within(table)
    .getAllByRole("row")
    .find((r) => within(r).queryByText(username, { selector: "code" })) as HTMLElement;
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent);

describe("Users page (/admin/users)", () => {
  beforeEach(() => {
    signInMock("admin");
  });

  it("lists the users with their role, status and creation date", async () => {
    renderApp("/admin/users");
    expect(await screen.findByRole("heading", { level: 1, name: "ユーザー管理" }, SLOW)).toBeInTheDocument();
    const table = await usersTable();
    expect(table).toHaveAccessibleName("ユーザー(3名)");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["ユーザー名", "表示名", "役割", "状態", "作成日", "操作"]);
    expect(cells(rowOf(table, "demo-admin"))).toEqual([
      "demo-admin (あなた)",
      "Demo admin",
      "管理者",
      "有効",
      "2025年9月1日",
      "編集",
    ]);
    expect(cells(rowOf(table, "demo-editor")).slice(0, 4)).toEqual([
      "demo-editor",
      "Demo editor",
      "事務局(編集者)",
      "有効",
    ]);
    expect(cells(rowOf(table, "demo-viewer"))[2]).toBe("閲覧者");
    expect(screen.getByRole("button", { name: "CSVを書き出す" })).toBeInTheDocument();
  });

  it("creates a user, who then appears in the list", async () => {
    const user = userEvent.setup();
    renderApp("/admin/users");
    await usersTable();
    const form = screen.getByRole("form", { name: "ユーザーを追加" });
    await user.type(within(form).getByLabelText("ユーザー名"), "hanako.yamada");
    await user.type(within(form).getByLabelText("表示名"), "山田 花子");
    await user.selectOptions(within(form).getByLabelText("役割"), "事務局(編集者)");
    await user.type(within(form).getByLabelText("初期パスワード"), "a-long-enough-passphrase");
    await user.click(within(form).getByRole("button", { name: "追加する" }));
    expect(await screen.findByText("ユーザー「hanako.yamada」を追加しました。")).toBeInTheDocument();
    await waitFor(async () => expect(await usersTable()).toHaveAccessibleName("ユーザー(4名)"));
    expect(cells(rowOf(await usersTable(), "hanako.yamada")).slice(0, 4)).toEqual([
      "hanako.yamada",
      "山田 花子",
      "事務局(編集者)",
      "有効",
    ]);
    // The form is empty again for the next one.
    expect(within(form).getByLabelText("ユーザー名")).toHaveValue("");
  });

  it("puts each refusal next to its field and keeps what was typed (ja)", async () => {
    const user = userEvent.setup();
    renderApp("/admin/users");
    await usersTable();
    const form = screen.getByRole("form", { name: "ユーザーを追加" });
    await user.type(within(form).getByLabelText("ユーザー名"), "x");
    await user.type(within(form).getByLabelText("初期パスワード"), "short");
    await user.click(within(form).getByRole("button", { name: "追加する" }));
    const username = within(form).getByLabelText("ユーザー名");
    expect(username).toHaveAttribute("aria-invalid", "true");
    expect(username).toHaveAccessibleDescription(
      expect.stringContaining("3〜40文字の半角英小文字・数字と「.」「-」「_」で入力してください"),
    );
    expect(within(form).getByLabelText("表示名")).toHaveAccessibleDescription(
      expect.stringContaining("入力してください。"),
    );
    expect(within(form).getByLabelText("初期パスワード")).toHaveAccessibleDescription(
      expect.stringContaining("12文字以上で入力してください。"),
    );
    expect(username).toHaveFocus();
    expect(username).toHaveValue("x");
    expect(within(form).getByLabelText("初期パスワード")).toHaveValue("short");
  });

  it("says a username is taken, from the server's 409, in English", async () => {
    const user = userEvent.setup();
    renderApp("/admin/users", { lang: "en" });
    await screen.findByRole("table", { name: "Users (3)" }, SLOW);
    const form = screen.getByRole("form", { name: "Add a user" });
    await user.type(within(form).getByLabelText("Username"), "demo-editor");
    await user.type(within(form).getByLabelText("Display name"), "Second editor");
    await user.type(within(form).getByLabelText("Initial password"), "a-long-enough-passphrase");
    await user.click(within(form).getByRole("button", { name: "Add user" }));
    const username = within(form).getByLabelText("Username");
    await waitFor(() =>
      expect(username).toHaveAccessibleDescription(
        expect.stringContaining("This username is already taken."),
      ),
    );
    expect(within(form).getByRole("alert")).toHaveTextContent("Check what you entered");
    expect(within(form).getByLabelText("Display name")).toHaveValue("Second editor");
  });

  it("shows a server error that names no field above the form", async () => {
    server.use(
      http.post(`*${contract.createUser.path}`, () =>
        HttpResponse.json(problem(500, "boom"), {
          status: 500,
          headers: { "content-type": PROBLEM_CONTENT_TYPE },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp("/admin/users");
    await usersTable();
    const form = screen.getByRole("form", { name: "ユーザーを追加" });
    await user.type(within(form).getByLabelText("ユーザー名"), "new-user");
    await user.type(within(form).getByLabelText("表示名"), "New");
    await user.type(within(form).getByLabelText("初期パスワード"), "a-long-enough-passphrase");
    await user.click(within(form).getByRole("button", { name: "追加する" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("保存できませんでした。");
    expect(within(form).getByLabelText("ユーザー名")).toHaveValue("new-user");
  });

  it("on a conflict shows the current record beside the change and re-applies it", async () => {
    const user = userEvent.setup();
    renderApp("/admin/users");
    const table = await usersTable();
    await user.click(within(rowOf(table, "demo-viewer")).getByRole("button", { name: "Demo viewerを編集" }));
    const panel = screen.getByRole("region", { name: "ユーザーを編集:Demo viewer" });
    expect(within(panel).getByRole("heading", { level: 2 })).toHaveFocus();
    // Another administrator renames the user meanwhile (the version moves on).
    const other = mockUsers().find((u) => u.username === "demo-viewer");
    if (!other) throw new Error("no demo-viewer");
    other.displayName = "理事 A";
    other.version += 1;
    await user.selectOptions(within(panel).getByLabelText("役割"), "事務局(編集者)");
    await user.click(within(panel).getByRole("button", { name: "変更を保存" }));

    const conflict = await within(panel).findByRole("region", {
      name: "このユーザーは、ほかの人が先に変更しました",
    });
    const compare = within(conflict).getByRole("table", { name: "現在の内容とあなたの変更" });
    const row = (name: string) =>
      within(compare).getByRole("rowheader", { name }).closest("tr") as HTMLElement;
    expect(cells(row("表示名"))).toEqual(["理事 A", "(変更なし)"]);
    expect(cells(row("役割"))).toEqual(["閲覧者", "事務局(編集者)"]);
    // Nothing was overwritten yet.
    expect(other.role).toBe("viewer");

    await user.click(within(conflict).getByRole("button", { name: "自分の変更を再適用する" }));
    expect(await screen.findByText("「demo-viewer」の変更を保存しました。")).toBeInTheDocument();
    expect(other.role).toBe("editor");
    expect(other.displayName).toBe("理事 A");
    await waitFor(async () =>
      expect(cells(rowOf(await usersTable(), "demo-viewer")).slice(1, 3)).toEqual([
        "理事 A",
        "事務局(編集者)",
      ]),
    );
    expect(screen.queryByRole("region", { name: /ユーザーを編集/ })).not.toBeInTheDocument();
  });

  it("on a conflict can drop the change and start from the current record", async () => {
    const user = userEvent.setup();
    renderApp("/admin/users");
    const table = await usersTable();
    await user.click(within(rowOf(table, "demo-editor")).getByRole("button", { name: "Demo editorを編集" }));
    const panel = screen.getByRole("region", { name: "ユーザーを編集:Demo editor" });
    const other = mockUsers().find((u) => u.username === "demo-editor");
    if (!other) throw new Error("no demo-editor");
    other.disabled = true;
    other.version += 1;
    await user.clear(within(panel).getByLabelText("表示名"));
    await user.type(within(panel).getByLabelText("表示名"), "Secretariat");
    await user.click(within(panel).getByRole("button", { name: "変更を保存" }));
    const conflict = await within(panel).findByRole("region", {
      name: "このユーザーは、ほかの人が先に変更しました",
    });
    await user.click(within(conflict).getByRole("button", { name: "自分の変更を破棄する" }));
    expect(within(panel).getByLabelText("表示名")).toHaveValue("Demo editor");
    expect(within(panel).getByLabelText(/このアカウントを無効にする/)).toBeChecked();
    expect(other.displayName).toBe("Demo editor");
  });

  it("refuses to leave no administrator, next to the field", async () => {
    const user = userEvent.setup();
    renderApp("/admin/users");
    const table = await usersTable();
    await user.click(within(rowOf(table, "demo-admin")).getByRole("button", { name: "Demo adminを編集" }));
    const panel = screen.getByRole("region", { name: "ユーザーを編集:Demo admin" });
    await user.click(within(panel).getByLabelText(/このアカウントを無効にする/));
    await user.click(within(panel).getByRole("button", { name: "変更を保存" }));
    const box = within(panel).getByLabelText(/このアカウントを無効にする/);
    await waitFor(() =>
      expect(box).toHaveAccessibleDescription(expect.stringContaining("有効な管理者が一人もいなくなる")),
    );
    expect(box).toBeChecked();
  });

  it("resets a password without showing the old one", async () => {
    const user = userEvent.setup();
    renderApp("/admin/users");
    const table = await usersTable();
    await user.click(within(rowOf(table, "demo-viewer")).getByRole("button", { name: "Demo viewerを編集" }));
    const panel = screen.getByRole("region", { name: "ユーザーを編集:Demo viewer" });
    await user.type(within(panel).getByLabelText(/新しいパスワード/), "another-long-passphrase");
    await user.click(within(panel).getByRole("button", { name: "変更を保存" }));
    expect(await screen.findByText("「demo-viewer」の変更を保存しました。")).toBeInTheDocument();
    expect(mockUsers().find((u) => u.username === "demo-viewer")?.password).toBe("another-long-passphrase");
  });
});
