import { DeadlinesPanel } from "@/features/deadlines/components/deadlines-panel";
import { OverviewPage } from "@/features/overview/components/overview-page";

export const OverviewRoute = () => (
  <OverviewPage afterHeadline={(scope) => <DeadlinesPanel asOf={scope.asOf} caseId={scope.caseId} />} />
);
