import { useMutation, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { MultiSelectField, RadioField, SelectField } from "@/components/form/select-field";
import { SourceRefField, useDocumentOptions } from "@/components/form/source-ref-field";
import { TextAreaField } from "@/components/form/text-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { enumLabel } from "@/lib/enum-label";
import { type TCommitmentView, ZCommitmentKind, ZCommitmentStatus } from "@/shared/schemas/commitment";
import { ZCommitmentDraft, ZCommitmentEditableStatus, ZCommitmentUpdate } from "@/shared/schemas/edit";
import { commitmentMutations, commitmentQueries } from "../api/queries";
import type { TCommitmentNames } from "./use-commitment-names";

/** Open and in progress are set here; later states only through report-done / verify / reopen. */
const EDITABLE = new Set(["open", "in_progress", "reopened"]);

type TValues = {
  version: number;
  kind: string;
  text: { ja: string; en: string };
  quote: string | null;
  owedByIds: string[];
  incidentIds: string[];
  madeInDocumentId: string | null;
  madeAtMeetingId: string | null;
  madeOn: string | null;
  dueDate: string | null;
  /** "" leaves the workflow state as it is. */
  status: string;
  source: { documentId: string; cites: string[] };
};

const valuesFor = (c: TCommitmentView | null, defaults: { incidentId?: string }): TValues =>
  c
    ? {
        version: c.version,
        kind: c.kind,
        text: c.text,
        quote: c.quote,
        owedByIds: c.owedByIds,
        incidentIds: c.incidentIds,
        madeInDocumentId: c.madeInDocumentId,
        madeAtMeetingId: c.madeAtMeetingId,
        madeOn: c.madeOn,
        dueDate: c.dueDate,
        status: c.status === "open" || c.status === "in_progress" ? c.status : "",
        source: c.source,
      }
    : {
        version: 1,
        kind: "vendor_promise",
        text: { ja: "", en: "" },
        quote: null,
        owedByIds: [],
        incidentIds: defaults.incidentId ? [defaults.incidentId] : [],
        madeInDocumentId: null,
        madeAtMeetingId: null,
        madeOn: null,
        dueDate: null,
        status: "open",
        source: { documentId: "", cites: [] },
      };

const toBody = (isNew: boolean) => (v: TValues) => {
  const { version, status, ...rest } = v;
  return {
    ...rest,
    quote: v.quote && v.quote.trim() !== "" ? v.quote : null,
    ...(status ? { status } : {}),
    ...(isNew ? {} : { version }),
  };
};

type TProps = {
  commitment?: TCommitmentView | null;
  names: TCommitmentNames;
  /** Pre-selects the incident a new commitment is about. */
  incidentId?: string;
  onSaved: () => void;
  onCancel: () => void;
};

/** Records a vendor promise or a board demand, or changes its wording, parties, dates or open/in-progress state. */
export const CommitmentForm = ({ commitment = null, names, incidentId, onSaved, onCancel }: TProps) => {
  const { t, tx } = useI18n();
  const titleId = useId();
  const create = useMutation(commitmentMutations.create());
  const update = useMutation(commitmentMutations.update());
  const meetings = useQuery(commitmentQueries.meetings());
  const documents = useDocumentOptions();
  const isNew = commitment === null;
  const form = useRecordForm({
    initial: () => valuesFor(commitment, { incidentId }),
    toBody: toBody(isNew),
    endpoint: commitment
      ? endpoint(ZCommitmentUpdate, (body) => update.mutateAsync({ commitmentId: commitment.id, body }))
      : endpoint(ZCommitmentDraft, (body) => create.mutateAsync(body)),
    onSuccess: onSaved,
  });
  const { control } = form;
  const option =
    <V extends string>(key: (v: V) => TPlainKey) =>
    (v: V) => ({ value: v, label: t(key(v)) });
  const vendorOptions = names.vendors.map((v) => ({ value: v.id, label: tx(v.name) }));
  const incidentOptions = names.incidents.map((i) => ({ value: i.id, label: names.incident(i.id) }));
  const meetingOptions = (meetings.data?.items ?? []).map((m) => ({ value: m.id, label: tx(m.title) }));
  const ids = (render: (id: string) => string) => (v: unknown) =>
    Array.isArray(v) && v.length > 0
      ? v.map((id) => render(String(id))).join(t("editing.listSeparator"))
      : "—";
  const conflictFields: TConflictField<TValues>[] = [
    { path: "text", label: t("commitments.actText") },
    { path: "owedByIds", label: t("commitments.actOwedBy"), render: ids(names.vendor) },
    { path: "incidentIds", label: t("commitments.actIncidents"), render: ids(names.incident) },
    { path: "dueDate", label: t("commitments.actDueDate") },
    { path: "madeOn", label: t("commitments.actMadeOn") },
    {
      path: "status",
      label: t("commitments.actStatus"),
      pickMine: (m) => (m as { status?: string }).status ?? commitment?.status ?? null,
      render: (v) => enumLabel(t, ZCommitmentStatus.options, (s) => `domain.commitmentStatus.${s}`)(v) ?? "—",
    },
    { path: "source", label: t("commitments.actSource") },
  ];
  return (
    <section className="edit-panel" aria-labelledby={titleId}>
      <h4 id={titleId}>{commitment ? t("commitments.actEditTitle") : t("commitments.actAddTitle")}</h4>
      {commitment ? (
        <ConflictPanel
          form={form}
          fields={conflictFields}
          valuesFrom={(current) => valuesFor(current as unknown as TCommitmentView, {})}
        />
      ) : null}
      <RecordForm form={form} aria-labelledby={titleId}>
        <RadioField
          control={control}
          name="kind"
          legend={t("commitments.actKind")}
          required
          options={ZCommitmentKind.options.map(option((k) => `domain.commitmentKind.${k}`))}
        />
        <BilingualTextField
          control={control}
          name="text"
          legend={t("commitments.actText")}
          hint={t("commitments.actTextHint")}
          multiline
          rows={2}
        />
        <TextAreaField
          control={control}
          name="quote"
          label={t("commitments.actQuote")}
          hint={t("commitments.actQuoteHint")}
          nullable
          rows={2}
        />
        <MultiSelectField
          control={control}
          name="owedByIds"
          legend={t("commitments.actOwedBy")}
          required
          options={vendorOptions}
        />
        <MultiSelectField
          control={control}
          name="incidentIds"
          legend={t("commitments.actIncidents")}
          options={incidentOptions}
        />
        <DateField
          control={control}
          name="dueDate"
          label={t("commitments.actDueDate")}
          hint={t("commitments.actDueDateHint")}
          nullable
        />
        <DateField control={control} name="madeOn" label={t("commitments.actMadeOn")} partial nullable />
        <SelectField
          control={control}
          name="madeInDocumentId"
          label={t("commitments.actMadeIn")}
          nullable
          options={documents}
        />
        <SelectField
          control={control}
          name="madeAtMeetingId"
          label={t("commitments.actMadeAt")}
          nullable
          options={meetingOptions}
        />
        {isNew || (commitment && EDITABLE.has(commitment.status)) ? (
          <SelectField
            control={control}
            name="status"
            label={t("commitments.actStatus")}
            hint={t("commitments.actStatusHint")}
            options={ZCommitmentEditableStatus.options.map(option((s) => `domain.commitmentStatus.${s}`))}
            placeholder={
              commitment
                ? t("commitments.actStatusUnchanged", {
                    status: t(`domain.commitmentStatus.${commitment.status}`),
                  })
                : undefined
            }
          />
        ) : null}
        <SourceRefField control={control} name="source" legend={t("commitments.actSource")} />
        <FormActions
          submitLabel={commitment ? t("commitments.actSave") : t("commitments.actCreate")}
          onCancel={onCancel}
        />
      </RecordForm>
    </section>
  );
};
