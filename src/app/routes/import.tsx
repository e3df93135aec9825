import { RequireRole } from "@/features/auth/components/require-role";
import { ImportPage } from "@/features/imports/components/import-page";
import { routes } from "../router";

// The link to register the report as a new document appears once the app has that form.
const NEW_DOCUMENT = "documents/new";
const hasNewDocumentForm = () => routes.some((r) => (r.children ?? []).some((c) => c.path === NEW_DOCUMENT));

/** /import: editors and administrators only (anyone else gets the 403 page; the server refuses too). */
export const ImportRoute = () => (
  <RequireRole atLeast="editor">
    <ImportPage newDocumentHref={hasNewDocumentForm() ? `/${NEW_DOCUMENT}` : undefined} />
  </RequireRole>
);
