import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { type Control, useController } from "react-hook-form";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { FigureField, type TFigureDraft } from "@/components/form/figure-field";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { MultiSelectField, RadioField, SelectField } from "@/components/form/select-field";
import { SourceRefField } from "@/components/form/source-ref-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { type TCohort, ZCohortStatus, ZRemediationMethod } from "@/shared/schemas/cohort";
import { ZCohortDraft, ZCohortUpdate } from "@/shared/schemas/edit";
import { cohortMutations } from "../api/queries";

type TValues = {
  version: number;
  incidentId: string;
  parentId: string | null;
  label: { ja: string; en: string };
  purpose: string;
  members: TFigureDraft;
  /** Whether money is owed back per member; no → the amount is null (apology letters). */
  money: boolean;
  amountPerPersonYen: TFigureDraft;
  methods: string[];
  status: string;
  statusSource: { documentId: string; cites: string[] };
};

const EMPTY_SOURCE = { documentId: "", cites: [] as string[] };

const valuesFor = (incidentId: string, cohort: TCohort | null): TValues =>
  cohort
    ? {
        version: cohort.version,
        incidentId: cohort.incidentId,
        parentId: cohort.parentId,
        label: cohort.label,
        purpose: cohort.purpose,
        members: cohort.members,
        money: cohort.amountPerPersonYen !== null,
        amountPerPersonYen: cohort.amountPerPersonYen ?? { source: EMPTY_SOURCE },
        methods: cohort.methods,
        status: cohort.status,
        statusSource: cohort.statusSource,
      }
    : {
        version: 1,
        incidentId,
        parentId: null,
        label: { ja: "", en: "" },
        purpose: "financial",
        members: { source: EMPTY_SOURCE },
        money: true,
        amountPerPersonYen: { source: EMPTY_SOURCE },
        methods: [],
        status: "not_started",
        statusSource: EMPTY_SOURCE,
      };

const toBody = (isNew: boolean) => (v: TValues) => {
  const { money, version, ...rest } = v;
  return {
    ...rest,
    amountPerPersonYen: money ? v.amountPerPersonYen : null,
    ...(isNew ? {} : { version }),
  };
};

type TProps = {
  incidentId: string;
  /** The cohort to change; null adds one to the incident. */
  cohort?: TCohort | null;
  /** The incident's cohorts, to choose a parent from. */
  siblings: readonly TCohort[];
  onSaved: () => void;
  onCancel: () => void;
};

/** Adds a group of members to put right, or changes one (its progress events are kept as they are). */
export const CohortForm = ({ incidentId, cohort = null, siblings, onSaved, onCancel }: TProps) => {
  const { t, tx } = useI18n();
  const titleId = useId();
  const create = useMutation(cohortMutations.create());
  const update = useMutation(cohortMutations.update());
  const isNew = cohort === null;
  const form = useRecordForm({
    initial: () => valuesFor(incidentId, cohort),
    toBody: toBody(isNew),
    endpoint: cohort
      ? endpoint(ZCohortUpdate, (body) => update.mutateAsync({ cohortId: cohort.id, body }))
      : endpoint(ZCohortDraft, (body) => create.mutateAsync(body)),
    onSuccess: () => onSaved(),
  });
  const { control } = form;
  const label = (prefix: string) => (v: string) => ({ value: v, label: t(`${prefix}.${v}` as TMessageKey) });
  const parents = siblings
    .filter((c) => c.id !== cohort?.id && c.parentId === null)
    .map((c) => ({ value: c.id, label: tx(c.label) }));
  const enumLabel = (prefix: string) => (v: unknown) =>
    typeof v === "string" ? t(`${prefix}.${v}` as TMessageKey) : "—";
  const conflictFields: TConflictField<TValues>[] = [
    { path: "label", label: t("editing.cohortLabel") },
    { path: "members", label: t("editing.cohortMembers"), unit: "members" },
    { path: "amountPerPersonYen", label: t("editing.cohortAmount"), unit: "yen" },
    {
      path: "methods",
      label: t("editing.cohortMethods"),
      render: (v) =>
        Array.isArray(v)
          ? v.map((m) => t(`domain.method.${m}` as TMessageKey)).join(t("editing.listSeparator"))
          : "—",
    },
    { path: "status", label: t("editing.cohortStatus"), render: enumLabel("domain.cohortStatus") },
    { path: "statusSource", label: t("editing.cohortStatusSource") },
  ];
  return (
    <section className="edit-panel" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {cohort ? t("editing.cohortEditTitle", { label: tx(cohort.label) }) : t("editing.cohortAddTitle")}
      </h4>
      {cohort ? (
        <ConflictPanel
          form={form}
          fields={conflictFields}
          valuesFrom={(current) => valuesFor(incidentId, current as unknown as TCohort)}
        />
      ) : null}
      <RecordForm form={form} className="cohort-form" aria-labelledby={titleId}>
        <BilingualTextField
          control={control}
          name="label"
          legend={t("editing.cohortLabel")}
          hint={t("editing.cohortLabelHint")}
        />
        <RadioField
          control={control}
          name="purpose"
          legend={t("editing.cohortPurpose")}
          required
          options={["financial", "notification"].map(label("domain.purpose"))}
        />
        <MultiSelectField
          control={control}
          name="methods"
          legend={t("editing.cohortMethods")}
          required
          options={ZRemediationMethod.options.map(label("domain.method"))}
        />
        <FigureField
          control={control}
          name="members"
          legend={t("editing.cohortMembers")}
          hint={t("editing.cohortMembersHint")}
          unit={t("editing.unitMembers")}
        />
        <MoneyFields control={control} id={`${titleId}-money`} />
        <SelectField
          control={control}
          name="status"
          label={t("editing.cohortStatus")}
          required
          options={ZCohortStatus.options.map(label("domain.cohortStatus"))}
        />
        <SourceRefField control={control} name="statusSource" legend={t("editing.cohortStatusSource")} />
        {parents.length > 0 ? (
          <SelectField
            control={control}
            name="parentId"
            label={t("editing.cohortParent")}
            hint={t("editing.cohortParentHint")}
            nullable
            options={parents}
          />
        ) : null}
        <FormActions
          submitLabel={cohort ? t("editing.cohortSave") : t("editing.cohortCreate")}
          onCancel={onCancel}
        />
      </RecordForm>
    </section>
  );
};

/** Whether money is owed back, and then how much per member: only this part follows the checkbox. */
const MoneyFields = ({ control, id }: { control: Control<TValues>; id: string }) => {
  const { t } = useI18n();
  const { field } = useController({ control, name: "money" });
  return (
    <>
      <div className="field field-check">
        <input
          id={id}
          type="checkbox"
          checked={field.value}
          onChange={(e) => field.onChange(e.target.checked)}
        />
        <label htmlFor={id}>{t("editing.cohortMoney")}</label>
      </div>
      {field.value ? (
        <FigureField
          control={control}
          name="amountPerPersonYen"
          legend={t("editing.cohortAmount")}
          hint={t("editing.cohortAmountHint")}
          unit={t("editing.unitYen")}
        />
      ) : null}
    </>
  );
};
