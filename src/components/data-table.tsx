import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { CSV_TYPE, downloadText } from "@/lib/download";
import { type TCsvCell, writeCsv } from "@/shared/csv";

export type TColumn<T> = {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** The cell as plain text/number for CSV export; null/undefined exports empty. */
  csv: (row: T) => TCsvCell;
  /** A column of controls (an edit button): shown, but left out of the CSV export. */
  noCsv?: boolean;
  /** Exported, but not a column on screen (the page shows it inside another cell, e.g. a status chip). */
  csvOnly?: boolean;
  align?: "start" | "end";
};

type TProps<T> = {
  caption: string;
  rows: T[];
  columns: TColumn<T>[];
  rowKey: (row: T) => string;
  /** File name without extension; the export button appears when given. */
  csvName?: string;
  captionHidden?: boolean;
};

/** A table that scrolls inside its own box on narrow screens and exports what it shows as CSV. */
export const DataTable = <T,>({ caption, rows, columns: all, rowKey, csvName, captionHidden }: TProps<T>) => {
  const { t } = useI18n();
  const columns = all.filter((c) => !c.csvOnly);
  const exportCsv = () => {
    if (!csvName) return;
    const exported = all.filter((c) => !c.noCsv);
    downloadText(
      `${csvName}.csv`,
      writeCsv([exported.map((c) => c.header), ...rows.map((r) => exported.map((c) => c.csv(r)))], {
        bom: true,
      }),
      CSV_TYPE,
    );
  };
  return (
    <div className="data-table">
      {csvName ? (
        <div className="table-actions no-print">
          <button type="button" className="button button-secondary" onClick={exportCsv}>
            {t("common.exportCsv")}
          </button>
        </div>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls sideways must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-label={caption}>
        <table>
          <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.align === "end" ? "num" : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.align === "end" ? "num" : undefined}>
                    {c.render(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
};
