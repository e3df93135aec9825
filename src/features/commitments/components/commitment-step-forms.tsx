import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { todayInTokyo } from "@/shared/dates";
import type { TCommitmentView } from "@/shared/schemas/commitment";
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
    label: t("editing.cmtStatus"),
    pickMine: () => STEP_STATUS[step],
    render: (v: unknown) => (typeof v === "string" ? t(`domain.commitmentStatus.${v}` as TMessageKey) : "—"),
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
    <StepFrame titleId={titleId} title={t("editing.cmtReportDoneTitle")}>
      <ConflictPanel
        form={form}
        fields={[
          status,
          { path: "reportedDoneDate", label: t("editing.cmtReportedDoneDate") },
          { path: "evidence", label: t("editing.cmtEvidence") },
        ]}
        valuesFrom={(current) => atVersion(form.getValues(), current)}
        onDiscarded={onCancel}
      />
      <RecordForm form={form} aria-labelledby={titleId}>
        <DateField
          control={control}
          name="reportedDoneDate"
          label={t("editing.cmtReportedDoneDate")}
          hint={t("editing.cmtReportedDoneDateHint")}
          required
          max={todayInTokyo()}
        />
        <BilingualTextField
          control={control}
          name="evidence"
          legend={t("editing.cmtEvidence")}
          hint={t("editing.cmtEvidenceHint")}
          multiline
          rows={3}
        />
        <FormActions submitLabel={t("editing.cmtReportDoneSave")} onCancel={onCancel} />
      </RecordForm>
    </StepFrame>
  );
};

/** The association checked the vendor's report and accepts it: only now does the commitment count as closed. */
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
    <StepFrame titleId={titleId} title={t("editing.cmtVerifyTitle")}>
      <ConflictPanel
        form={form}
        fields={[status, { path: "verifiedDate", label: t("editing.cmtVerifiedDate") }]}
        valuesFrom={(current) => atVersion(form.getValues(), current)}
        onDiscarded={onCancel}
      />
      <RecordForm form={form} aria-labelledby={titleId}>
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
          control={form.control}
          name="verifiedDate"
          label={t("editing.cmtVerifiedDate")}
          hint={t("editing.cmtVerifiedDateHint")}
          required
          max={todayInTokyo()}
        />
        <FormActions submitLabel={t("editing.cmtVerifySave")} onCancel={onCancel} />
      </RecordForm>
    </StepFrame>
  );
};

/** The association does not accept the vendor's report (or finds a verified one wanting): why, and since when. */
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
    <StepFrame titleId={titleId} title={t("editing.cmtReopenTitle")}>
      <ConflictPanel
        form={form}
        fields={[
          status,
          { path: "reopenedDate", label: t("editing.cmtReopenedDate") },
          {
            path: "reopenedReason",
            label: t("editing.cmtReopenedReason"),
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
          label={t("editing.cmtReopenedDate")}
          required
          max={todayInTokyo()}
        />
        <BilingualTextField
          control={control}
          name="reason"
          legend={t("editing.cmtReopenedReason")}
          hint={t("editing.cmtReopenReasonHint")}
          multiline
          rows={3}
        />
        <FormActions submitLabel={t("editing.cmtReopenSave")} onCancel={onCancel} />
      </RecordForm>
    </StepFrame>
  );
};
