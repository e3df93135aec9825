import { VendorScorecards } from "@/features/vendors/components/vendor-scorecards";

export const VendorsRoute = () => <VendorScorecards />;
