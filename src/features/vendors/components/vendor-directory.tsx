import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { useI18n } from "@/i18n/i18n";
import type { TVendor } from "@/shared/schemas/vendor";
import { contractorsOf, subcontractorsOf, type TTreeRow, vendorTree } from "./chain-model";
import type { TVendorWords } from "./vendor-words";

/**
 * Every vendor and who works for whom: the vendors the organisation contracts with directly, each
 * followed by its subcontractors (indented), so a board member sees the chain before the figures.
 */
export const VendorDirectory = ({ words, linkQuery }: { words: TVendorWords; linkQuery: string }) => {
  const { t } = useI18n();
  const vendors = words.vendors;
  const rows = vendorTree(vendors);
  const names = (list: readonly TVendor[]) => list.map((v) => words.vendor(v.id)).join(t("vendors.listJoin"));
  const contractor = (v: TVendor) => {
    const above = contractorsOf(v, vendors).filter((c) => c.id !== v.id);
    return above.length === 0 ? t("vendors.directContract") : names(above);
  };
  const services = (v: TVendor) => v.serviceIds.map((id) => words.service(id)).join(t("vendors.listJoin"));
  const columns: TColumn<TTreeRow<TVendor>>[] = [
    {
      key: "name",
      header: t("vendors.colName"),
      render: ({ vendor, depth }) => (
        <span className="tree-name" style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
          {depth > 0 ? (
            <span className="tree-branch" aria-hidden="true">
              └{" "}
            </span>
          ) : null}
          <Link to={`/vendors/${vendor.id}${linkQuery}`}>{words.vendor(vendor.id)}</Link>
        </span>
      ),
      csv: ({ vendor }) => words.vendor(vendor.id),
    },
    {
      key: "kind",
      header: t("vendors.colKind"),
      render: ({ vendor }) => words.kindName(vendor.kindId),
      csv: ({ vendor }) => words.kindName(vendor.kindId),
    },
    {
      key: "contractor",
      header: t("vendors.colContractor"),
      render: ({ vendor }) => contractor(vendor),
      csv: ({ vendor }) => contractor(vendor),
    },
    {
      key: "subcontractors",
      header: t("vendors.colSubcontractors"),
      render: ({ vendor }) => names(subcontractorsOf(vendor.id, vendors)),
      csv: ({ vendor }) => names(subcontractorsOf(vendor.id, vendors)),
    },
    {
      key: "services",
      header: t("vendors.colServices"),
      render: ({ vendor }) => services(vendor),
      csv: ({ vendor }) => services(vendor),
    },
  ];
  return (
    <div className="vendor-directory">
      <DataTable
        caption={t("vendors.directoryCaption", { count: vendors.length })}
        rows={rows}
        columns={columns}
        rowKey={({ vendor }) => vendor.id}
        csvName="vendors"
      />
    </div>
  );
};
