import type { QueryClient } from "@tanstack/react-query";
import { authQueries } from "@/features/auth/api/queries";
import { bootSession, setCsrfToken } from "@/lib/api-client";
import type { TSession } from "@/shared/schemas/auth";

/*
 * The session the HTML came with (src/server/boot.ts) goes into the cache before the router starts, so
 * no page waits for GET /auth/session before it asks for its data: the route loaders read it at once.
 * The first screen's answers need no seeding here: the requests for them find them (src/lib/api-client.ts).
 */
export const seedSession = (queryClient: QueryClient) => {
  const session = bootSession() as TSession | null;
  if (!session) return;
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(authQueries.session().queryKey, session);
};
