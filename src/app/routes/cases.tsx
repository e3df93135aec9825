import { CaseList } from "@/features/cases/components/case-list";

export const CasesRoute = () => <CaseList />;
