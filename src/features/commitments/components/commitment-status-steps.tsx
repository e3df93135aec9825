import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import type { TCommitmentStatus, TCommitmentView } from "@/shared/schemas/commitment";

// The path a commitment walks; "reopened" sends it back to work in progress.
const STEPS = [
  "open",
  "in_progress",
  "vendor_reported_done",
  "verified",
] as const satisfies TCommitmentStatus[];

const stepIndex = (status: TCommitmentStatus) => (status === "reopened" ? 1 : STEPS.indexOf(status));

/**
 * The vendor saying "done" and the association checking it are two steps, drawn apart, so a reported
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
                  {t(`domain.commitmentStatus.${step}` as TMessageKey)}
                  {date ? <span className="status-step-date">{date}</span> : null}
                </span>
                <span className="visually-hidden">{t(`commitments.step_${state}` as TMessageKey)}</span>
              </span>
            </li>
          );
        })}
      </ol>
      {commitment.status === "reopened" ? (
        <p className="status-reopened">{t("commitments.reopenedNote")}</p>
      ) : null}
    </div>
  );
};
