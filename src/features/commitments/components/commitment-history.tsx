import { useI18n } from "@/i18n/i18n";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import { historyEntries, type THistoryEntry } from "./commitment-model";

/**
 * The dated history of a commitment: every report of completion, verification and reopening, in order,
 * each saying what happened ("the vendor's report was not accepted", not "reopened after verification"
 * when it was never verified), with the vendor's evidence or the reason. A record kept before the history
 * existed still shows its last reopening from the commitment's own fields.
 */
export const CommitmentHistory = ({
  commitment: c,
  compact = false,
}: {
  commitment: TCommitmentView;
  compact?: boolean;
}) => {
  const { t, tx, f } = useI18n();
  const entries: THistoryEntry[] =
    c.history.length > 0
      ? historyEntries(c)
      : c.status === "reopened" && c.reopenedDate
        ? historyEntries({
            history: [{ step: "reopened", date: c.reopenedDate, text: c.reopenedReason }],
          })
        : [];
  if (entries.length === 0) {
    return compact ? null : <p className="commitment-history-none">{t("commitments.historyNone")}</p>;
  }
  return (
    <ol className={compact ? "commitment-history commitment-history-compact" : "commitment-history"}>
      {entries.map((e, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their order never changes
          key={i}
          className={`commitment-history-step commitment-history-${e.step.step}`}
        >
          <time dateTime={e.step.date} className="commitment-history-date">
            {f.date(e.step.date)}
          </time>{" "}
          <span className="commitment-history-what">{t(e.label)}</span>
          {e.text?.value && !compact ? (
            <span className="commitment-history-text">{t(e.text.key, { text: tx(e.text.value) })}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
};
