import type { QueryClient } from "@tanstack/react-query";
import {
  UNSAFE_createBrowserHistory as createBrowserHistory,
  createMemoryRouter,
  UNSAFE_createRouter as createRouter,
  UNSAFE_hydrationRouteProperties as hydrationRouteProperties,
  type LoaderFunction,
  type LoaderFunctionArgs,
  UNSAFE_mapRouteProperties as mapRouteProperties,
  type RouteObject,
} from "react-router";
import { authQueries } from "@/features/auth/api/queries";
import { hasRole } from "@/features/auth/components/roles";
import { loadNamespace, type TPageNamespace } from "@/i18n/catalog";
import { nextTask } from "@/lib/next-task";
import type { TAccess } from "@/shared/schemas/auth";
import { AppLoading, AppShell } from "./app-shell";
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
    // The router starts every matched page's code and loader in the task it starts in: each goes on in its own.
    await nextTask();
    const names = Array.isArray(ns) ? ns : [ns];
    const [m] = await Promise.all([load(), ...names.map((n) => loadNamespace(n))]);
    return { Component: pick(m) };
  };

/** The header's user menu and role labels need the auth strings on every signed-in page. */
const authStrings = async () => {
  await loadNamespace("auth");
  return null;
};

/**
 * Starts the requests for what a page shows first (src/app/page-data, with the features' own query
 * options). With prefetchQuery, not ensureQueryData: nothing waits for the answer, so a failure is left in
 * the cache for the page to show (prefetchQuery never throws) and data gone stale is fetched again, as
 * the page itself would.
 */
type TPageData = (queryClient: QueryClient, args: LoaderFunctionArgs) => void;

/**
 * A page's loader: its data starts loading together with its code, instead of once the code has arrived
 * and the page has rendered. It starts the requests and returns at once, without waiting for them: every
 * page has its own loading state (sized so nothing moves when the data arrives), so a slow answer never
 * holds a navigation back. Only for a signed-in user whose role may see the page: a visitor without a
 * session gets no request of the record (the shell sends them to sign-in), a role the page refuses gets
 * its 403 page, not a refused request. The session is the one the shell reads (same query, one request).
 */
const prefetching =
  (queryClient: QueryClient) =>
  <M extends Record<K, TPageData>, K extends keyof M>(
    load: () => Promise<M>,
    name: K,
    access: TAccess = "viewer",
  ): LoaderFunction =>
  (args) => {
    // In a task of its own, after the router's (see `page`).
    const started = nextTask()
      .then(() => {
        const role = queryClient.ensureQueryData(authQueries.session()).then(
          (session) => session.user.role,
          () => null,
        );
        return Promise.all([role, load()]);
      })
      .then(
        ([signedIn, pageData]) => {
          if (hasRole(signedIn, access)) pageData[name](queryClient, args);
        },
        // A page-data chunk that fails to load leaves the page to ask for its data itself.
        () => undefined,
      );
    starting.add(started);
    void started.then(() => starting.delete(started));
    return null;
  };

/** Loaders whose page data is still loading (its module), before it has started its requests. */
const starting = new Set<Promise<void>>();

/** Resolves once every loader so far has started its page's requests (app.tsx waits for them). */
export const pageDataStarted = () => Promise.all([...starting]).then(() => undefined);

// Each module of page data is a chunk of its own, small and loaded beside the page's, not after it.
const overviewData = () => import("./page-data/overview");
const incidentsData = () => import("./page-data/incidents");
const commitmentsData = () => import("./page-data/commitments");
const vendorsData = () => import("./page-data/vendors");
const meetingsData = () => import("./page-data/meetings");
const documentsData = () => import("./page-data/documents");
const adminData = () => import("./page-data/admin");
const casesData = () => import("./page-data/cases");

