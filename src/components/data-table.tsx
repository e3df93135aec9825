import { type ReactNode, useEffect, useState } from "react";
import { flushSync } from "react-dom";
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
  /**
   * Rows drawn at first, and added by each "show more" (TABLE_PAGE_ROWS for a table as long as the
   * record); every row when not given.
   */
  pageRows?: number;
};

/**
 * Rows a paged table draws at first, and adds at each "show more": a table as long as the record (a
 * chart's table once the reader has asked for every group: thousands at a hundred times the record) is
 * drawn a page at a time. Print and the CSV always take every row the table holds.
 */
export const TABLE_PAGE_ROWS = 100;

/** How many rows are drawn: a page more at each ask, every row when the page is printed. */
const useShownRows = (pageRows: number) => {
  const [shown, setShown] = useState(pageRows);
  useEffect(() => {
    // An unpaged table already draws every row: nothing to do when printing.
    if (!Number.isFinite(pageRows)) return;
    // Drawn before the print snapshot is taken (a render scheduled as usual would come after it).
    const all = () => flushSync(() => setShown(Number.POSITIVE_INFINITY));
    window.addEventListener("beforeprint", all);
    return () => window.removeEventListener("beforeprint", all);
  }, [pageRows]);
  return {
    shown,
    more: () => setShown((n) => n + pageRows),
    all: () => setShown(Number.POSITIVE_INFINITY),
  };
};

/** A table that scrolls inside its own box on narrow screens and exports every row as CSV. */
export const DataTable = <T,>({
  caption,
  rows,
  columns: all,
  rowKey,
  csvName,
  captionHidden,
  pageRows = Number.POSITIVE_INFINITY,
}: TProps<T>) => {
  const { t, f } = useI18n();
  const columns = all.filter((c) => !c.csvOnly);
  const paging = useShownRows(pageRows);
  const drawn = rows.length > paging.shown ? rows.slice(0, paging.shown) : rows;
  const left = rows.length - drawn.length;
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
            {drawn.map((r) => (
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
      {left > 0 ? (
        <div className="table-more no-print">
          <p role="status">
            {t("common.tableShown", { shown: f.number(drawn.length), total: f.number(rows.length) })}
          </p>
          <button type="button" className="button button-secondary" onClick={paging.more}>
            {t("common.tableShowMore", { n: f.number(Math.min(pageRows, left)) })}
          </button>
          <button type="button" className="button button-secondary" onClick={paging.all}>
            {t("common.tableShowAll", { total: f.number(rows.length) })}
          </button>
        </div>
      ) : null}
    </div>
  );
};
