import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import type { TSourceRef, TText } from "@/shared/schemas/common";

/** The documents a view already holds the names of (a bounded answer's own list). */
export type TDocumentNames = ReadonlyMap<string, { label: TText; outsideRecord: boolean }>;

/**
 * "出典:協会からのお知らせ(資料4)": every figure links to the document it comes from; published context
 * is marked as outside the association's record.
 */
export const SourceRef = ({
  source,
  compact = false,
  names,
}: {
  source: TSourceRef;
  compact?: boolean;
  /** Names the view already has: then the whole list of documents is not read for them. */
  names?: TDocumentNames | undefined;
}) => {
  const { t, tx } = useI18n();
  const docs = useQuery({ ...referenceQueries.documents(), enabled: names === undefined });
  const byId: TDocumentNames = names ?? new Map((docs.data?.items ?? []).map((d) => [d.id, d]));
  const label = (id: string) => {
    const d = byId.get(id);
    return d ? tx(d.label) : id;
  };
  const main = byId.get(source.documentId);
  const outside = main?.outsideRecord ?? false;
  return (
    <span className={`source-ref${outside ? " source-outside" : ""}`}>
      {compact ? null : <span className="source-label">{t("common.source")}: </span>}
      <Link to={`/documents/${source.documentId}`}>{label(source.documentId)}</Link>
      {source.cites.length > 0 ? (
        <>
          {"("}
          {source.cites.map((id, i) => (
            <span key={id}>
              {i > 0 ? "・" : null}
              <Link to={`/documents/${id}`}>{label(id)}</Link>
            </span>
          ))}
          {")"}
        </>
      ) : null}
      {outside ? (
        <span className="outside-mark" title={t("common.outsideRecord")}>
          {t("common.outsideRecordShort")}
        </span>
      ) : null}
    </span>
  );
};
