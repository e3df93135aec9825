import { useId, useRef, useState } from "react";
import { AddDisclosure } from "@/components/form/add-disclosure";
import { useI18n } from "@/i18n/i18n";
import { useCanEdit } from "@/lib/edit-rights";
import type { TCommitmentStatus, TCommitmentView } from "@/shared/schemas/commitment";
import { CommitmentForm } from "./commitment-form";
import { ReopenForm, ReportDoneForm, VerifyForm } from "./commitment-step-forms";
import type { TCommitmentNames } from "./use-commitment-names";
import "./commitment-editing.css";

type TAction = "report" | "verify" | "reopen" | "edit";

/** Which steps the workflow allows from each state (the server refuses the others with a 409). */
export const actionsFor = (status: TCommitmentStatus): TAction[] => {
  switch (status) {
    case "vendor_reported_done":
      return ["verify", "reopen", "report", "edit"];
    case "verified":
      return ["reopen", "edit"];
    default:
      return ["report", "edit"];
  }
};

const LABEL = {
  report: "commitments.actReportDone",
  verify: "commitments.actVerify",
  reopen: "commitments.actReopen",
  edit: "commitments.actEdit",
} as const;

/**
 * The secretariat's steps on one commitment, under its card: the vendor reports done → the organisation
 * verifies it, or does not accept it and reopens it with a reason. Only what the current state allows is
 * offered; nothing at all for a viewer.
 */
export const CommitmentActions = ({
  commitment,
  names,
}: {
  commitment: TCommitmentView;
  names: TCommitmentNames;
}) => {
  const { t } = useI18n();
  const canEdit = useCanEdit();
  const id = useId();
  const [open, setOpen] = useState<TAction | null>(null);
  const [saved, setSaved] = useState(false);
  const opener = useRef<HTMLButtonElement | null>(null);
  if (!canEdit) return null;
  const close = (didSave: boolean) => () => {
    setOpen(null);
    setSaved(didSave);
    opener.current?.focus();
  };
  const props = { commitment, onSaved: close(true), onCancel: close(false) };
  const actions = actionsFor(commitment.status);
  return (
    <div className="commitment-actions no-print">
      {/* biome-ignore lint/a11y/useSemanticElements: buttons, not form fields: a fieldset would misname them */}
      <div className="edit-bar" role="group" aria-label={t("commitments.actToolbar")}>
        {actions.map((action, i) => (
          <button
            key={action}
            type="button"
            className={i === 0 && action !== "edit" ? "button" : "button button-secondary"}
            aria-expanded={open === action}
            aria-controls={`${id}-panel`}
            onClick={(e) => {
              opener.current = e.currentTarget;
              setSaved(false);
              setOpen((o) => (o === action ? null : action));
            }}
          >
            {t(LABEL[action])}
          </button>
        ))}
      </div>
      {saved ? (
        <p className="form-success" role="status">
          {t("editing.saved")}
        </p>
      ) : null}
      <div id={`${id}-panel`}>
        {open === "report" ? <ReportDoneForm {...props} /> : null}
        {open === "verify" ? <VerifyForm {...props} /> : null}
        {open === "reopen" ? <ReopenForm {...props} /> : null}
        {open === "edit" ? <CommitmentForm {...props} names={names} /> : null}
      </div>
    </div>
  );
};

/** "Record a commitment" at the top of the tracker, for editors. */
export const AddCommitment = ({ names }: { names: TCommitmentNames }) => (
  <AddDisclosure label={useI18n().t("commitments.actAdd")} className="commitment-add">
    {(done) => <CommitmentForm names={names} {...done} />}
  </AddDisclosure>
);
