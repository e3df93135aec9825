import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { useI18n } from "@/i18n/i18n";
import { enumLabel } from "@/lib/enum-label";
import { todayInTokyo } from "@/shared/dates";
import { type TCommitmentView, ZCommitmentStatus } from "@/shared/schemas/commitment";
import { ZCommitmentReopen, ZCommitmentReportDone, ZCommitmentVerify } from "@/shared/schemas/edit";
import { commitmentMutations } from "../api/queries";

type TProps = { commitment: TCommitmentView; onSaved: () => void; onCancel: () => void };

const EMPTY_TEXT = { ja: "", en: "" };

type TStepKind = "report" | "verify" | "reopen";

const STEP_STATUS = { report: "vendor_reported_done", verify: "verified", reopen: "reopened" } as const;

/** The status a step leads to, beside the record's: what every step's conflict panel compares first. */
const useStatusField = (step: TStepKind) => {
  const { t } = useI18n();
  return {
    path: "status",
    label: t("commitments.actStatus"),
    pickMine: () => STEP_STATUS[step],
    render: (v: unknown) =>
      enumLabel(t, ZCommitmentStatus.options, (s) => `domain.commitmentStatus.${s}`)(v) ?? "—",
  };
};

/** A step's values after a 409, for "discard mine": what the user typed, at the record's new version. */
const atVersion = <V extends { version: number }>(values: V, current: Record<string, unknown>): V => ({
  ...values,
  version: Number(current.version),
});

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
  const form = useRecordForm({
    initial: () => ({
      version: commitment.version,
      reportedDoneDate: commitment.reportedDoneDate ?? "",
      evidence: commitment.evidence ?? EMPTY_TEXT,
    }),
    endpoint: endpoint(ZCommitmentReportDone, (body) =>
      mutation.mutateAsync({ commitmentId: commitment.id, body }),
    ),
    onSuccess: onSaved,
  });
  const { control } = form;
  const status = useStatusField("report");
  return (
    <StepFrame titleId={titleId} title={t("commitments.actReportDoneTitle")}>
      <ConflictPanel
        form={form}
        fields={[
          status,
          { path: "reportedDoneDate", label: t("commitments.actReportedDoneDate") },
          { path: "evidence", label: t("commitments.actEvidence") },
        ]}
        valuesFrom={(current) => atVersion(form.getValues(), current)}
        onDiscarded={onCancel}
      />
      <RecordForm form={form} aria-labelledby={titleId}>
        <DateField
          control={control}
          name="reportedDoneDate"
          label={t("commitments.actReportedDoneDate")}
          hint={t("commitments.actReportedDoneDateHint")}
          required
          max={todayInTokyo()}
        />
        <BilingualTextField
          control={control}
          name="evidence"
          legend={t("commitments.actEvidence")}
          hint={t("commitments.actEvidenceHint")}
          multiline
          rows={3}
        />
        <FormActions submitLabel={t("commitments.actReportDoneSave")} onCancel={onCancel} />
      </RecordForm>
    </StepFrame>
  );
};

/** The organisation checked the vendor's report and accepts it: only now does the commitment count as closed. */
export const VerifyForm = ({ commitment, onSaved, onCancel }: TProps) => {
  const { t, tx, f } = useI18n();
  const titleId = useId();
  const mutation = useMutation(commitmentMutations.verify());
  const form = useRecordForm({
    initial: () => ({ version: commitment.version, verifiedDate: todayInTokyo() }),
    endpoint: endpoint(ZCommitmentVerify, (body) =>
      mutation.mutateAsync({ commitmentId: commitment.id, body }),
    ),
    onSuccess: onSaved,
  });
  const status = useStatusField("verify");
  return (
    <StepFrame titleId={titleId} title={t("commitments.actVerifyTitle")}>
      <ConflictPanel
        form={form}
        fields={[status, { path: "verifiedDate", label: t("commitments.actVerifiedDate") }]}
        valuesFrom={(current) => atVersion(form.getValues(), current)}
        onDiscarded={onCancel}
      />
      <RecordForm form={form} aria-labelledby={titleId}>
        <dl className="edit-context-list">
          <div>
            <dt>{t("commitments.actReportedDoneDate")}</dt>
            <dd>{commitment.reportedDoneDate ? f.date(commitment.reportedDoneDate) : "—"}</dd>
          </div>
          <div>
            <dt>{t("commitments.actEvidence")}</dt>
            <dd>{commitment.evidence ? tx(commitment.evidence) : "—"}</dd>
          </div>
        </dl>
        <p className="edit-context">{t("commitments.actVerifyLead")}</p>
        <DateField
          control={form.control}
          name="verifiedDate"
          label={t("commitments.actVerifiedDate")}
          hint={t("commitments.actVerifiedDateHint")}
          required
          max={todayInTokyo()}
        />
        <FormActions submitLabel={t("commitments.actVerifySave")} onCancel={onCancel} />
      </RecordForm>
    </StepFrame>
  );
};

/** The organisation does not accept the vendor's report (or finds a verified one wanting): why, and since when. */
export const ReopenForm = ({ commitment, onSaved, onCancel }: TProps) => {
  const { t } = useI18n();
  const titleId = useId();
  const mutation = useMutation(commitmentMutations.reopen());
  const form = useRecordForm({
    initial: () => ({ version: commitment.version, reopenedDate: todayInTokyo(), reason: EMPTY_TEXT }),
    endpoint: endpoint(ZCommitmentReopen, (body) =>
      mutation.mutateAsync({ commitmentId: commitment.id, body }),
    ),
    onSuccess: onSaved,
  });
  const { control } = form;
  const status = useStatusField("reopen");
  return (
    <StepFrame
      titleId={titleId}
      title={
        commitment.status === "verified"
          ? t("commitments.actReopenTitleVerified")
          : t("commitments.actReopenTitleReported")
      }
    >
      <ConflictPanel
        form={form}
        fields={[
          status,
          { path: "reopenedDate", label: t("commitments.actReopenedDate") },
          {
            path: "reopenedReason",
            label: t("commitments.actReopenedReason"),
            pickMine: (m) => (m as { reason?: unknown }).reason ?? null,
          },
        ]}
        valuesFrom={(current) => atVersion(form.getValues(), current)}
        onDiscarded={onCancel}
      />
      <RecordForm form={form} aria-labelledby={titleId}>
        <DateField
          control={control}
          name="reopenedDate"
          label={t("commitments.actReopenedDate")}
          required
          max={todayInTokyo()}
        />
        <BilingualTextField
          control={control}
          name="reason"
          legend={t("commitments.actReopenedReason")}
          hint={t("commitments.actReopenReasonHint")}
          multiline
          rows={3}
        />
        <FormActions submitLabel={t("commitments.actReopenSave")} onCancel={onCancel} />
      </RecordForm>
    </StepFrame>
  );
};
