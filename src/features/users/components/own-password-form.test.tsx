import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MOCK_DEMO_USERS } from "@/mocks/auth-state";
import { renderWithProviders } from "@/test/render";
import { OwnPasswordForm } from "./own-password-form";

const editor = MOCK_DEMO_USERS.find((u) => u.role === "editor") as (typeof MOCK_DEMO_USERS)[number];

describe("OwnPasswordForm", () => {
  it("changes the signed-in user's password, and says the other sign-ins ended", async () => {
    const user = userEvent.setup();
    renderWithProviders(<OwnPasswordForm />, { url: "/account/password" });
    await user.type(await screen.findByLabelText("現在のパスワード"), editor.password);
    await user.type(screen.getByLabelText(/^新しいパスワード/), "a long memorable phrase 2026");
    await user.click(screen.getByRole("button", { name: "パスワードを変更する" }));
    expect(await screen.findByRole("status")).toHaveTextContent("パスワードを変更しました");
  });

  it("keeps what was typed and names the field when the current password is wrong or the new one too weak", async () => {
    const user = userEvent.setup();
    renderWithProviders(<OwnPasswordForm />, { url: "/account/password" });
    await user.type(await screen.findByLabelText("現在のパスワード"), "not the password");
    await user.type(screen.getByLabelText(/^新しいパスワード/), "aaaaaaaaaaaa");
    await user.click(screen.getByRole("button", { name: "パスワードを変更する" }));
    // The schema's own rule, before anything is sent.
    expect(await screen.findByText(/5種類以上の文字/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^新しいパスワード/));
    await user.type(screen.getByLabelText(/^新しいパスワード/), "a long memorable phrase 2026");
    await user.click(screen.getByRole("button", { name: "パスワードを変更する" }));
    expect(await screen.findByText("現在のパスワードが正しくありません。")).toBeInTheDocument();
    expect(screen.getByLabelText("現在のパスワード")).toHaveValue("not the password");
  });
});
