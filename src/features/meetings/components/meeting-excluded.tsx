import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import type { TMeetingSnapshot } from "@/shared/schemas/snapshot";

type TExcluded = TMeetingSnapshot["excluded"];

// The order a board reads them in: what happened, then what was done about it, then the papers.
const PARTS = [
  { key: "incidents", label: "meetings.excludedIncidents" },
  { key: "milestones", label: "meetings.excludedMilestones" },
  { key: "progress", label: "meetings.excludedProgress" },
  { key: "commitments", label: "meetings.excludedCommitments" },
  { key: "commitmentSteps", label: "meetings.excludedCommitmentSteps" },
  { key: "documents", label: "meetings.excludedDocuments" },
] as const satisfies readonly { key: keyof TExcluded; label: TMessageKey }[];

/** How many records dated after the meeting day the record held when it was closed (0: none). */
export const excludedTotal = (excluded: TExcluded) => PARTS.reduce((n, p) => n + excluded[p.key], 0);

/**
 * "この会議の日付より後の記録 N件 は含まれていません": a meeting closed after its day (a back-dated meeting
 * entered years later, or closed a week after) froze the record as it stood on its day; what the record
 * already held dated later is left out, and the page says how much of each kind.
 */
export const ExcludedNote = ({ excluded, date }: { excluded: TExcluded; date: string }) => {
  const { t, tp, f } = useI18n();
  const total = excludedTotal(excluded);
  if (total === 0) return null;
  const parts = PARTS.filter((p) => excluded[p.key] > 0)
    .map((p) => t(p.label, { n: f.number(excluded[p.key]) }))
    .join(t("meetings.excludedSeparator"));
  return (
    <p className="excluded-note" data-testid="excluded-note">
      <strong>{tp("meetings.excludedTitle", total, { parts })}</strong>
      {t("meetings.excludedExplain", { date: f.date(date) })}
    </p>
  );
};
