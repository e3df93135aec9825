import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { FigureValue } from "@/components/figure-value";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { CSV_TYPE, downloadText } from "@/lib/download";
import { referenceQueries } from "@/lib/reference-queries";
import type { TCohort } from "@/shared/schemas/cohort";
import type { TIncidentSummary } from "@/shared/schemas/incident";
import {
  IGNORED_IMPORT_COLUMNS,
  IMPORT_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  type TImportColumn,
} from "@/shared/schemas/progress-import";
import { importQueries } from "../api/queries";
import { csvTemplate, jsonTemplate } from "./template";

const entryKey = (column: TImportColumn): TPlainKey => {
  if (column === "done_count") return "imports.requiredColumn";
  if ((REQUIRED_IMPORT_COLUMNS as readonly string[]).includes(column)) return "imports.required";
  if ((IGNORED_IMPORT_COLUMNS as readonly string[]).includes(column)) return "imports.ignored";
  return "imports.optional";
};

/** A group of the chosen vendor's incidents, with the incident it belongs to. */
export type TVendorGroup = { cohort: TCohort; incident: Pick<TIncidentSummary, "id" | "number"> };

/**
 * The groups a vendor's template lists: those of the incidents it answers for or is on the chain of (as
 * the organisation's contractor or as a subcontractor), in the record's order. Another vendor's groups
 * never reach its file.
 */
export const useVendorGroups = (vendorId: string) => {
  const cohorts = useQuery(importQueries.cohorts());
  const incidents = useQuery({ ...importQueries.vendorIncidents(vendorId), enabled: vendorId !== "" });
  const byId = new Map((incidents.data?.items ?? []).map((i) => [i.id, i]));
  const groups: TVendorGroup[] = (cohorts.data?.items ?? []).flatMap((cohort) => {
    const incident = byId.get(cohort.incidentId);
    return incident ? [{ cohort, incident }] : [];
  });
  return { cohorts, incidents, groups };
};

type TProps = {
  vendorId: string;
  onVendor: (vendorId: string) => void;
};

/**
 * Step 1: the vendor, then its template (CSV and JSON, one row per group of its incidents) and what
 * each column means. The page says to hand the file to the vendor, so it holds only that vendor's groups.
 */
export const ImportTemplate = ({ vendorId, onVendor }: TProps) => {
  const { t, tx } = useI18n();
  const id = useId();
  const vendors = useQuery(referenceQueries.vendors());
  const { cohorts, incidents, groups } = useVendorGroups(vendorId);
  const vendor = vendors.data?.items.find((v) => v.id === vendorId);
  return (
    <section className="panel import-template" aria-labelledby={`${id}-template`}>
      <h2 id={`${id}-template`}>{t("imports.stepTemplate")}</h2>
      <p>{t("imports.templateIntro")}</p>
      <div className="field import-vendor">
        <label htmlFor={`${id}-vendor`}>{t("imports.vendorLabel")}</label>
        <QueryState query={vendors} minHeight="2.75rem">
          {(list) => (
            <select
              id={`${id}-vendor`}
              value={vendor ? vendorId : ""}
              aria-describedby={`${id}-vendor-hint`}
              onChange={(e) => onVendor(e.target.value)}
            >
              <option value="">{t("imports.vendorChoose")}</option>
              {list.items.map((v) => (
                <option key={v.id} value={v.id}>
                  {tx(v.name)}
                </option>
              ))}
            </select>
          )}
        </QueryState>
        <p className="field-hint" id={`${id}-vendor-hint`}>
          {t("imports.vendorHint")}
        </p>
      </div>
      {vendor ? (
        <QueryState query={cohorts} waitFor={[incidents]} minHeight="6rem">
          {() =>
            incidents.isError ? (
              <p className="form-error" role="alert">
                {t("common.errorTitle")}{" "}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void incidents.refetch()}
                >
                  {t("common.retry")}
                </button>
              </p>
            ) : (
              <VendorTemplate vendorId={vendor.id} vendorName={tx(vendor.shortName)} groups={groups} />
            )
          }
        </QueryState>
      ) : (
        <p className="import-choose-vendor">{t("imports.vendorFirst")}</p>
      )}
      <ColumnsTable example={groups[0]} />
    </section>
  );
};

