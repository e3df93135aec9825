import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useI18n } from "@/i18n/i18n";
import { ApiError, apiSend, setCsrfToken } from "@/lib/api-client";
import type { TSession } from "@/shared/schemas/auth";
import { ROLE_LABEL, type TSignInState } from "./roles";
import "./session.css";

/** The signed-in user's name and role in the header, with sign-out. */
export const UserMenu = ({ user }: { user: TSession["user"] }) => {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  /*
   * What the signed-out user saw is forgotten once the shell (with this menu) has gone, not as soon as
   * the navigation to sign-in ends: React draws the new route a little later (the router's updates are
   * transitions), and a shell still mounted over an empty cache reads the ended session again, gets a
   * 401 and sends the user to sign-in a second time, without the "signed out" notice.
   */
  const signedOut = useRef(false);
  useEffect(
    () => () => {
      if (signedOut.current) queryClient.clear();
    },
    [queryClient],
  );
  const finish = async () => {
    setCsrfToken(null);
    signedOut.current = true;
    const state: TSignInState = { reason: "signedOut" };
    await navigate("/signin", { replace: true, state });
  };
  // Plain state, not useMutation: this sits in the first bundle, which stays lean (see api-client.ts).
  const [status, setStatus] = useState<"idle" | "pending" | "failed">("idle");
  const signOut = async () => {
    if (status === "pending") return;
    setStatus("pending");
    try {
      await apiSend("logout");
    } catch (error) {
      // A 401 means the session had already ended: the user is signed out either way.
      if (!(error instanceof ApiError && error.status === 401)) {
        setStatus("failed");
        return;
      }
    }
    await finish();
  };
  return (
    <section className="user-menu" aria-label={t("auth.userMenuLabel")}>
      <p className="user-who">
        <span className="user-name">{user.displayName}</span>
        {/* On the role's line: the header keeps its height. */}
        <span className="user-meta">
          <span className="user-role">{t(ROLE_LABEL[user.role])}</span>
          <Link className="user-password-link" to="/account/password">
            {t("auth.changePassword")}
          </Link>
        </span>
      </p>
      <button
        type="button"
        className="button button-lang"
        onClick={() => void signOut()}
        aria-busy={status === "pending"}
      >
        {status === "pending" ? t("auth.signingOut") : t("auth.signOut")}
      </button>
      {status === "failed" ? (
        <p className="user-menu-error" role="alert">
          {t("auth.signOutFailed")}
        </p>
      ) : null}
    </section>
  );
};
