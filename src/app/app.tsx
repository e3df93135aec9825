import { RouterProvider } from "react-router";
import { setTerms } from "@/i18n/i18n";
import { nextTask } from "@/lib/next-task";
import { createQueryClient, nothingFetching } from "@/lib/query-client";
import { referenceQueries } from "@/lib/reference-queries";
import { seedSession } from "./boot";
import { termsOf } from "./organisation-terms";
import { AppProviders } from "./providers";
import { createAppRouter, pageDataStarted } from "./router";

// One client for the components and the route loaders, which fill it before a page renders.
const queryClient = createQueryClient();
let seeded = false;
const seedOnce = () => {
  if (!seeded) seedSession(queryClient);
  seeded = true;
};
let router: ReturnType<typeof createAppRouter> | undefined;
let routerStarted = false;
/*
 * Made on first use, not as the entry runs, and started (the first page's routes matched, its loaders
 * run) apart from being made: over the server's page each step is a task of its own (`initialized`)
 * rather than part of one ~40 ms task with the entry's own code. The session from the HTML is in the
 * cache before the router starts, so no loader asks the server for it.
 */
const madeRouter = () => {
  seedOnce();
  router ??= createAppRouter(queryClient);
  return router;
};
const appRouter = () => {
  const made = madeRouter();
  if (!routerStarted) made.initialize();
  routerStarted = true;
  return made;
};

export const App = () => (
  <AppProviders queryClient={queryClient}>
    <RouterProvider router={appRouter()} />
  </AppProviders>
);

/** Longest wait for the page's code and answers before adopting the server's page anyway. */
const READY_WITHIN_MS = 5000;

const initialized = async () => {
  // The HTML's data is read, the router made, and started, each in a task of its own (see appRouter).
  await nextTask();
  seedOnce();
  await nextTask();
  madeRouter();
  await nextTask();
  const started = appRouter();
  return new Promise<void>((resolve) => {
    if (started.state.initialized) return resolve();
    const stop = started.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
};

/**
 * Resolves once the first page's code is in and its requests have settled (or after READY_WITHIN_MS).
 * When the server drew the page (src/app/render-first-screen.tsx), the browser adopts it only then, with
 * every answer the server drew it from: adopted earlier, React would find other text (a loading state)
 * and draw the page again.
 */
export const appReady = async () => {
  const ready = initialized()
    .then(pageDataStarted)
    .then(() => nothingFetching(queryClient));
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, READY_WITHIN_MS))]);
  // The organisation's words, as the server used them.
  const organisation = queryClient.getQueryData(referenceQueries.organisation().queryKey);
  if (organisation) setTerms(termsOf(organisation));
};
