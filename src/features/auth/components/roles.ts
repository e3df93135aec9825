import type { TPlainKey } from "@/i18n/message-types";
import type { ROLE_RANK, TAccess, TRole } from "@/shared/schemas/auth";

/*
 * A copy of the shared ROLE_RANK (checked against it by type and by a test): the shared module imports
 * zod, and the shell, which needs the ranks at once, must not pull zod into the first bundle.
 */
const RANK = { public: 0, viewer: 1, editor: 2, admin: 3 } as const satisfies typeof ROLE_RANK;

export const ROLES = ["viewer", "editor", "admin"] as const satisfies readonly TRole[];

/** Whether a signed-in role may do what needs `needed` (admin ⊃ editor ⊃ viewer). */
export const hasRole = (role: TRole | null | undefined, needed: TAccess) =>
  role != null && RANK[role] >= RANK[needed];

export const ROLE_LABEL: Record<TRole, TPlainKey> = {
  viewer: "auth.roleViewer",
  editor: "auth.roleEditor",
  admin: "auth.roleAdmin",
};

export const signInPath = (next?: string) =>
  next && next !== "/" && !next.startsWith("/signin")
    ? `/signin?next=${encodeURIComponent(next)}`
    : "/signin";

/** Why the sign-in page is shown, passed in the navigation state (never in the URL). */
export type TSignInReason = "expired" | "signedOut";
export type TSignInState = { reason?: TSignInReason } | null;
