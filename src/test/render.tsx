import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { AppProviders } from "@/app/providers";
import { createTestRouter } from "@/app/router";
import type { TLang } from "@/i18n/catalog";

/** A fresh client per test, no retries: a failing request shows its error state at once. */
export const createTestQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } } });

/** Renders one component with providers and a router (for Links), at an optional URL. */
export const renderWithProviders = (ui: ReactNode, { url = "/", lang = "ja" as TLang } = {}) => {
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter([{ path: "*", element: ui }], { initialEntries: [url] });
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

/** Renders the whole app (shell and lazy routes) at a URL. */
export const renderApp = (url: string, { lang = "ja" as TLang } = {}) => {
  const queryClient = createTestQueryClient();
  const router = createTestRouter(url, queryClient);
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
