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
  <M,>(
    ns: TPageNamespace | TPageNamespace[],
    load: () => Promise<M>,
    pick: (m: M) => RouteObject["Component"],
  ) =>
  async () => {
    const names = Array.isArray(ns) ? ns : [ns];
    const [m] = await Promise.all([load(), ...names.map((n) => loadNamespace(n))]);
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
          ["overview", "deadlines"],
          () => import("./routes/overview"),
          (m) => m.OverviewRoute,
        ),
      },
      {
        path: "incidents",
        lazy: page(
          ["incidents", "records"],
          () => import("./routes/incidents"),
          (m) => m.IncidentsRoute,
        ),
      },
      {
        path: "incidents/:incidentId",
        lazy: page(
          ["incidents", "editing", "records", "audit", "deadlines"],
          () => import("./routes/incident-detail"),
          (m) => m.IncidentDetailRoute,
        ),
      },
      {
        path: "incidents/new",
        lazy: page(
          ["incidents", "records", "editing"],
          () => import("./routes/incident-edit"),
          (m) => m.IncidentNewRoute,
        ),
      },
      {
        path: "incidents/:incidentId/edit",
        lazy: page(
          ["incidents", "records", "editing"],
          () => import("./routes/incident-edit"),
          (m) => m.IncidentEditRoute,
        ),
      },
      {
        path: "commitments",
        lazy: page(
          ["commitments", "editing", "audit", "deadlines"],
          () => import("./routes/commitments"),
          (m) => m.CommitmentsRoute,
        ),
      },
      {
        path: "vendors",
        lazy: page(
          ["vendors", "records"],
          () => import("./routes/vendors"),
          (m) => m.VendorsRoute,
        ),
      },
      {
        path: "vendors/:vendorId",
        lazy: page(
          ["vendors", "records", "editing", "audit"],
          () => import("./routes/vendor-detail"),
          (m) => m.VendorDetailRoute,
        ),
      },
      {
        path: "vendors/new",
        lazy: page(
          ["vendors", "records", "editing"],
          () => import("./routes/vendor-edit"),
          (m) => m.VendorNewRoute,
        ),
      },
      {
        path: "vendors/:vendorId/edit",
        lazy: page(
          ["vendors", "records", "editing"],
          () => import("./routes/vendor-edit"),
          (m) => m.VendorEditRoute,
        ),
      },
      {
        path: "products/new",
        lazy: page(
          ["vendors", "records", "editing"],
          () => import("./routes/vendor-edit"),
          (m) => m.ProductNewRoute,
        ),
      },
      {
        path: "products/:productId/edit",
        lazy: page(
          ["vendors", "records", "editing"],
          () => import("./routes/vendor-edit"),
          (m) => m.ProductEditRoute,
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
        path: "meetings/new",
        lazy: page(
          ["meetings", "editing", "records"],
          () => import("./routes/meeting-edit"),
          (m) => m.MeetingEditRoute,
        ),
      },
      {
        path: "meetings/:meetingId",
        lazy: page(
          ["meetings", "editing", "audit"],
          () => import("./routes/meeting-detail"),
          (m) => m.MeetingDetailRoute,
        ),
      },
      {
        path: "meetings/:meetingId/edit",
        lazy: page(
          ["meetings", "editing", "records"],
          () => import("./routes/meeting-edit"),
          (m) => m.MeetingEditRoute,
        ),
      },
      {
        path: "meetings/:meetingId/snapshot",
        lazy: page(
          "meetings",
          () => import("./routes/meeting-snapshot"),
          (m) => m.MeetingSnapshotRoute,
        ),
      },
      {
        path: "documents",
        lazy: page(
          ["documents", "records"],
          () => import("./routes/documents"),
          (m) => m.DocumentsRoute,
        ),
      },
      {
        path: "documents/:documentId",
        lazy: page(
          ["documents", "records", "editing", "audit"],
          () => import("./routes/document-detail"),
          (m) => m.DocumentDetailRoute,
        ),
      },
      {
        path: "documents/new",
        lazy: page(
          ["documents", "records", "editing"],
          () => import("./routes/document-edit"),
          (m) => m.DocumentNewRoute,
        ),
      },
      {
        path: "documents/:documentId/edit",
        lazy: page(
          ["documents", "records", "editing"],
          () => import("./routes/document-edit"),
          (m) => m.DocumentEditRoute,
        ),
      },
      {
        path: "import",
        lazy: page(
          ["imports", "editing"],
          () => import("./routes/import"),
          (m) => m.ImportRoute,
        ),
      },
      {
        path: "admin",
        lazy: async () => ({ Component: (await import("./admin-layout")).AdminLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import("./admin-layout")).AdminIndex }) },
          {
            path: "users",
            lazy: page(
              ["users", "deadlines", "editing"],
              () => import("./routes/admin-users"),
              (m) => m.AdminUsersRoute,
            ),
          },
          {
            path: "audit",
            lazy: page(
              "audit",
              () => import("./routes/admin-audit"),
              (m) => m.AdminAuditRoute,
            ),
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);

/** For tests: the same routes at a given URL. */
export const createTestRouter = (url: string) => createMemoryRouter(routes, { initialEntries: [url] });
