import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
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
  const finish = async () => {
    setCsrfToken(null);
    const state: TSignInState = { reason: "signedOut" };
    await navigate("/signin", { replace: true, state });
    // After leaving the shell, so no mounted query refetches (and 401s) in between.
    queryClient.clear();
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
