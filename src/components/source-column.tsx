import type { TSourceRef } from "@/shared/schemas/common";
import type { TColumn } from "./data-table";
import { SourceRef } from "./source-ref";

/** A table's 出典 column: the compact source link on screen, the cited document ids in the CSV. */
export const sourceColumn = <T,>(header: string, sourceOf: (row: T) => TSourceRef): TColumn<T> => ({
  key: "source",
  header,
  render: (row) => <SourceRef source={sourceOf(row)} compact />,
  csv: (row) => {
    const source = sourceOf(row);
    return [source.documentId, ...source.cites].join(" ");
  },
});
