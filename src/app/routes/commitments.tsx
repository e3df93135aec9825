import { CommitmentTracker } from "@/features/commitments/components/commitment-tracker";
import { DeadlinesSection } from "@/features/deadlines/components/deadlines-section";

export const CommitmentsRoute = () => (
  <CommitmentTracker deadlines={(asOf) => <DeadlinesSection asOf={asOf} />} />
);
