import { DataTable, type TColumn } from "@/components/data-table";
import { NumberValue } from "@/components/figure-value";
import { useI18n } from "@/i18n/i18n";
import type { TFieldError } from "@/shared/schemas/problem";
import type { TImportFormat, TProgressImportResult } from "@/shared/schemas/progress-import";
import { importErrorMessage, importFieldLabel } from "./import-messages";

type TRow = TProgressImportResult["rows"][number];

/** The problems of a refused file: where (line or item, column) and why, in the reader's language. */
export const ImportErrors = ({ errors, format }: { errors: TFieldError[]; format: TImportFormat }) => {
  const { t, tm, f } = useI18n();
  const reason = (e: TFieldError) => {
    const m = importErrorMessage(e, format, f);
    return "text" in m ? m.text : tm(m);
  };
  const where = (e: TFieldError) => {
    const label = importFieldLabel(e.field);
    return "key" in label ? t(label.key) : label.column;
  };
  const columns: TColumn<TFieldError>[] = [
    {
      key: "line",
      header: t(`imports.colLine_${format}`),
      render: (e) => (e.line === undefined ? "—" : f.number(e.line)),
      csv: (e) => e.line ?? "",
      align: "end",
    },
    {
      key: "field",
      header: t("imports.colField"),
      render: (e) => {
        const label = importFieldLabel(e.field);
        return "key" in label ? t(label.key) : <code>{label.column}</code>;
      },
      csv: where,
    },
    { key: "reason", header: t("imports.colReason"), render: reason, csv: reason },
  ];
  return (
    <div className="import-table">
      <p className="import-line-hint">{t(`imports.lineHint_${format}`)}</p>
      <DataTable
        caption={t("imports.rejectedCaption")}
        rows={errors}
        columns={columns}
        rowKey={(e) => `${e.line ?? 0}-${e.field}-${e.code}`}
        csvName="import-problems"
      />
    </div>
  );
};

const OUTCOME_CLASS = { added: "import-added", updated: "import-updated", unchanged: "import-unchanged" };

/** A cell as the file gave it: empty ones say so, so a column left blank is told from a hidden one. */
const FileCell = ({ text }: { text: string }) => {
  const { t } = useI18n();
  return text.trim() === "" ? (
    <span className="import-empty-cell">{t("imports.emptyCell")}</span>
  ) : (
    <span className="import-cell">{text}</span>
  );
};

/**
 * Each row of the file and what importing it does (or did): every column the file has, as it wrote it
 * (the notes in both languages, the group's name), beside what the import reads from it. A note split over
 * two cells, or a group named otherwise than in the record, is seen before anything is stored.
 */
export const ImportRows = ({
  result,
  format,
  cohortLabels,
  vendorCohorts,
}: {
  result: TProgressImportResult;
  format: TImportFormat;
  cohortLabels: ReadonlyMap<string, string>;
  /** The chosen vendor's groups: a row of another vendor's group is marked (null: no vendor chosen). */
  vendorCohorts: ReadonlySet<string> | null;
}) => {
  const { t, tx, f } = useI18n();
  const status = (r: TRow) =>
    r.cohortStatus ? t(`domain.cohortStatus.${r.cohortStatus}`) : t("imports.noStatus");
  const outcome = (r: TRow) => t(`imports.outcome_${r.outcome}`);
  const otherVendor = (r: TRow) => vendorCohorts !== null && !vendorCohorts.has(r.cohortId);
  const columns: TColumn<TRow>[] = [
    {
      key: "line",
      header: t(`imports.colLine_${format}`),
      render: (r) => f.number(r.line),
      csv: (r) => r.line,
      align: "end",
    },
    {
      key: "cohort",
      header: t("imports.colCohort"),
      render: (r) => (
        <>
          {cohortLabels.get(r.cohortId) ?? r.cohortId}
          <br />
          <code className="import-id">{r.cohortId}</code>
          {otherVendor(r) ? <span className="import-other-vendor">{t("imports.otherVendor")}</span> : null}
        </>
      ),
      csv: (r) =>
        [cohortLabels.get(r.cohortId) ?? r.cohortId, otherVendor(r) ? t("imports.otherVendor") : ""]
          .filter(Boolean)
          .join(" "),
    },
    {
      key: "label",
      header: t("imports.colFileLabel"),
      render: (r) => <FileCell text={r.cells.cohort_label} />,
      csv: (r) => r.cells.cohort_label,
    },
    {
      key: "date",
      header: t("imports.colDate"),
      render: (r) => <span className="nowrap">{f.date(r.date)}</span>,
      csv: (r) => r.date,
    },
    {
      key: "done",
      header: t("imports.colDone"),
      render: (r) => <NumberValue value={r.doneCount} unit="people" />,
      csv: (r) => (r.doneCount === null ? t("common.notReported") : r.doneCount),
      align: "end",
    },
    { key: "status", header: t("imports.colStatus"), render: status, csv: status },
    {
      key: "noteJa",
      header: t("imports.colNoteJa"),
      render: (r) => <FileCell text={r.cells.note_ja} />,
      csv: (r) => r.cells.note_ja,
    },
    {
      key: "noteEn",
      header: t("imports.colNoteEn"),
      render: (r) => <FileCell text={r.cells.note_en} />,
      csv: (r) => r.cells.note_en,
    },
    {
      key: "note",
      header: t("imports.colNoteRecorded"),
      render: (r) =>
        r.note === null ? (
          <span className="import-empty-cell">{t("imports.noNote")}</span>
        ) : r.note.ja === r.note.en ? (
          <>
            {tx(r.note)}
            <span className="cell-block import-note-both">{t("imports.noteBoth")}</span>
          </>
        ) : (
          tx(r.note)
        ),
      csv: (r) => (r.note ? tx(r.note) : ""),
    },
    {
      key: "outcome",
      header: t("imports.colOutcome"),
      render: (r) => <span className={`status-chip ${OUTCOME_CLASS[r.outcome]}`}>{outcome(r)}</span>,
      csv: outcome,
    },
  ];
  return (
    <div className="import-table import-rows">
      <DataTable
        caption={t("imports.previewCaption")}
        rows={result.rows}
        columns={columns}
        rowKey={(r) => String(r.line)}
        csvName="import-rows"
      />
    </div>
  );
};