/** The routes, whose loaders fill `queryClient`: the one the app's components read. */
export const appRoutes = (queryClient: QueryClient): RouteObject[] => {
  const prefetch = prefetching(queryClient);
  return [
    {
      // Public: the only page readable without a session, outside the shell (no navigation to refuse).
      path: "/signin",
      errorElement: <RouteError />,
      HydrateFallback: AppLoading,
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
      HydrateFallback: AppLoading,
      loader: authStrings,
      shouldRevalidate: () => false,
      children: [
        {
          index: true,
          loader: prefetch(overviewData, "overviewPage"),
          lazy: page(
            ["overview", "deadlines"],
            () => import("./routes/overview"),
            (m) => m.OverviewRoute,
          ),
        },
        {
          path: "cases",
          loader: prefetch(casesData, "caseList"),
          lazy: page(
            "cases",
            () => import("./routes/cases"),
            (m) => m.CasesRoute,
          ),
        },
        {
          path: "cases/new",
          lazy: page(
            ["cases", "editing"],
            () => import("./routes/case-edit"),
            (m) => m.CaseNewRoute,
          ),
        },
        {
          path: "cases/:caseId",
          loader: prefetch(casesData, "casePage"),
          lazy: page(
            "cases",
            () => import("./routes/case-detail"),
            (m) => m.CaseDetailRoute,
          ),
        },
        {
          path: "cases/:caseId/edit",
          lazy: page(
            ["cases", "editing"],
            () => import("./routes/case-edit"),
            (m) => m.CaseEditRoute,
          ),
        },
        {
          path: "incidents",
          loader: prefetch(incidentsData, "incidentList"),
          lazy: page(
            ["incidents", "records"],
            () => import("./routes/incidents"),
            (m) => m.IncidentsRoute,
          ),
        },
        {
          path: "incidents/:incidentId",
          loader: prefetch(incidentsData, "incidentPage"),
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
          loader: prefetch(commitmentsData, "commitmentTracker"),
          lazy: page(
            ["commitments", "editing", "audit", "deadlines"],
            () => import("./routes/commitments"),
            (m) => m.CommitmentsRoute,
          ),
        },
        {
          path: "vendors",
          loader: prefetch(vendorsData, "vendorScorecards"),
          lazy: page(
            ["vendors", "records"],
            () => import("./routes/vendors"),
            (m) => m.VendorsRoute,
          ),
        },
        {
          path: "vendors/:vendorId",
          loader: prefetch(vendorsData, "vendorPage"),
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
          path: "services/new",
          lazy: page(
            ["vendors", "records", "editing"],
            () => import("./routes/vendor-edit"),
            (m) => m.ServiceNewRoute,
          ),
        },
        {
          path: "services/:serviceId/edit",
          lazy: page(
            ["vendors", "records", "editing"],
            () => import("./routes/vendor-edit"),
            (m) => m.ServiceEditRoute,
          ),
        },
        {
          path: "meetings",
          loader: prefetch(meetingsData, "meetingList"),
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
          loader: prefetch(meetingsData, "meetingPage"),
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
          loader: prefetch(meetingsData, "meetingSnapshot"),
          lazy: page(
            "meetings",
            () => import("./routes/meeting-snapshot"),
            (m) => m.MeetingSnapshotRoute,
          ),
        },
        {
          path: "documents",
          loader: prefetch(documentsData, "documentList"),
          lazy: page(
            ["documents", "records"],
            () => import("./routes/documents"),
            (m) => m.DocumentsRoute,
          ),
        },
        {
          path: "documents/:documentId",
          loader: prefetch(documentsData, "documentPage"),
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
          loader: prefetch(adminData, "importPage", "editor"),
          lazy: page(
            ["imports", "editing"],
            () => import("./routes/import"),
            (m) => m.ImportRoute,
          ),
        },
        {
          path: "account/password",
          lazy: page(
            ["users", "editing"],
            () => import("./routes/account-password"),
            (m) => m.AccountPasswordRoute,
          ),
        },
        {
          path: "admin",
          lazy: async () => ({ Component: (await import("./admin-layout")).AdminLayout }),
          children: [
            { index: true, lazy: async () => ({ Component: (await import("./admin-layout")).AdminIndex }) },
            {
              path: "organisation",
              loader: prefetch(adminData, "organisationPage", "admin"),
              lazy: page(
                ["organisation", "editing"],
                () => import("./routes/admin-organisation"),
                (m) => m.AdminOrganisationRoute,
              ),
            },
            {
              path: "users",
              loader: prefetch(adminData, "usersPage", "admin"),
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
};

/**
 * The app's router in the browser, not started yet: what `createBrowserRouter` does, in two steps (the
 * parts it is made of are react-router's own exports). Made in one task and started (`initialize()`: the
 * first page's routes matched and its loaders run) in the next: each ~10 ms at 1× CPU, where the two
 * together were the longest task of the app's start (20–30 ms, issue 10).
 */
export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({
    history: createBrowserHistory({ window }),
    routes: appRoutes(queryClient),
    mapRouteProperties,
    hydrationRouteProperties,
    window,
  });

/** For tests: the same routes at a given URL. */
export const createTestRouter = (url: string, queryClient: QueryClient) =>
  createMemoryRouter(appRoutes(queryClient), { initialEntries: [url] });
