import type { UseQueryResult } from "@tanstack/react-query";
import { useId } from "react";
import { DataTable, type TColumn } from "@/components/data-table";
import { QueryState } from "@/components/query-state";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { CSV_TYPE, downloadText } from "@/lib/download";
import type { TCohort } from "@/shared/schemas/cohort";
import {
  IGNORED_IMPORT_COLUMNS,
  IMPORT_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  type TImportColumn,
} from "@/shared/schemas/progress-import";
import { csvTemplate, jsonTemplate } from "./template";

type TCohortList = { items: TCohort[] };

const entryKey = (column: TImportColumn): TMessageKey => {
  if (column === "done_count") return "imports.requiredColumn";
  if ((REQUIRED_IMPORT_COLUMNS as readonly string[]).includes(column)) return "imports.required";
  if ((IGNORED_IMPORT_COLUMNS as readonly string[]).includes(column)) return "imports.ignored";
  return "imports.optional";
};

/** The downloadable template (CSV and JSON, one row per cohort) and what each column means. */
export const ImportTemplate = ({ cohorts }: { cohorts: UseQueryResult<TCohortList> }) => {
  const { t, tx } = useI18n();
  const id = useId();
  const example: Record<TImportColumn, string> = {
    cohort_id: "coh-3-refund",
    cohort_label: t("imports.example_cohort_label"),
    date: "2025-09-20",
    done_count: "3",
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
      render: (c) => <span className="import-example">{example[c]}</span>,
      csv: (c) => example[c],
    },
  ];
  return (
    <section className="panel import-template" aria-labelledby={`${id}-template`}>
      <h2 id={`${id}-template`}>{t("imports.stepTemplate")}</h2>
      <p>{t("imports.templateIntro")}</p>
      <QueryState query={cohorts} minHeight="2.5rem">
        {(list) => {
          const rows = list.items.map((c) => ({ id: c.id, label: tx(c.label) }));
          return (
            <div className="import-actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => downloadText("progress-report-template.csv", csvTemplate(rows), CSV_TYPE)}
              >
                {t("imports.downloadCsv")}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  downloadText(
                    "progress-report-template.json",
                    jsonTemplate(rows),
                    "application/json;charset=utf-8",
                  )
                }
              >
                {t("imports.downloadJson")}
              </button>
            </div>
          );
        }}
      </QueryState>
      <DataTable
        caption={t("imports.columnsCaption")}
        rows={[...IMPORT_COLUMNS]}
        columns={columns}
        rowKey={(c) => c}
      />
    </section>
  );
};