const VendorTemplate = ({
  vendorId,
  vendorName,
  groups,
}: {
  vendorId: string;
  vendorName: string;
  groups: TVendorGroup[];
}) => {
  const { t, tx, f } = useI18n();
  if (groups.length === 0) {
    return (
      <p className="import-no-groups" role="status">
        {t("imports.noGroups", { vendor: vendorName })}{" "}
        <Link to={`/incidents?vendor=${encodeURIComponent(vendorId)}`}>
          {t("imports.noGroupsLink", { vendor: vendorName })}
        </Link>
      </p>
    );
  }
  const rows = groups.map(({ cohort, incident }) => ({
    id: cohort.id,
    label: t("imports.templateLabel", { n: incident.number, label: tx(cohort.label) }),
  }));
  const file = `progress-report-${vendorId}`;
  const columns: TColumn<TVendorGroup>[] = [
    {
      key: "incident",
      header: t("imports.colIncident"),
      render: (g) => (
        <Link to={`/incidents/${g.incident.id}`}>
          {t("imports.incidentNumber", { n: g.incident.number })}
        </Link>
      ),
      csv: (g) => t("imports.incidentNumber", { n: g.incident.number }),
    },
    {
      key: "group",
      header: t("imports.colCohort"),
      render: (g) => (
        <>
          {tx(g.cohort.label)}
          <br />
          <code className="import-id">{g.cohort.id}</code>
        </>
      ),
      csv: (g) => tx(g.cohort.label),
    },
    {
      key: "purpose",
      header: t("imports.colPurpose"),
      render: (g) => t(`domain.purpose.${g.cohort.purpose}`),
      csv: (g) => t(`domain.purpose.${g.cohort.purpose}`),
    },
    {
      key: "people",
      header: t("imports.colPeople"),
      render: (g) => <FigureValue figure={g.cohort.people} unit="people" />,
      csv: (g) => (g.cohort.people.status === "reported" ? g.cohort.people.value : t("common.notReported")),
      align: "end",
    },
  ];
  return (
    <div className="import-vendor-template">
      <p>{t("imports.templateFor", { vendor: vendorName, n: f.number(groups.length) })}</p>
      <div className="import-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => downloadText(`${file}.csv`, csvTemplate(rows), CSV_TYPE)}
        >
          {t("imports.downloadCsv")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => downloadText(`${file}.json`, jsonTemplate(rows), "application/json;charset=utf-8")}
        >
          {t("imports.downloadJson")}
        </button>
      </div>
      <DataTable
        caption={t("imports.groupsCaption", { vendor: vendorName })}
        rows={groups}
        columns={columns}
        rowKey={(g) => g.cohort.id}
      />
    </div>
  );
};

/** What each column means, with an example (the chosen vendor's first group when there is one). */
const ColumnsTable = ({ example }: { example: TVendorGroup | undefined }) => {
  const { t, tx } = useI18n();
  const sample: Record<TImportColumn, string> = {
    cohort_id: example?.cohort.id ?? t("imports.example_cohort_id"),
    cohort_label: example ? tx(example.cohort.label) : t("imports.example_cohort_label"),
    date: t("imports.example_date"),
    done_count: t("imports.example_done_count"),
    cohort_status: "completed",
    note_ja: t("imports.example_note_ja"),
    note_en: t("imports.example_note_en"),
  };
  const columns: TColumn<TImportColumn>[] = [
    { key: "column", header: t("imports.colColumn"), render: (c) => <code>{c}</code>, csv: (c) => c },
    {
      key: "entry",
      header: t("imports.colRequired"),
      render: (c) => t(entryKey(c)),
      csv: (c) => t(entryKey(c)),
    },
    {
      key: "meaning",
      header: t("imports.colMeaning"),
      render: (c) => t(`imports.meaning_${c}`),
      csv: (c) => t(`imports.meaning_${c}`),
    },
    {
      key: "example",
      header: t("imports.colExample"),
      render: (c) => <span className="import-example">{sample[c]}</span>,
      csv: (c) => sample[c],
    },
  ];
  return (
    <DataTable
      caption={t("imports.columnsCaption")}
      rows={[...IMPORT_COLUMNS]}
      columns={columns}
      rowKey={(c) => c}
    />
  );
};
