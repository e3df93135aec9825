import { createBrowserRouter, createMemoryRouter, type RouteObject } from "react-router";
import { AppShell } from "./app-shell";
import { NotFoundPage } from "./routes/not-found";
import { RouteError } from "./routes/route-error";

/*
 * Every page is its own chunk (route.lazy), so the first screen loads only the shell and the overview.
 * Every page and filter has its own URL: filters live in the query string.
 */
export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: () => import("./routes/overview").then((m) => ({ Component: m.OverviewRoute })) },
      {
        path: "incidents",
        lazy: () => import("./routes/incidents").then((m) => ({ Component: m.IncidentsRoute })),
      },
      {
        path: "incidents/:incidentId",
        lazy: () => import("./routes/incident-detail").then((m) => ({ Component: m.IncidentDetailRoute })),
      },
      {
        path: "commitments",
        lazy: () => import("./routes/commitments").then((m) => ({ Component: m.CommitmentsRoute })),
      },
      {
        path: "vendors",
        lazy: () => import("./routes/vendors").then((m) => ({ Component: m.VendorsRoute })),
      },
      {
        path: "vendors/:vendorId",
        lazy: () => import("./routes/vendor-detail").then((m) => ({ Component: m.VendorDetailRoute })),
      },
      {
        path: "meetings",
        lazy: () => import("./routes/meetings").then((m) => ({ Component: m.MeetingsRoute })),
      },
      {
        path: "meetings/:meetingId",
        lazy: () => import("./routes/meeting-detail").then((m) => ({ Component: m.MeetingDetailRoute })),
      },
      {
        path: "documents",
        lazy: () => import("./routes/documents").then((m) => ({ Component: m.DocumentsRoute })),
      },
      {
        path: "documents/:documentId",
        lazy: () => import("./routes/document-detail").then((m) => ({ Component: m.DocumentDetailRoute })),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);

/** For tests: the same routes at a given URL. */
export const createTestRouter = (url: string) => createMemoryRouter(routes, { initialEntries: [url] });
