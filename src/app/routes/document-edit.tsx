import { useParams } from "react-router";
import { RequireRole } from "@/features/auth/components/require-role";
import { DocumentEditor } from "@/features/documents/components/document-form";

/** Editors and admins only: anyone else gets the 403 page (the server refuses them too). */
export const DocumentNewRoute = () => (
  <RequireRole atLeast="editor">
    <DocumentEditor />
  </RequireRole>
);

export const DocumentEditRoute = () => {
  const { documentId = "" } = useParams();
  return (
    <RequireRole atLeast="editor">
      <DocumentEditor key={documentId} documentId={documentId} />
    </RequireRole>
  );
};
