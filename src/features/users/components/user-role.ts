import type { TOption } from "@/components/form/select-field";
import { useI18n } from "@/i18n/i18n";
import type { TRole } from "@/shared/schemas/auth";

// The roles in rank order; the labels are the auth namespace's, so the header and this page agree.
const ROLES = ["viewer", "editor", "admin"] as const satisfies readonly TRole[];
const LABEL = { viewer: "auth.roleViewer", editor: "auth.roleEditor", admin: "auth.roleAdmin" } as const;

export const useRoleLabel = () => {
  const { t } = useI18n();
  return (role: TRole) => t(LABEL[role]);
};

/** The roles as the choices of a select, in rank order. */
export const useRoleOptions = (): TOption[] => {
  const label = useRoleLabel();
  return ROLES.map((role) => ({ value: role, label: label(role) }));
};
