import { type DefaultOptions, MutationCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";

export type TMutationMeta = {
  /**
   * Whether a success makes the cached reads stale. Unset, it makes all of them stale (see
   * `invalidateAfterWrite`); "none" for a mutation that stores nothing a page shows, or that sets the
   * cache itself (signing in starts it afresh).
   */
  invalidates?: "none";
};

declare module "@tanstack/react-query" {
  // biome-ignore lint/style/useConsistentTypeDefinitions: a module augmentation merges into an interface
  interface Register {
    mutationMeta: TMutationMeta;
  }
}

/** A dry run (the import's check) stores nothing: nothing to read again. */
const isDryRun = (variables: unknown) =>
  typeof variables === "object" && variables !== null && "dryRun" in variables && variables.dryRun === true;

/*
 * After every successful write, every query is read again (the active ones now, the others when next
 * shown): a write to the record moves figures on many pages (the overview, the scorecards, the deadlines,
 * the meetings' comparisons, the audit log), and the record is small, so refreshing everything is both
 * the simplest rule and always right. The one place this is done: mutations do not invalidate themselves.
 * The mutation stays pending until the active queries have been read again, so what follows a save
 * (a page it navigates to, a "saved" note) already shows the change.
 */
const invalidateAfterWrite = () =>
  new MutationCache({
    onSuccess: (_data, variables, _result, _mutation, { client, meta }) => {
      if (meta?.invalidates === "none" || isDryRun(variables)) return;
      return client.invalidateQueries();
    },
  });

/** The record changes between meetings, not by the second: cache generously, never retry a 4xx. */
const APP_QUERY_DEFAULTS: DefaultOptions["queries"] = {
  staleTime: 60_000,
  gcTime: 10 * 60_000,
  refetchOnWindowFocus: false,
  retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
};

/** The app's client; tests pass their own query defaults and keep the same handling of writes. */
export const createQueryClient = (queries: DefaultOptions["queries"] = APP_QUERY_DEFAULTS) =>
  new QueryClient({ mutationCache: invalidateAfterWrite(), defaultOptions: { queries } });

/** Resolves once no query of `queryClient` is fetching (at once if none is). */
export const nothingFetching = (queryClient: QueryClient) =>
  new Promise<void>((resolve) => {
    if (queryClient.isFetching() === 0) return resolve();
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() > 0) return;
      stop();
      resolve();
    });
  });
