import { Navigate, NavLink, Outlet } from "react-router";
import { hasRole } from "@/features/auth/components/roles";
import { useSession } from "@/features/auth/components/use-session";
import { useI18n } from "@/i18n/i18n";

/*
 * The administrators' pages share one entry in the main navigation (管理) and a row of tabs, so that the
 * header keeps one row however many admin pages there are.
 */
export const AdminLayout = () => {
  const { t } = useI18n();
  const role = useSession().data?.user.role;
  return (
    <>
      {hasRole(role, "admin") ? (
        <nav aria-label={t("common.adminNav")} className="admin-tabs no-print">
          <ul>
            <li>
              <NavLink to="/admin/organisation">{t("common.navOrganisation")}</NavLink>
            </li>
            <li>
              <NavLink to="/admin/users">{t("auth.navUsers")}</NavLink>
            </li>
            <li>
              <NavLink to="/admin/audit">{t("common.navAudit")}</NavLink>
            </li>
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </>
  );
};

/** /admin itself: the users page. */
export const AdminIndex = () => <Navigate to="/admin/users" replace />;
