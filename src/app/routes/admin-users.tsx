import { useQueryClient } from "@tanstack/react-query";
import { authQueries } from "@/features/auth/api/queries";
import { RequireRole } from "@/features/auth/components/require-role";
import { useSession } from "@/features/auth/components/use-session";
import { DayCountingSettings } from "@/features/deadlines/components/day-counting-settings";
import { UsersAdmin } from "@/features/users/components/users-admin";

/** Administrators only: anyone else gets the 403 page (the server refuses them too). */
export const AdminUsersRoute = () => {
  const queryClient = useQueryClient();
  const selfId = useSession().data?.user.id;
  return (
    <RequireRole atLeast="admin">
      <UsersAdmin
        selfId={selfId}
        // An admin who changed their own name or role: the header and the role guards must see it.
        onSelfChanged={() => void queryClient.invalidateQueries({ queryKey: authQueries.session().queryKey })}
      />
      {/* How every due date counts days: a setting of the whole dashboard, so it sits with the users. */}
      <DayCountingSettings canChange />
    </RequireRole>
  );
};
