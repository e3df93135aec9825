import { waitFor } from "@testing-library/react";
import type { LoaderFunction, LoaderFunctionArgs, RouteObject } from "react-router";
import { caseQueries } from "@/features/cases/api/queries";
import { incidentQueries, parseFilters } from "@/features/incidents/api/queries";
import { signInMock, signOutMock } from "@/mocks/auth-state";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { createTestQueryClient } from "@/test/render";
import { appRoutes } from "./router";

/*
 * The routes' loaders start the data a page shows first while its code loads, and return at once; for a
 * visitor without a session, or a role the page refuses, they ask for nothing.
 */

/** The route at `path` (a child's path as written in the router; "" for the overview's index route). */
const routeAt = (routes: RouteObject[], path: string): RouteObject | undefined => {
  for (const route of routes) {
    if ((route.index && path === "") || route.path === path) return route;
    const found = routeAt(route.children ?? [], path);
    if (found) return found;
  }
  return undefined;
};

/** Runs the loader of the route at `path` for the address `url`, as the router would. */
const load = (path: string, url: string, params: Record<string, string> = {}) => {
  const queryClient = createTestQueryClient();
  const loader = routeAt(appRoutes(queryClient), path)?.loader as LoaderFunction;
  const args = { request: new Request(new URL(url, "http://localhost")), params, context: {} };
  const returned = loader(args as unknown as LoaderFunctionArgs);
  return { queryClient, returned };
};

/** The API paths requested while `run` runs and settles. */
const requestsDuring = async (run: () => Promise<void>) => {
  const seen: string[] = [];
  server.events.on("request:start", ({ request }) => {
    seen.push(new URL(request.url).pathname);
  });
  try {
    await run();
  } finally {
    server.events.removeAllListeners();
  }
  return seen;
};

describe("route loaders", () => {
  it("start the page's data without waiting for it", async () => {
    signInMock("viewer");
    const { queryClient, returned } = load("incidents/:incidentId", "/incidents/inc-1", {
      incidentId: "inc-1",
    });
    expect(returned).toBeNull();
    await waitFor(() =>
      expect(queryClient.getQueryState(incidentQueries.detail("inc-1").queryKey)?.status).toBe("success"),
    );
  });

  it("ask for the list with the filters in the address, as the page reads them", async () => {
    signInMock("viewer");
    const search = "?category=billing_error&year=2025&status=nope";
    const { queryClient } = load("incidents", `/incidents${search}`);
    const { queryKey } = incidentQueries.list(parseFilters(new URLSearchParams(search)));
    expect(queryKey).toContainEqual({ category: "billing_error", fiscalYear: 2025 });
    await waitFor(() => expect(queryClient.getQueryState(queryKey)?.status).toBe("success"));
  });

  it("ask for nothing of the record without a session", async () => {
    signOutMock();
    const seen = await requestsDuring(async () => {
      const { queryClient } = load("", "/");
      await waitFor(() => expect(queryClient.getQueryState(["auth", "session"])?.status).toBe("error"));
      // Long enough for a request the loader would start after the session's answer.
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(seen).toEqual([contract.getSession.path]);
  });

  it("ask for nothing a role may not see", async () => {
    signInMock("viewer");
    const seen = await requestsDuring(async () => {
      const { queryClient } = load("users", "/admin/users");
      await waitFor(() => expect(queryClient.getQueryState(["auth", "session"])?.status).toBe("success"));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(seen).toEqual([contract.getSession.path]);
  });

  it("start the cases of the status in the address, and a case's figures and incidents", async () => {
    signInMock("viewer");
    const list = load("cases", "/cases?status=closed&status=bogus");
    await waitFor(() =>
      expect(list.queryClient.getQueryState(caseQueries.list("closed").queryKey)?.status).toBe("success"),
    );
    const page = load("cases/:caseId", "/cases/case-2025-insurance", { caseId: "case-2025-insurance" });
    for (const query of [
      caseQueries.detail("case-2025-insurance"),
      caseQueries.figures("case-2025-insurance"),
      caseQueries.incidents("case-2025-insurance"),
    ]) {
      await waitFor(() => expect(page.queryClient.getQueryState(query.queryKey)?.status).toBe("success"));
    }
  });

  it("start the organisation's settings for an administrator only", async () => {
    signInMock("editor");
    const seen = await requestsDuring(async () => {
      const { queryClient } = load("organisation", "/admin/organisation");
      await waitFor(() => expect(queryClient.getQueryState(["auth", "session"])?.status).toBe("success"));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(seen).toEqual([contract.getSession.path]);
    signInMock("admin");
    const { queryClient } = load("organisation", "/admin/organisation");
    await waitFor(() =>
      expect(queryClient.getQueryState(["reference", "organisation"])?.status).toBe("success"),
    );
  });
});
