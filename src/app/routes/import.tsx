import { RequireRole } from "@/features/auth/components/require-role";
import { ImportPage } from "@/features/imports/components/import-page";

/** /import: editors and administrators only (anyone else gets the 403 page; the server refuses too). */
export const ImportRoute = () => (
  <RequireRole atLeast="editor">
    {/* The report can be registered as a source document: the app's form for a new one. */}
    <ImportPage newDocumentHref="/documents/new" />
  </RequireRole>
);
