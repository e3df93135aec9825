import type { ReactNode } from "react";
import { DataTable, type TColumn } from "@/components/data-table";
import { NumberValue } from "@/components/figure-value";
import { useI18n } from "@/i18n/i18n";
import type { TCsvCell } from "@/shared/csv";
import { ImpactTotalValue, useImpactText } from "./impact-figures";
import { doneUnreported, useRemediationLabel } from "./remediation-figures";
import { affectedKeys, remediationKeys, type TScorecardView } from "./scorecard-model";
import type { TVendorWords } from "./vendor-words";

type TMetric = {
  key: string;
  label: string;
  render: (row: TScorecardView) => ReactNode;
  csv: (row: TScorecardView) => TCsvCell;
};

/**
 * Every scorecard figure side by side: one row per measure, one column per vendor and 年度, the way a
 * board compares them (a few vendors, many measures), and the CSV export. Each unit and population has
 * rows of its own, and so has each purpose of remediation: nothing of different kinds shares a row.
 */
export const ScorecardTable = ({
  rows,
  showVendor,
  csvName,
  words,
}: {
  rows: TScorecardView[];
  showVendor: boolean;
  csvName: string;
  words: TVendorWords;
}) => {
  const { t, f } = useI18n();
  const impactText = useImpactText();
  const remediationLabel = useRemediationLabel(words);
  const nr = t("common.notReported");
  const na = t("vendors.notApplicable");
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
  const affected: TMetric[] = affectedKeys(rows).map(({ key, unit, populationId }) => {
    const of = (r: TScorecardView) =>
      r.affected.find((a) => a.unit === unit && a.populationId === populationId);
    return {
      key: `affected:${key}`,
      label:
        unit === "people"
          ? t("vendors.colAffectedPeople", { population: words.population(populationId) })
          : populationId === null
            ? t("vendors.colAffectedRecordsAny")
            : t("vendors.colAffectedRecords", { population: words.population(populationId) }),
      render: (r) => {
        const total = of(r);
        return total ? <ImpactTotalValue total={total} /> : <span className="muted">{na}</span>;
      },
      csv: (r) => impactText(of(r)),
    };
  });
  const remediation: TMetric[] = remediationKeys(rows).flatMap(({ key, purpose, populationId }) => {
    const of = (r: TScorecardView) =>
      r.remediation.find((x) => x.purpose === purpose && x.populationId === populationId);
    const group = remediationLabel({ purpose, populationId });
    type TRem = NonNullable<ReturnType<typeof of>>;
    /** A cell of the group's row, or "n/a" for a vendor-year without such a group. */
    const cell = (show: (x: TRem) => ReactNode, csv: (x: TRem) => TCsvCell) => ({
      render: (r: TScorecardView) => {
        const x = of(r);
        return x ? show(x) : <span className="muted">{na}</span>;
      },
      csv: (r: TScorecardView) => {
        const x = of(r);
        return x ? csv(x) : na;
      },
    });
    const people = (pick: (x: TRem) => number) =>
      cell(
        (x) => f.people(pick(x)),
        (x) => pick(x),
      );
    const metrics: TMetric[] = [
      { key: `rem:${key}:people`, label: t("vendors.colRemPeople", { group }), ...people((x) => x.people) },
      {
        key: `rem:${key}:done`,
        label:
          purpose === "financial"
            ? t("vendors.colRemDoneFinancial", { group })
            : t("vendors.colRemDoneNotification", { group }),
        ...cell(
          (x) => (doneUnreported(x) ? <NumberValue value={null} /> : f.people(x.done)),
          (x) => (doneUnreported(x) ? nr : x.done),
        ),
      },
      {
        key: `rem:${key}:notReported`,
        label: t("vendors.colRemNotReported", { group }),
        ...people((x) => x.notReported),
      },
    ];
    // Letters carry no money: a notification group has no amount row.
    if (purpose === "financial") {
      metrics.push({
        key: `rem:${key}:yen`,
        label: t("vendors.colRemYen", { group }),
        ...cell(
          (x) =>
            // No amount per person reported for anyone: the yen are unknown, not 0.
            x.owedYen === 0 && x.peopleWithUnknownAmount > 0 ? (
              <NumberValue value={null} />
            ) : (
              <>
                {`${f.yen(x.doneYen)} / ${f.yen(x.owedYen)}`}
                {x.peopleWithUnknownAmount > 0 ? (
                  <span className="figure-tag table-tag">
                    {t("vendors.remediationYenFloor", { n: f.people(x.peopleWithUnknownAmount) })}
                  </span>
                ) : null}
              </>
            ),
          (x) =>
            x.owedYen === 0 && x.peopleWithUnknownAmount > 0
              ? nr
              : `${x.doneYen} / ${x.owedYen}${x.peopleWithUnknownAmount > 0 ? ` (${t("vendors.remediationYenFloor", { n: f.people(x.peopleWithUnknownAmount) })})` : ""}`,
        ),
      });
    }
    return metrics;
  });
  const metrics: TMetric[] = [
    ...(showVendor
      ? [
          {
            key: "kind",
            label: t("vendors.colKind"),
            render: (r: TScorecardView) => words.vendorKind(r.vendorId),
            csv: (r: TScorecardView) => words.vendorKind(r.vendorId),
          },
          {
            key: "contract",
            label: t("vendors.colWorksFor"),
            render: (r: TScorecardView) => words.contract(r.vendorId),
            csv: (r: TScorecardView) => words.contract(r.vendorId),
          },
        ]
      : []),
    count("incidents", t("vendors.colIncidents")),
    count("incidentsViaSubcontractors", t("vendors.colViaSubcontractors")),
    ...affected,
    count("incidentsWithUnreportedCounts", t("vendors.colUnreportedIncidents")),
    median("medianDaysOccurrenceToOrganisation", t("vendors.colOccToOrganisation")),
    median("medianDaysDetectionToOrganisation", t("vendors.colDetToOrganisation")),
    median("medianDaysToBoard", t("vendors.colOccToBoard")),
    ...remediation,
    count("commitments", t("vendors.colCommitments")),
    count("commitmentsWithDueDate", t("vendors.colWithDueDate")),
    count("commitmentsKeptOnTime", t("vendors.colKept")),
    count("commitmentsOverdue", t("vendors.colOverdue")),
    count("regulatoryActionsLast24Months", t("vendors.colRegulatory")),
  ];
  const heading = (r: TScorecardView) =>
    showVendor ? `${words.vendor(r.vendorId)} ${f.fiscalYear(r.fiscalYear)}` : f.fiscalYear(r.fiscalYear);
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
