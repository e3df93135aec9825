import { useParams } from "react-router";
import { VendorDetail } from "@/features/vendors/components/vendor-detail";

export const VendorDetailRoute = () => {
  const { vendorId = "" } = useParams();
  // Keyed by id so moving between vendors starts each page fresh.
  return <VendorDetail key={vendorId} vendorId={vendorId} />;
};
