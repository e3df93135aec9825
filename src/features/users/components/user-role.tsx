import { useI18n } from "@/i18n/i18n";
import type { TRole } from "@/shared/schemas/auth";

// The roles in rank order; the labels are the auth namespace's, so the header and this page agree.
const ROLES = ["viewer", "editor", "admin"] as const satisfies readonly TRole[];
const LABEL = { viewer: "auth.roleViewer", editor: "auth.roleEditor", admin: "auth.roleAdmin" } as const;

export const useRoleLabel = () => {
  const { t } = useI18n();
  return (role: TRole) => t(LABEL[role]);
};

export const RoleSelect = ({
  value,
  onChange,
  ...control
}: {
  id: string;
  value: TRole;
  onChange: (role: TRole) => void;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}) => {
  const label = useRoleLabel();
  return (
    <select {...control} name="role" value={value} onChange={(e) => onChange(e.target.value as TRole)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {label(r)}
        </option>
      ))}
    </select>
  );
};
