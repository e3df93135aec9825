import { screen } from "@testing-library/react";
import { signInMock } from "@/mocks/auth-state";
import type { TAccess } from "@/shared/schemas/auth";
import { renderWithProviders } from "@/test/render";
import { RequireRole } from "./require-role";
import { useHasRole, useSession } from "./use-session";

const Probe = ({ needed }: { needed: TAccess }) => {
  const role = useSession().data?.user.role ?? "unknown";
  return <p>{`${role}: ${useHasRole(needed) ? "may" : "may not"}`}</p>;
};

describe("RequireRole and useHasRole", () => {
  it("show an editor what needs an editor, and the 403 page for what needs an admin", async () => {
    renderWithProviders(
      <>
        <RequireRole atLeast="editor">
          <button type="button">Record a refund</button>
        </RequireRole>
        <RequireRole atLeast="admin">
          <button type="button">Manage users</button>
        </RequireRole>
      </>,
    );
    expect(await screen.findByRole("button", { name: "Record a refund" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Manage users" })).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "この画面を見る権限がありません" })).toBeInTheDocument();
  });

  it("hide a control from a viewer without a 403 when the fallback is null", async () => {
    signInMock("viewer");
    renderWithProviders(
      <>
        <RequireRole atLeast="editor" fallback={null}>
          <button type="button">Record a refund</button>
        </RequireRole>
        <Probe needed="viewer" />
      </>,
    );
    expect(await screen.findByText("viewer: may")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByRole("heading")).not.toBeInTheDocument();
  });

  it("say no while the session is unknown, and to a role too low", async () => {
    signInMock("viewer");
    renderWithProviders(<Probe needed="editor" />);
    expect(screen.getByText("unknown: may not")).toBeInTheDocument();
    expect(await screen.findByText("viewer: may not")).toBeInTheDocument();
  });
});
