import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useNavigate } from "react-router";
import { BackLink } from "@/components/back-link";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { RadioField } from "@/components/form/select-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { isNotFound } from "@/lib/not-found";
import { useLeaveGuard } from "@/lib/use-leave-guard";
import { type TCase, ZCaseStatus } from "@/shared/schemas/case";
import type { TText } from "@/shared/schemas/common";
import { ZCaseDraft, ZCaseUpdate } from "@/shared/schemas/edit";
import { caseMutations, caseQueries } from "../api/queries";
import { CaseNotFound } from "./case-parts";
import "@/components/form/record-form.css";
import { enumLabel } from "@/lib/enum-label";

/** The form's values: the body, with an optional summary held as a (possibly blank) pair while typing. */
export type TCaseValues = {
  version?: number;
  title: TText;
  summary: TText;
  status: string;
};

const EMPTY: TText = { ja: "", en: "" };

export const valuesFromCase = (c: TCase): TCaseValues => ({
  version: c.version,
  title: c.title,
  summary: c.summary ?? EMPTY,
  status: c.status,
});

/** A blank summary is none (the schema's null), not two empty strings. */
export const toCaseBody = (values: TCaseValues) => ({
  ...values,
  summary: values.summary.ja.trim() === "" && values.summary.en.trim() === "" ? null : values.summary,
});

/** /cases/new and /cases/:caseId/edit — for editors (the route checks the role). */
const CaseForm = ({ aCase }: { aCase: TCase | null }) => {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const create = useMutation(caseMutations.create());
  const update = useMutation(caseMutations.update());
  const release = useRef<() => void>(() => {});
  const form = useRecordForm<TCaseValues, TCase>({
    initial: () =>
      aCase ? valuesFromCase(aCase) : { title: { ...EMPTY }, summary: { ...EMPTY }, status: "open" },
    toBody: toCaseBody,
    endpoint: aCase
      ? endpoint(ZCaseUpdate, (body) => update.mutateAsync({ caseId: aCase.id, body }))
      : endpoint(ZCaseDraft, (body) => create.mutateAsync(body)),
    onSuccess: (saved) => {
      release.current();
      navigate(`/cases/${saved.id}`, { state: { saved: true } });
    },
  });
  const { control } = form;
  release.current = useLeaveGuard(form.dirty && !form.pending, t("editing.leaveConfirm"));
  const statusLabel = (v: unknown) =>
    enumLabel(t, ZCaseStatus.options, (s) => `domain.caseStatus.${s}`)(v) ?? String(v);
  const conflictFields: TConflictField<TCaseValues>[] = [
    { path: "title", label: t("cases.fTitle") },
    { path: "summary", label: t("cases.fSummary") },
    { path: "status", label: t("cases.fStatus"), render: statusLabel },
  ];
  const backTo = aCase ? `/cases/${aCase.id}` : "/cases";
  const title = aCase ? t("cases.editTitle", { title: tx(aCase.title) }) : t("cases.newTitle");
  return (
    <article className="record-editor case-editor">
      <BackLink to={backTo} label={aCase ? t("cases.backToCase") : t("cases.backToList")} />
      <PageHeader
        title={title}
        lead={
          <>
            <p>{t("cases.formLead")}</p>
            {aCase ? <p>{t("cases.formVersion", { version: aCase.version })}</p> : null}
          </>
        }
      />
      <div className="record-editor-main">
        <ConflictPanel form={form} fields={conflictFields} valuesFrom={(c) => valuesFromCase(c as TCase)} />
        <RecordForm form={form} className="record-form" aria-label={title}>
          <div className="panel record-form-section">
            <BilingualTextField
              control={control}
              name="title"
              legend={t("cases.fTitle")}
              hint={t("cases.fTitleHint")}
            />
            <BilingualTextField
              control={control}
              name="summary"
              legend={t("cases.fSummary")}
              hint={t("cases.fSummaryHint")}
              required={false}
              multiline
              rows={3}
            />
            <RadioField
              control={control}
              name="status"
              legend={t("cases.fStatus")}
              hint={t("cases.fStatusHint")}
              required
              options={ZCaseStatus.options.map((s) => ({ value: s, label: statusLabel(s) }))}
            />
          </div>
          <div className="record-form-footer">
            <FormActions
              submitLabel={aCase ? t("cases.save") : t("cases.create")}
              onCancel={() => navigate(backTo)}
            />
          </div>
        </RecordForm>
      </div>
    </article>
  );
};

export const CaseEditor = ({ caseId }: { caseId?: string }) => {
  const detail = useQuery({ ...caseQueries.detail(caseId ?? ""), enabled: caseId !== undefined });
  if (caseId === undefined) return <CaseForm aCase={null} />;
  if (isNotFound(detail.error)) return <CaseNotFound caseId={caseId} />;
  return (
    <QueryState query={detail} minHeight="24rem">
      {(aCase) => <CaseForm aCase={aCase} />}
    </QueryState>
  );
};
