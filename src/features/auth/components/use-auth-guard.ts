import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useLocation, useNavigate, useNavigation } from "react-router";
import { ApiError } from "@/lib/api-client";
import { authQueries } from "../api/queries";
import { signInPath, type TSignInState } from "./roles";
import { useSession } from "./use-session";

const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * For the app shell: loads the session and says where to send a visitor who has none. Any later 401
 * (the session expired or was ended elsewhere) also goes to sign-in, back to this page afterwards.
 */
export const useAuthGuard = () => {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  const hereRef = useRef(here);
  hereRef.current = here;
  // A read can fail while a clicked page is still loading: after sign-in, go where the user was going.
  const pending = useNavigation().location;
  const goingRef = useRef<string | null>(null);
  goingRef.current = pending ? `${pending.pathname}${pending.search}${pending.hash}` : null;

  useEffect(() => {
    const sessionKey = authQueries.session().queryKey;
    const onUnauthenticated = () => {
      // Only a signed-in page expires; a visitor without a session is sent away by the render below.
      // Several reads failing at once navigate to the same place; a later one wins over a click.
      if (!queryClient.getQueryData(sessionKey)) return;
      // Stale, not removed: removing it under the mounted shell would start a second redirect.
      void queryClient.invalidateQueries({ queryKey: sessionKey, refetchType: "none" });
      const state: TSignInState = { reason: "expired" };
      void navigate(signInPath(goingRef.current ?? hereRef.current), { replace: true, state });
    };
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "error") return;
      // The session itself answering 401 after it had a user (a page re-read it) is an expiry too.
      if (isUnauthenticated(event.action.error)) onUnauthenticated();
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "error") return;
      // Sign-in and sign-out handle their own 401s.
      if (event.mutation.options.mutationKey?.[0] === authQueries.all()[0]) return;
      if (isUnauthenticated(event.action.error)) onUnauthenticated();
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient, navigate]);

  return {
    session,
    /** Where to go now, when there is no session; null otherwise. */
    // A session that had a user and then ended is handled above (with the "expired" message).
    redirectTo: isUnauthenticated(session.error) && !session.data ? signInPath(here) : null,
  };
};
