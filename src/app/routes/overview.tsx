import { OverviewPage } from "@/features/overview/components/overview-page";

export const OverviewRoute = () => <OverviewPage />;
