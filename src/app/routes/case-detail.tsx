import { useParams } from "react-router";
import { CaseDetail } from "@/features/cases/components/case-detail";

export const CaseDetailRoute = () => {
  const { caseId = "" } = useParams();
  // Keyed by id so moving between cases starts each page fresh.
  return <CaseDetail key={caseId} caseId={caseId} />;
};
