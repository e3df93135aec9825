import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiSend, setCsrfToken, type TBodyOf } from "@/lib/api-client";

/*
 * The session: who is signed in, in which role, and the CSRF token every write must carry. The server
 * keeps it (an HttpOnly cookie names it); the client only asks.
 */
export const authQueries = {
  all: () => ["auth"] as const,
  session: () =>
    queryOptions({
      queryKey: [...authQueries.all(), "session"] as const,
      queryFn: async ({ signal }) => {
        const session = await apiGet("getSession", { signal });
        setCsrfToken(session.csrfToken);
        return session;
      },
      // A route's loader may have asked first (src/app/router.tsx): its "no session" stands for the shell
      // that mounts after it, instead of a second request with the same answer. Signing in sets the query.
      retryOnMount: false,
    }),
};

export const authMutations = {
  login: () =>
    mutationOptions({
      mutationKey: [...authQueries.all(), "login"] as const,
      // The sign-in form starts the cache afresh for the new user: nothing to refresh before that.
      meta: { invalidates: "none" },
      mutationFn: async (body: TBodyOf<"login">) => {
        const session = await apiSend("login", { body });
        setCsrfToken(session.csrfToken);
        return session;
      },
    }),
};
