import { Link } from "react-router";
import { EditorLink } from "@/components/editor-link";
import { useI18n } from "@/i18n/i18n";
import { EditorOnly } from "@/lib/edit-rights";

/** "New vendor" on the scorecards page. */
export const NewVendorLink = () => (
  <EditorLink to="/vendors/new">{useI18n().t("records.newVendor")}</EditorLink>
);

/** "Edit this vendor" and "New service" (for this vendor) on a vendor's page. */
export const VendorEditLinks = ({ vendorId }: { vendorId: string }) => {
  const { t } = useI18n();
  return (
    <EditorOnly>
      <Link className="button button-secondary" to={`/vendors/${vendorId}/edit`}>
        {t("records.editVendor")}
      </Link>
      <Link className="button button-secondary" to={`/services/new?vendor=${encodeURIComponent(vendorId)}`}>
        {t("records.newService")}
      </Link>
    </EditorOnly>
  );
};

/** "Edit" next to one of the vendor's services, named for a screen reader. */
export const EditServiceLink = ({ serviceId, name }: { serviceId: string; name: string }) => {
  const { t } = useI18n();
  return (
    <EditorOnly>
      {" "}
      <Link
        className="edit-inline-link no-print"
        to={`/services/${serviceId}/edit`}
        aria-label={t("records.editServiceNamed", { name })}
      >
        {t("records.editService")}
      </Link>
    </EditorOnly>
  );
};
