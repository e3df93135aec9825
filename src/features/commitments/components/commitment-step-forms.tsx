import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FormActions } from "@/components/form/form-actions";
import { ZodForm } from "@/components/form/zod-form";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { useZodForm } from "@/lib/use-zod-form";
import { todayInTokyo } from "@/shared/dates";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import { ZCommitmentReopen, ZCommitmentReportDone, ZCommitmentVerify } from "@/shared/schemas/edit";
import { commitmentMutations } from "../api/queries";

type TProps = { commitment: TCommitmentView; onSaved: () => void; onCancel: () => void };

const EMPTY_TEXT = { ja: "", en: "" };

type TStepKind = "report" | "verify" | "reopen";

const STEP_STATUS = { report: "vendor_reported_done", verify: "verified", reopen: "reopened" } as const;

/** What a step's conflict panel compares: the status it leads to, and the fields the step sets. */
const useStepFields = (step: TStepKind): TConflictField[] => {
  const { t } = useI18n();
  const status: TConflictField = {
    path: "status",
    label: t("editing.cmtStatus"),
    pickMine: () => STEP_STATUS[step],
    render: (v) => (typeof v === "string" ? t(`domain.commitmentStatus.${v}` as TMessageKey) : "—"),
  };
  switch (step) {
    case "report":
      return [
        status,
        { path: "reportedDoneDate", label: t("editing.cmtReportedDoneDate") },
        { path: "evidence", label: t("editing.cmtEvidence") },
      ];
    case "verify":
      return [status, { path: "verifiedDate", label: t("editing.cmtVerifiedDate") }];
    case "reopen":
      return [
        status,
        { path: "reopenedDate", label: t("editing.cmtReopenedDate") },
        {
          path: "reopenedReason",
          label: t("editing.cmtReopenedReason"),
          pickMine: (m) => (m as { reason?: unknown }).reason ?? null,
        },
      ];
  }
};

const StepFrame = ({ titleId, title, children }: { titleId: string; title: string; children: ReactNode }) => (
  <section className="edit-panel" aria-labelledby={titleId}>
    <h4 id={titleId}>{title}</h4>
    {children}
  </section>
);

/** The vendor says it is done: the date of its report and what it gave as evidence. */
export const ReportDoneForm = ({ commitment, onSaved, onCancel }: TProps) => {
  const { t } = useI18n();
  const titleId = useId();
  const mutation = useMutation(commitmentMutations.reportDone());
  const form = useZodForm({
    schema: ZCommitmentReportDone,
    initial: () => ({
      version: commitment.version,
      reportedDoneDate: commitment.reportedDoneDate ?? "",
      evidence: commitment.evidence ?? EMPTY_TEXT,
    }),
    send: (body) => mutation.mutateAsync({ commitmentId: commitment.id, body }),
    onSuccess: onSaved,
  });
  const fields = useStepFields("report");
  return (
    <StepFrame titleId={titleId} title={t("editing.cmtReportDoneTitle")}>
      <ConflictPanel
        form={form}
        fields={fields}
        valuesFrom={(c) => ({
          version: c.version as number,
          reportedDoneDate: form.values.reportedDoneDate,
          evidence: form.values.evidence,
        })}
        onDiscarded={onCancel}
      />
      <ZodForm form={form} aria-labelledby={titleId}>
        <DateField
          path="reportedDoneDate"
          label={t("editing.cmtReportedDoneDate")}
          hint={t("editing.cmtReportedDoneDateHint")}
          required
          max={todayInTokyo()}
        />
        <BilingualTextField
          path="evidence"
          legend={t("editing.cmtEvidence")}
          hint={t("editing.cmtEvidenceHint")}
          multiline
          rows={3}
        />
        <FormActions submitLabel={t("editing.cmtReportDoneSave")} onCancel={onCancel} />
      </ZodForm>
    </StepFrame>
  );
};

/** The association checked the vendor's report and accepts it: only now does the commitment count as closed. */
export const VerifyForm = ({ commitment, onSaved, onCancel }: TProps) => {
  const { t, tx, f } = useI18n();
  const titleId = useId();
  const mutation = useMutation(commitmentMutations.verify());
  const form = useZodForm({
    schema: ZCommitmentVerify,
    initial: () => ({ version: commitment.version, verifiedDate: todayInTokyo() }),
    send: (body) => mutation.mutateAsync({ commitmentId: commitment.id, body }),
    onSuccess: onSaved,
  });
  const fields = useStepFields("verify");
  return (
    <StepFrame titleId={titleId} title={t("editing.cmtVerifyTitle")}>
      <ConflictPanel
        form={form}
        fields={fields}
        valuesFrom={(c) => ({ version: c.version as number, verifiedDate: form.values.verifiedDate })}
        onDiscarded={onCancel}
      />
      <ZodForm form={form} aria-labelledby={titleId}>
        <dl className="edit-context-list">
          <div>
            <dt>{t("editing.cmtReportedDoneDate")}</dt>
            <dd>{commitment.reportedDoneDate ? f.date(commitment.reportedDoneDate) : "—"}</dd>
          </div>
          <div>
            <dt>{t("editing.cmtEvidence")}</dt>
            <dd>{commitment.evidence ? tx(commitment.evidence) : "—"}</dd>
          </div>
        </dl>
        <p className="edit-context">{t("editing.cmtVerifyLead")}</p>
        <DateField
          path="verifiedDate"
          label={t("editing.cmtVerifiedDate")}
          hint={t("editing.cmtVerifiedDateHint")}
          required
          max={todayInTokyo()}
        />
        <FormActions submitLabel={t("editing.cmtVerifySave")} onCancel={onCancel} />
      </ZodForm>
    </StepFrame>
  );
};

/** The association does not accept the vendor's report (or finds a verified one wanting): why, and since when. */
export const ReopenForm = ({ commitment, onSaved, onCancel }: TProps) => {
  const { t } = useI18n();
  const titleId = useId();
  const mutation = useMutation(commitmentMutations.reopen());
  const form = useZodForm({
    schema: ZCommitmentReopen,
    initial: () => ({ version: commitment.version, reopenedDate: todayInTokyo(), reason: EMPTY_TEXT }),
    send: (body) => mutation.mutateAsync({ commitmentId: commitment.id, body }),
    onSuccess: onSaved,
  });
  const fields = useStepFields("reopen");
  return (
    <StepFrame titleId={titleId} title={t("editing.cmtReopenTitle")}>
      <ConflictPanel
        form={form}
        fields={fields}
        valuesFrom={(c) => ({
          version: c.version as number,
          reopenedDate: form.values.reopenedDate,
          reason: form.values.reason,
        })}
        onDiscarded={onCancel}
      />
      <ZodForm form={form} aria-labelledby={titleId}>
        <DateField path="reopenedDate" label={t("editing.cmtReopenedDate")} required max={todayInTokyo()} />
        <BilingualTextField
          path="reason"
          legend={t("editing.cmtReopenedReason")}
          hint={t("editing.cmtReopenReasonHint")}
          multiline
          rows={3}
        />
        <FormActions submitLabel={t("editing.cmtReopenSave")} onCancel={onCancel} />
      </ZodForm>
    </StepFrame>
  );
};
