import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import type { TCommitmentStatus, TCommitmentView } from "@/shared/schemas/commitment";
import { lastReopening, type TReopening } from "./commitment-model";

// The path a commitment walks; "reopened" sends it back to work in progress.
const STEPS = [
  "open",
  "in_progress",
  "vendor_reported_done",
  "verified",
] as const satisfies TCommitmentStatus[];

const stepIndex = (status: TCommitmentStatus) => (status === "reopened" ? 1 : STEPS.indexOf(status));

/** A reopened commitment says what was undone: an unaccepted report, or a withdrawn verification. */
const REOPENED_NOTE: Record<TReopening, TPlainKey> = {
  not_accepted: "commitments.reopenedNotAccepted",
  after_verified: "commitments.reopenedAfterVerified",
  unknown: "commitments.reopenedNote",
};

/**
 * The vendor saying "done" and the organisation checking it are two steps, drawn apart, so a reported
 * completion is never read as a closed one. Each step is marked by a symbol and text, not colour alone.
 */
export const CommitmentStatusSteps = ({ commitment }: { commitment: TCommitmentView }) => {
  const { t, f } = useI18n();
  const current = stepIndex(commitment.status);
  const dateOf = (step: TCommitmentStatus) => {
    if (step === "vendor_reported_done" && commitment.reportedDoneDate)
      return f.date(commitment.reportedDoneDate);
    if (step === "verified" && commitment.verifiedDate) return f.date(commitment.verifiedDate);
    return null;
  };
  return (
    <div className="status-steps-wrap">
      <ol className="status-steps" aria-label={t("commitments.stepsLabel")}>
        {STEPS.map((step, i) => {
          const state = i < current ? "done" : i === current ? "current" : "todo";
          const date = dateOf(step);
          return (
            <li
              key={step}
              className={`status-step status-step-${state}`}
              aria-current={state === "current" ? "step" : undefined}
            >
              <span className="status-step-box">
                <span className="status-step-mark" aria-hidden="true">
                  {state === "done" ? "✓" : state === "current" ? "●" : "○"}
                </span>
                <span className="status-step-label">
                  {t(`domain.commitmentStatus.${step}`)}
                  {date ? <span className="status-step-date">{date}</span> : null}
                </span>
                <span className="visually-hidden">{t(`commitments.step_${state}`)}</span>
              </span>
            </li>
          );
        })}
      </ol>
      {commitment.status === "reopened" ? (
        <p className="status-reopened">{t(REOPENED_NOTE[lastReopening(commitment)])}</p>
      ) : null}
    </div>
  );
};
