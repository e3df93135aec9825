import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { authQueries } from "@/features/auth/api/queries";
import { loadLanguage, type TLang } from "@/i18n/catalog";
import { setTerms } from "@/i18n/i18n";
import { setBootData } from "@/lib/api-client";
import { FirstScreenOnly } from "@/lib/first-screen-only";
import { createQueryClient, nothingFetching } from "@/lib/query-client";
import { referenceQueries } from "@/lib/reference-queries";
import type { TBootData } from "@/shared/boot-key";
import type { TSession } from "@/shared/schemas/auth";
import { termsOf } from "./organisation-terms";
import { AppProviders } from "./providers";
import { appRoutes, pageDataStarted } from "./router";

/*
 * The first screen as HTML, drawn on the server by the app's own components from the answers the server
 * already puts in the page (src/server/boot.ts): the board reads the headline figures as soon as the HTML
 * and the styles arrive, before any script has run. Built for Node by `vite build --ssr` (see
 * package.json); the server loads it from the build and calls it for a signed-in reader's "/" only.
 * The browser adopts the drawn page (src/app/start.tsx: hydration, with the same first-screen-only tree).
 *
 * The app keeps a few things per process that are per reader here: the answers its requests take first
 * (src/lib/api-client.ts), the language pages load in and the organisation's words. Renders therefore
 * run one at a time, each setting them and clearing them before the next starts; a render takes a few
 * milliseconds, as every answer is already in hand.
 */

export type TFirstScreenInput = {
  /** The address asked for, absolute. */
  url: string;
  /** The reader's session and answers, as src/server/boot.ts made them for this request. */
  boot: TBootData;
  lang: TLang;
};

/** The page this draws, as the client build's manifest names it (the server links its styles). */
export const FIRST_SCREEN_MODULE = "src/app/routes/overview.tsx";
/** The code the app runs for it (its route and its data), fetched with the entry once the page shows. */
export const FIRST_SCREEN_CODE = [FIRST_SCREEN_MODULE, "src/app/page-data/overview.ts"];

let queue: Promise<unknown> = Promise.resolve();

const oneAtATime = <T,>(work: () => Promise<T>): Promise<T> => {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
};

/**
 * The page's markup (what goes inside `#root`), or null when it cannot be drawn whole from the answers
 * in hand (an answer missing or refused, another page, a redirect): the browser then draws it as before.
 */
export const renderFirstScreen = ({ url, boot, lang }: TFirstScreenInput): Promise<string | null> =>
  oneAtATime(async () => {
    const session = boot.session as TSession | null;
    if (!session) return null;
    if (new URL(url).pathname !== "/") return null;
    const request = new Request(url);
    // Never asks the server: every request the page makes must be among the answers, or nothing is drawn.
    const queryClient = createQueryClient({ staleTime: Number.POSITIVE_INFINITY, retry: false });
    queryClient.setQueryData(authQueries.session().queryKey, session);
    setBootData(boot, { answersOnly: true });
    try {
      await loadLanguage(lang);
      const handler = createStaticHandler(appRoutes(queryClient));
      const context = await handler.query(request);
      if (context instanceof Response || context.errors) return null;
      // The route's loader has started the page's requests, which the answers in hand serve.
      await pageDataStarted();
      await nothingFetching(queryClient);
      const queries = queryClient.getQueryCache().getAll();
      if (queries.some((q) => q.state.status !== "success")) return null;
      const organisation = queryClient.getQueryData(referenceQueries.organisation().queryKey);
      setTerms(organisation ? termsOf(organisation) : null);
      const router = createStaticRouter(handler.dataRoutes, context);
      return renderToString(
        <AppProviders queryClient={queryClient} lang={lang}>
          <FirstScreenOnly.Provider value={true}>
            <StaticRouterProvider router={router} context={context} hydrate={false} />
          </FirstScreenOnly.Provider>
        </AppProviders>,
      );
    } finally {
      setBootData(null);
      setTerms(null);
      queryClient.clear();
    }
  });
