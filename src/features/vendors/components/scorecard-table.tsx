import type { ReactNode } from "react";
import { DataTable, type TColumn } from "@/components/data-table";
import { NumberValue } from "@/components/figure-value";
import { useI18n } from "@/i18n/i18n";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TCsvCell } from "@/shared/csv";
import type { TScorecardView } from "./scorecard-model";

type TMetric = {
  key: string;
  label: string;
  render: (row: TScorecardView) => ReactNode;
  csv: (row: TScorecardView) => TCsvCell;
};

// Nobody reported done and every member's progress unreported: "not reported", not 0.
const doneUnreported = (r: TScorecardView) =>
  r.remediationMembers > 0 && r.remediationDone === 0 && r.remediationNotReported === r.remediationMembers;

/**
 * Every scorecard figure side by side: one row per measure, one column per vendor and 年度, the way a
 * board compares them (a few vendors, many measures), and the CSV export.
 */
export const ScorecardTable = ({
  rows,
  showVendor,
  csvName,
}: {
  rows: TScorecardView[];
  showVendor: boolean;
  csvName: string;
}) => {
  const { t, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  const nr = t("common.notReported");
  const count = (key: keyof TScorecardView & string, label: string, format = f.number): TMetric => ({
    key,
    label,
    render: (r) => format(r[key] as number),
    csv: (r) => r[key] as number,
  });
  const median = (
    key: "medianDaysOccurrenceToOrganisation" | "medianDaysDetectionToOrganisation" | "medianDaysToBoard",
    label: string,
  ): TMetric => ({
    key,
    label,
    render: (r) => <NumberValue value={r[key]} unit="days" />,
    csv: (r) => r[key] ?? nr,
  });
  const metrics: TMetric[] = [
    ...(showVendor
      ? [
          {
            key: "role",
            label: t("vendors.colRole"),
            render: (r: TScorecardView) => names.vendorRole(r.vendorId),
            csv: (r: TScorecardView) => names.vendorRole(r.vendorId),
          },
        ]
      : []),
    count("incidents", t("vendors.colIncidents")),
    count("membersAffectedReported", t("vendors.colMembers"), f.members),
    count("incidentsWithUnreportedCounts", t("vendors.colUnreportedIncidents")),
    median("medianDaysOccurrenceToOrganisation", t("vendors.colOccToOrganisation")),
    median("medianDaysDetectionToOrganisation", t("vendors.colDetToOrganisation")),
    median("medianDaysToBoard", t("vendors.colOccToBoard")),
    count("remediationMembers", t("vendors.colRemediationMembers"), f.members),
    {
      key: "remediationDone",
      label: t("vendors.colRemediationDone"),
      render: (r) => (doneUnreported(r) ? <NumberValue value={null} /> : f.people(r.remediationDone)),
      csv: (r) => (doneUnreported(r) ? nr : r.remediationDone),
    },
    count("remediationNotReported", t("vendors.colRemediationNotReported"), f.members),
    count("commitments", t("vendors.colCommitments")),
    count("commitmentsWithDueDate", t("vendors.colWithDueDate")),
    count("commitmentsKeptOnTime", t("vendors.colKept")),
    count("commitmentsOverdue", t("vendors.colOverdue")),
    count("regulatoryActionsLast24Months", t("vendors.colRegulatory")),
  ];
  const heading = (r: TScorecardView) =>
    showVendor ? `${names.vendor(r.vendorId)} ${f.fiscalYear(r.fiscalYear)}` : f.fiscalYear(r.fiscalYear);
  const columns: TColumn<TMetric>[] = [
    { key: "metric", header: t("vendors.colMetric"), render: (m) => m.label, csv: (m) => m.label },
    ...rows.map(
      (r): TColumn<TMetric> => ({
        key: `${r.vendorId}-${r.fiscalYear}`,
        header: heading(r),
        align: "end",
        render: (m) => m.render(r),
        csv: (m) => m.csv(r),
      }),
    ),
  ];
  return (
    <div className="scorecard-table">
      <DataTable
        caption={t("vendors.tableCaption", { count: rows.length })}
        rows={metrics}
        columns={columns}
        rowKey={(m) => m.key}
        csvName={csvName}
      />
    </div>
  );
};
