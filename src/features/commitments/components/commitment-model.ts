import type { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import type { TCommitment, TCommitmentStep, TCommitmentView } from "@/shared/schemas/commitment";
import type { TCommitmentNames } from "./use-commitment-names";

export type TI18n = ReturnType<typeof useI18n>;

/**
 * What a reopening undid: the vendor's report of completion that the organisation did not accept, or a
 * verification it withdrew. Told from the step before it in the history; a record without one (entered
 * before the history was kept) says only that it was reopened, never more than it knows.
 */
export type TReopening = "not_accepted" | "after_verified" | "unknown";

const reopeningAt = (history: readonly TCommitmentStep[], at: number): TReopening => {
  const before = history[at - 1]?.step;
  return before === "reported_done" ? "not_accepted" : before === "verified" ? "after_verified" : "unknown";
};

/** What the latest reopening of a commitment undid (its current state, when it is reopened). */
export const lastReopening = (c: Pick<TCommitment, "history">): TReopening => {
  const at = c.history.findLastIndex((s) => s.step === "reopened");
  return at < 0 ? "unknown" : reopeningAt(c.history, at);
};

/** One dated step of the history, with the words that say what happened. */
export type THistoryEntry = {
  step: TCommitmentStep;
  label: TPlainKey;
  /** The evidence (a report) or the reason (a reopening), with the words that introduce it. */
  text: {
    key: "commitments.historyEvidence" | "commitments.historyReason";
    value: TCommitmentStep["text"];
  } | null;
};

const REOPENED_LABEL: Record<TReopening, TPlainKey> = {
  not_accepted: "commitments.history_reopened_not_accepted",
  after_verified: "commitments.history_reopened_after_verified",
  unknown: "commitments.history_reopened",
};

/** The history in the order it happened, each step in words. */
export const historyEntries = (c: Pick<TCommitment, "history">): THistoryEntry[] =>
  c.history.map((step, i) => {
    if (step.step === "reported_done") {
      return {
        step,
        label: "commitments.history_reported_done",
        text: step.text ? { key: "commitments.historyEvidence", value: step.text } : null,
      };
    }
    if (step.step === "verified") return { step, label: "commitments.history_verified", text: null };
    return {
      step,
      label: REOPENED_LABEL[reopeningAt(c.history, i)],
      text: step.text ? { key: "commitments.historyReason", value: step.text } : null,
    };
  });

/** Plain-text renderings of a commitment's fields, shared by the cards, the table and the CSV. */
export const commitmentText = ({ t, tx, f }: TI18n, names: TCommitmentNames) => ({
  kind: (c: TCommitmentView) => t(`domain.commitmentKind.${c.kind}`),
  status: (c: TCommitmentView) => t(`domain.commitmentStatus.${c.status}`),
  text: (c: TCommitmentView) => tx(c.text),
  owedBy: (c: TCommitmentView) => c.owedByIds.map(names.vendor).join(t("commitments.separator")),
  incidents: (c: TCommitmentView) => c.incidentIds.map(names.incidentShort).join(t("commitments.separator")),
  madeIn: (c: TCommitmentView) =>
    [
      c.madeInDocumentId ? names.document(c.madeInDocumentId) : null,
      c.madeAtMeetingId ? names.meeting(c.madeAtMeetingId) : null,
    ]
      .filter((s): s is string => s !== null)
      .join("・") || t("commitments.placeUnknown"),
  // Month-only dates stay month-only: f.date never invents a day.
  madeOn: (c: TCommitmentView) => (c.madeOn ? f.date(c.madeOn) : t("common.dateUnknown")),
  due: (c: TCommitmentView) => (c.dueDate ? f.date(c.dueDate) : t("commitments.noDueDate")),
  evidence: (c: TCommitmentView) => (c.evidence ? tx(c.evidence) : t("common.notReported")),
  overdue: (c: TCommitmentView) => (c.overdue ? t("commitments.overdue") : ""),
  source: (c: TCommitmentView) => [c.source.documentId, ...c.source.cites].map(names.document).join(" / "),
  /** The history on one line per step, dates as the record writes them (for spreadsheets). */
  history: (c: TCommitmentView) =>
    historyEntries(c)
      .map((e) =>
        [
          t("commitments.historyCsv", { date: e.step.date, step: t(e.label) }),
          e.text?.value ? t(e.text.key, { text: tx(e.text.value) }) : null,
        ]
          .filter((s) => s !== null)
          .join(" "),
      )
      .join("\n"),
});
