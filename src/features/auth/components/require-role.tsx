import type { ReactNode } from "react";
import type { TAccess } from "@/shared/schemas/auth";
import { Forbidden } from "./forbidden";
import { hasRole } from "./roles";
import { useSession } from "./use-session";

type TProps = {
  atLeast: Exclude<TAccess, "public">;
  children: ReactNode;
  /** What a lower role sees; the 403 page by default. Pass null to show nothing (a hidden control). */
  fallback?: ReactNode;
};

/**
 * Shows its children only to `atLeast` and above. The server refuses anyway; this keeps the UI from
 * offering what would be refused. Renders nothing until the session is known (the shell waits for it).
 */
export const RequireRole = ({ atLeast, children, fallback }: TProps) => {
  const session = useSession();
  if (!session.data) return null;
  if (!hasRole(session.data.user.role, atLeast))
    return fallback === undefined ? <Forbidden needed={atLeast} /> : fallback;
  return <>{children}</>;
};
