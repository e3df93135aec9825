import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Outlet, type RouteObject } from "react-router";
import { createTestQueryClient, renderRoutes } from "@/test/render";
import { UserMenu } from "./user-menu";

const USER = { id: "usr-1", username: "demo-editor", displayName: "Demo editor", role: "editor" } as const;

/** A shell with the menu over its pages; `signinInside` puts the sign-in page inside it too. */
const mount = (signinInside: boolean) => {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(["seen"], "what the signed-in user saw");
  const shell = (
    <>
      <UserMenu user={USER} />
      <Outlet />
    </>
  );
  const signin: RouteObject = { path: "/signin", element: <h1>signin</h1> };
  const pages: RouteObject[] = [{ index: true, element: <h1>page</h1> }, ...(signinInside ? [signin] : [])];
  const { router, unmount } = renderRoutes(
    [{ path: "/", element: shell, children: pages }, ...(signinInside ? [] : [signin])],
    {
      queryClient,
    },
  );
  return { queryClient, router, unmount };
};

describe("signing out", () => {
  it("goes to sign-in with its notice, and forgets what the user saw once the shell has gone", async () => {
    const { queryClient, router } = mount(false);
    await userEvent.click(screen.getByRole("button", { name: "サインアウト" }));
    expect(await screen.findByRole("heading", { name: "signin" })).toBeInTheDocument();
    expect(router.state.location.state).toEqual({ reason: "signedOut" });
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toEqual([]));
  });

  it("keeps the cache while the shell is still on the screen: its reads would otherwise ask the ended session again", async () => {
    const { queryClient, unmount } = mount(true);
    await userEvent.click(screen.getByRole("button", { name: "サインアウト" }));
    expect(await screen.findByRole("heading", { name: "signin" })).toBeInTheDocument();
    expect(queryClient.getQueryData(["seen"])).toBe("what the signed-in user saw");
    unmount();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});
