import { RequireRole } from "@/features/auth/components/require-role";
import { useSession } from "@/features/auth/components/use-session";
import { DayCountingSettings } from "@/features/deadlines/components/day-counting-settings";
import { UsersAdmin } from "@/features/users/components/users-admin";

/** Administrators only: anyone else gets the 403 page (the server refuses them too). */
export const AdminUsersRoute = () => {
  const selfId = useSession().data?.user.id;
  return (
    <RequireRole atLeast="admin">
      {/* An admin who changes their own name or role: the session is read again after the write, as every
          query is (src/lib/query-client.ts), so the header and the role guards see it. */}
      <UsersAdmin selfId={selfId} />
      {/* How every due date counts days: a setting of the whole dashboard, so it sits with the users. */}
      <DayCountingSettings canChange />
    </RequireRole>
  );
};
