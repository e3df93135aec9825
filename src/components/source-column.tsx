import type { TSourceRef } from "@/shared/schemas/common";
import type { TColumn } from "./data-table";
import { SourceRef, type TDocumentNames } from "./source-ref";

/** A table's 出典 column: the compact source link on screen, the cited document ids in the CSV. */
export const sourceColumn = <T,>(
  header: string,
  sourceOf: (row: T) => TSourceRef,
  names?: TDocumentNames,
): TColumn<T> => ({
  key: "source",
  header,
  render: (row) => <SourceRef source={sourceOf(row)} compact names={names} />,
  csv: (row) => {
    const source = sourceOf(row);
    return [source.documentId, ...source.cites].join(" ");
  },
});
