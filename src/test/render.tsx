import type { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { seedSession } from "@/app/boot";
import { AppProviders } from "@/app/providers";
import { createTestRouter } from "@/app/router";
import type { TLang } from "@/i18n/catalog";
import { createQueryClient } from "@/lib/query-client";

/**
 * A fresh client per test, no retries: a failing request shows its error state at once. It is the app's
 * client otherwise, so a write refreshes what it does in the app.
 */
export const createTestQueryClient = () =>
  createQueryClient({ retry: false, gcTime: Number.POSITIVE_INFINITY });

type TRouter = Parameters<typeof RouterProvider>[0]["router"];

/** Renders a router's page inside the app's providers, with a fresh client (which the router may use). */
const renderRouter = (
  makeRouter: (queryClient: QueryClient) => TRouter,
  lang: TLang,
  queryClient: QueryClient = createTestQueryClient(),
) => {
  const router = makeRouter(queryClient);
  return {
    queryClient,
    router,
    ...render(
      <AppProviders queryClient={queryClient} lang={lang}>
        <RouterProvider router={router} />
      </AppProviders>,
    ),
  };
};

/** Renders routes of a test's own with providers, at an optional URL, with a fresh client (or the one given). */
export const renderRoutes = (
  routes: Parameters<typeof createMemoryRouter>[0],
  {
    url = "/",
    lang = "ja" as TLang,
    queryClient,
  }: { url?: string; lang?: TLang; queryClient?: QueryClient } = {},
) => renderRouter(() => createMemoryRouter(routes, { initialEntries: [url] }), lang, queryClient);

/** Renders one component with providers and a router (for Links), at an optional URL. */
export const renderWithProviders = (ui: ReactNode, { url = "/", lang = "ja" as TLang } = {}) =>
  renderRoutes([{ path: "*", element: ui }], { url, lang });

/** Renders the whole app (shell and lazy routes) at a URL. */
export const renderApp = (
  url: string,
  {
    lang = "ja" as TLang,
    appCache = false,
  }: {
    lang?: TLang;
    /** The app's own cache settings (answers fresh for a minute) instead of the tests' (always stale). */
    appCache?: boolean;
  } = {},
) =>
  renderRouter(
    (queryClient) => {
      // As src/app/app.tsx does: a session the HTML carried is in the cache before the router starts.
      seedSession(queryClient);
      return createTestRouter(url, queryClient);
    },
    lang,
    appCache ? createQueryClient() : createTestQueryClient(),
  );
