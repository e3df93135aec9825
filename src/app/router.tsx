import { createBrowserRouter, createMemoryRouter, type RouteObject } from "react-router";
import { loadNamespace, type TPageNamespace } from "@/i18n/catalog";
import { AppShell } from "./app-shell";
import { NotFoundPage } from "./routes/not-found";
import { RouteError } from "./routes/route-error";

/*
 * Every page is its own chunk (route.lazy), so the first screen loads only the shell and the overview.
 * Every page and filter has its own URL: filters live in the query string.
 */
/** A page's chunk and its strings load together, so a page never renders untranslated keys. */
const page =
  <M,>(ns: TPageNamespace, load: () => Promise<M>, pick: (m: M) => RouteObject["Component"]) =>
  async () => {
    const [m] = await Promise.all([load(), loadNamespace(ns)]);
    return { Component: pick(m) };
  };

/** The header's user menu and role labels need the auth strings on every signed-in page. */
const authStrings = async () => {
  await loadNamespace("auth");
  return null;
};

export const routes: RouteObject[] = [
  {
    // Public: the only page readable without a session, outside the shell (no navigation to refuse).
    path: "/signin",
    errorElement: <RouteError />,
    lazy: page(
      "auth",
      () => import("./routes/sign-in"),
      (m) => m.SignInRoute,
    ),
  },
  {
    path: "/",
    element: <AppShell />,
    errorElement: <RouteError />,
    loader: authStrings,
    shouldRevalidate: () => false,
    children: [
      {
        index: true,
        lazy: page(
          "overview",
          () => import("./routes/overview"),
          (m) => m.OverviewRoute,
        ),
      },
      {
        path: "incidents",
        lazy: page(
          "incidents",
          () => import("./routes/incidents"),
          (m) => m.IncidentsRoute,
        ),
      },
      {
        path: "incidents/:incidentId",
        lazy: page(
          "incidents",
          () => import("./routes/incident-detail"),
          (m) => m.IncidentDetailRoute,
        ),
      },
      {
        path: "commitments",
        lazy: page(
          "commitments",
          () => import("./routes/commitments"),
          (m) => m.CommitmentsRoute,
        ),
      },
      {
        path: "vendors",
        lazy: page(
          "vendors",
          () => import("./routes/vendors"),
          (m) => m.VendorsRoute,
        ),
      },
      {
        path: "vendors/:vendorId",
        lazy: page(
          "vendors",
          () => import("./routes/vendor-detail"),
          (m) => m.VendorDetailRoute,
        ),
      },
      {
        path: "meetings",
        lazy: page(
          "meetings",
          () => import("./routes/meetings"),
          (m) => m.MeetingsRoute,
        ),
      },
      {
        path: "meetings/:meetingId",
        lazy: page(
          "meetings",
          () => import("./routes/meeting-detail"),
          (m) => m.MeetingDetailRoute,
        ),
      },
      {
        path: "documents",
        lazy: page(
          "documents",
          () => import("./routes/documents"),
          (m) => m.DocumentsRoute,
        ),
      },
      {
        path: "documents/:documentId",
        lazy: page(
          "documents",
          () => import("./routes/document-detail"),
          (m) => m.DocumentDetailRoute,
        ),
      },
      {
        path: "admin/users",
        lazy: page(
          "users",
          () => import("./routes/admin-users"),
          (m) => m.AdminUsersRoute,
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);

/** For tests: the same routes at a given URL. */
export const createTestRouter = (url: string) => createMemoryRouter(routes, { initialEntries: [url] });
