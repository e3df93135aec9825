import { CommitmentTracker } from "@/features/commitments/components/commitment-tracker";

export const CommitmentsRoute = () => <CommitmentTracker />;
