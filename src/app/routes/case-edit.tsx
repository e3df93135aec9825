import { useParams } from "react-router";
import { RequireRole } from "@/features/auth/components/require-role";
import { CaseEditor } from "@/features/cases/components/case-form";

/* Editors and admins only: anyone else gets the 403 page (the server refuses them too). */

export const CaseNewRoute = () => (
  <RequireRole atLeast="editor">
    <CaseEditor />
  </RequireRole>
);

export const CaseEditRoute = () => {
  const { caseId = "" } = useParams();
  return (
    <RequireRole atLeast="editor">
      <CaseEditor key={caseId} caseId={caseId} />
    </RequireRole>
  );
};
