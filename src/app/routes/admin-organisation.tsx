import { RequireRole } from "@/features/auth/components/require-role";
import { OrganisationPage } from "@/features/organisation/components/organisation-page";

/** Administrators only: anyone else gets the 403 page (the server refuses them too). */
export const AdminOrganisationRoute = () => (
  <RequireRole atLeast="admin">
    <OrganisationPage />
  </RequireRole>
);
