import { useQuery } from "@tanstack/react-query";
import type { TAccess } from "@/shared/schemas/auth";
import { authQueries } from "../api/queries";
import { hasRole } from "./roles";

export const useSession = () => useQuery(authQueries.session());

/** Whether the signed-in user may do what needs `needed`; false while the session is unknown. */
export const useHasRole = (needed: TAccess) => hasRole(useSession().data?.user.role, needed);
