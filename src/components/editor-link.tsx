import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { useI18n } from "@/i18n/i18n";
import { EditorOnly } from "@/lib/edit-rights";

/** A button-styled link to a form: editors and admins only (viewers see nothing to press). */
export const EditorLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <EditorOnly>
    <Link className="button button-secondary" to={to}>
      {children}
    </Link>
  </EditorOnly>
);

/** After a save the form comes back here with `state.saved`: say so where the user now is. */
export const SavedNotice = () => {
  const { t } = useI18n();
  const location = useLocation();
  if ((location.state as { saved?: boolean } | null)?.saved !== true) return null;
  return (
    <p className="form-success no-print" role="status">
      {t("editing.saved")}
    </p>
  );
};
