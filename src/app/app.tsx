import { RouterProvider } from "react-router";
import { setTerms } from "@/i18n/i18n";
import { createQueryClient } from "@/lib/query-client";
import { referenceQueries } from "@/lib/reference-queries";
import { seedSession } from "./boot";
import { termsOf } from "./organisation-terms";
import { AppProviders } from "./providers";
import { createAppRouter } from "./router";

// One client for the components and the route loaders, which fill it before a page renders.
const queryClient = createQueryClient();
seedSession(queryClient);
const router = createAppRouter(queryClient);

export const App = () => (
  <AppProviders queryClient={queryClient}>
    <RouterProvider router={router} />
  </AppProviders>
);

/** Longest wait for the page's code and answers before drawing over the server's page anyway. */
const READY_WITHIN_MS = 5000;

/**
 * Resolves once the first page's code is in and its requests have settled (or after READY_WITHIN_MS).
 * When the server drew the page (src/app/render-first-screen.tsx), the browser draws over it only then,
 * in one go: drawn earlier, the reader would see the page give way to its loading state and come back.
 */
export const appReady = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, READY_WITHIN_MS);
    let unsubscribe = () => {};
    function done() {
      clearTimeout(timer);
      unsubscribe();
      // The organisation's words, as the server used them: the page is adopted, not drawn again.
      const organisation = queryClient.getQueryData(referenceQueries.organisation().queryKey);
      if (organisation) setTerms(termsOf(organisation));
      resolve();
    }
    const check = () => {
      if (!router.state.initialized || router.state.navigation.state !== "idle") return;
      // The loader starts the page's requests as soon as its page-data module is in; give it that turn.
      setTimeout(() => {
        if (queryClient.isFetching() === 0) done();
        else {
          const stop = queryClient.getQueryCache().subscribe(() => {
            if (queryClient.isFetching() === 0) {
              stop();
              done();
            }
          });
        }
      }, 0);
    };
    unsubscribe = router.subscribe(check);
    check();
  });
