import { useParams, useSearchParams } from "react-router";
import { RequireRole } from "@/features/auth/components/require-role";
import { ServiceEditor, VendorEditor } from "@/features/vendors/components/vendor-form";

/* Editors and admins only: anyone else gets the 403 page (the server refuses them too). */

export const VendorNewRoute = () => (
  <RequireRole atLeast="editor">
    <VendorEditor />
  </RequireRole>
);

export const VendorEditRoute = () => {
  const { vendorId = "" } = useParams();
  return (
    <RequireRole atLeast="editor">
      <VendorEditor key={vendorId} vendorId={vendorId} />
    </RequireRole>
  );
};

/** `?vendor=` names the vendor whose page the user came from: the new service starts linked to it. */
export const ServiceNewRoute = () => {
  const [params] = useSearchParams();
  return (
    <RequireRole atLeast="editor">
      <ServiceEditor forVendor={params.get("vendor") ?? undefined} />
    </RequireRole>
  );
};

export const ServiceEditRoute = () => {
  const { serviceId = "" } = useParams();
  return (
    <RequireRole atLeast="editor">
      <ServiceEditor key={serviceId} serviceId={serviceId} />
    </RequireRole>
  );
};
