import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { type Control, useWatch } from "react-hook-form";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { CheckField } from "@/components/form/check-field";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { FigureField, type TFigureDraft } from "@/components/form/figure-field";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { MultiSelectField, RadioField, SelectField } from "@/components/form/select-field";
import { SourceRefField } from "@/components/form/source-ref-field";
import { endpoint, type TRecordForm, useRecordForm } from "@/components/form/use-record-form";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { enumLabel } from "@/lib/enum-label";
import { referenceQueries } from "@/lib/reference-queries";
import {
  METHODS_BY_PURPOSE,
  type TCohort,
  type TCohortPurpose,
  ZCohortPurpose,
  ZCohortStatus,
  ZRemediationMethod,
} from "@/shared/schemas/cohort";
import { ZCohortDraft, ZCohortUpdate } from "@/shared/schemas/edit";
import type { TIncident } from "@/shared/schemas/incident";
import type { TOrganisation } from "@/shared/schemas/organisation";
import type { TService } from "@/shared/schemas/service";
import { cohortMutations } from "../api/queries";

type TValues = {
  version: number;
  incidentId: string;
  parentId: string | null;
  label: { ja: string; en: string };
  purpose: TCohortPurpose;
  /** Whose people (one of the organisation's populations); "" until chosen. */
  populationId: string;
  people: TFigureDraft;
  /** Whether money is owed back per person (financial groups only); no → the amount is null. */
  money: boolean;
  amountPerPersonYen: TFigureDraft;
  methods: string[];
  status: string;
  statusSource: { documentId: string; cites: string[] };
};

const EMPTY_SOURCE = { documentId: "", cites: [] as string[] };

/**
 * The population a new group of an incident is most likely about: the population of the service the
 * incident's own people were affected through, else the population its own figures name, else the
 * organisation's first.
 */
export const defaultPopulation = (
  incident: Pick<TIncident, "impact">,
  services: readonly Pick<TService, "id" | "populationId">[],
  organisation: Pick<TOrganisation, "populations"> | null,
): string => {
  const ours = incident.impact.filter((e) => e.scope === "ours");
  for (const e of ours) {
    const service = e.serviceId ? services.find((s) => s.id === e.serviceId) : undefined;
    if (service) return service.populationId;
  }
  return ours.find((e) => e.populationId !== null)?.populationId ?? organisation?.populations[0]?.id ?? "";
};

const valuesFor = (incidentId: string, cohort: TCohort | null, populationId: string): TValues =>
  cohort
    ? {
        version: cohort.version,
        incidentId: cohort.incidentId,
        parentId: cohort.parentId,
        label: cohort.label,
        purpose: cohort.purpose,
        populationId: cohort.populationId,
        people: cohort.people,
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
        populationId,
        people: { source: EMPTY_SOURCE },
        money: true,
        amountPerPersonYen: { source: EMPTY_SOURCE },
        methods: [],
        status: "not_started",
        statusSource: EMPTY_SOURCE,
      };

/** The methods that fit a purpose, in the order given: a letter is not a refund, nor a refund a letter. */
export const methodsFitting = (purpose: TCohortPurpose, methods: readonly string[]) =>
  methods.filter((m) => (METHODS_BY_PURPOSE[purpose] as readonly string[]).includes(m));

const toBody = (isNew: boolean) => (v: TValues) => {
  const { money, version, ...rest } = v;
  const withMoney = v.purpose === "financial" && money;
  return {
    ...rest,
    // A notification group carries no money, whatever the checkbox held before the purpose changed.
    amountPerPersonYen: withMoney ? v.amountPerPersonYen : null,
    ...(isNew ? {} : { version }),
  };
};

type TProps = {
  incidentId: string;
  /** The cohort to change; null adds one to the incident. */
  cohort?: TCohort | null;
  /** A new group's population until the user chooses another (see defaultPopulation). */
  defaultPopulationId?: string;
  /** The incident's cohorts, to choose a parent from. */
  siblings: readonly TCohort[];
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * Adds a group of people to put right (money) or to tell (letters, notices), or changes one (its progress
 * events are kept as they are). The purpose decides the methods on offer and whether money is involved.
 */
export const CohortForm = ({
  incidentId,
  cohort = null,
  defaultPopulationId = "",
  siblings,
  onSaved,
  onCancel,
}: TProps) => {
  const { t, tx } = useI18n();
  const titleId = useId();
  const create = useMutation(cohortMutations.create());
  const update = useMutation(cohortMutations.update());
  const organisation = useQuery(referenceQueries.organisation());
  const isNew = cohort === null;
  const form = useRecordForm({
    initial: () => valuesFor(incidentId, cohort, defaultPopulationId),
    toBody: toBody(isNew),
    endpoint: cohort
      ? endpoint(ZCohortUpdate, (body) => update.mutateAsync({ cohortId: cohort.id, body }))
      : endpoint(ZCohortDraft, (body) => create.mutateAsync(body)),
    onSuccess: () => onSaved(),
  });
  const { control } = form;
  const label =
    <V extends string>(key: (v: V) => TPlainKey) =>
    (v: V) => ({ value: v, label: t(key(v)) });
  const parents = siblings
    .filter((c) => c.id !== cohort?.id && c.parentId === null)
    .map((c) => ({ value: c.id, label: tx(c.label) }));
  const populations = (organisation.data?.populations ?? []).map((p) => ({ value: p.id, label: tx(p.name) }));
  const purposeLabel = enumLabel(t, ZCohortPurpose.options, (p) => `domain.purpose.${p}`);
  const methodLabel = enumLabel(t, ZRemediationMethod.options, (m) => `domain.method.${m}`);
  const statusLabel = enumLabel(t, ZCohortStatus.options, (s) => `domain.cohortStatus.${s}`);
  const conflictFields: TConflictField<TValues>[] = [
    { path: "label", label: t("editing.cohortLabel") },
    { path: "purpose", label: t("editing.cohortPurpose"), render: (v) => purposeLabel(v) ?? "—" },
    {
      path: "populationId",
      label: t("records.cohortPopulation"),
      render: (v) => populations.find((p) => p.value === v)?.label ?? (typeof v === "string" ? v : "—"),
    },
    { path: "people", label: t("records.cohortPeople"), unit: "people" },
    { path: "amountPerPersonYen", label: t("records.cohortAmount"), unit: "yen" },
    {
      path: "methods",
      label: t("editing.cohortMethods"),
      render: (v) =>
        Array.isArray(v) ? v.map((m) => methodLabel(m) ?? String(m)).join(t("editing.listSeparator")) : "—",
    },
    { path: "status", label: t("editing.cohortStatus"), render: (v) => statusLabel(v) ?? "—" },
    { path: "statusSource", label: t("editing.cohortStatusSource") },
  ];
  return (
    <section className="edit-panel" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {cohort ? t("editing.cohortEditTitle", { label: tx(cohort.label) }) : t("records.cohortAddTitle")}
      </h4>
      {cohort ? (
        <ConflictPanel
          form={form}
          fields={conflictFields}
          valuesFrom={(current) => valuesFor(incidentId, current as unknown as TCohort, defaultPopulationId)}
        />
      ) : null}
      <RecordForm form={form} className="cohort-form" aria-labelledby={titleId}>
        <BilingualTextField
          control={control}
          name="label"
          legend={t("editing.cohortLabel")}
          hint={t("records.cohortLabelHint")}
        />
        <RadioField
          control={control}
          name="purpose"
          legend={t("editing.cohortPurpose")}
          hint={t("records.cohortPurposeHint")}
          required
          options={ZCohortPurpose.options.map(label((p) => `domain.purpose.${p}`))}
        />
        <PurposeRules form={form} />
        <SelectField
          control={control}
          name="populationId"
          label={t("records.cohortPopulation")}
          hint={t("records.cohortPopulationHint")}
          required
          options={populations}
        />
        <MethodsField control={control} />
        <FigureField
          control={control}
          name="people"
          legend={t("records.cohortPeople")}
          hint={t("editing.cohortMembersHint")}
          unit={t("domain.unit.people")}
        />
        <MoneyFields control={control} />
        <SelectField
          control={control}
          name="status"
          label={t("editing.cohortStatus")}
          hint={t("records.cohortStatusHint")}
          required
          options={ZCohortStatus.options.map(label((s) => `domain.cohortStatus.${s}`))}
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

/**
 * When the purpose changes, what no longer fits goes: methods of the other purpose are unticked, and a
 * notification group's money is switched off (and not shown: letters involve no money).
 */
const PurposeRules = ({ form }: { form: TRecordForm<TValues> }) => {
  const purpose = useWatch({ control: form.control, name: "purpose" });
  const seen = useRef(purpose);
  // The money choice of a financial group comes back if the user switches to notification and back.
  const moneyBefore = useRef(false);
  useEffect(() => {
    if (seen.current === purpose) return;
    seen.current = purpose;
    const { methods, money } = form.getValues();
    const fitting = methodsFitting(purpose, methods);
    if (fitting.length !== methods.length) form.set("methods", fitting);
    if (purpose === "notification") {
      moneyBefore.current = money;
      if (money) form.set("money", false);
    } else if (moneyBefore.current && !money) form.set("money", true);
  }, [purpose, form]);
  return null;
};

/** The methods of the chosen purpose only. */
const MethodsField = ({ control }: { control: Control<TValues> }) => {
  const { t } = useI18n();
  const purpose = useWatch({ control, name: "purpose" });
  return (
    <MultiSelectField
      control={control}
      name="methods"
      legend={t(
        purpose === "notification" ? "records.cohortMethodsLegendNotification" : "editing.cohortMethods",
      )}
      hint={t(
        purpose === "notification" ? "records.cohortMethodsNotification" : "records.cohortMethodsFinancial",
      )}
      required
      options={(METHODS_BY_PURPOSE[purpose] ?? []).map((m) => ({
        value: m,
        label: t(`domain.method.${m}`),
      }))}
    />
  );
};

/**
 * Whether money is owed back, and then how much per person: only for a financial group; a notification
 * group (letters, notices) has no money to show.
 */
const MoneyFields = ({ control }: { control: Control<TValues> }) => {
  const { t } = useI18n();
  const purpose = useWatch({ control, name: "purpose" });
  const money = useWatch({ control, name: "money" });
  if (purpose !== "financial") return null;
  return (
    <>
      <CheckField control={control} name="money" label={t("editing.cohortMoney")} />
      {money ? (
        <FigureField
          control={control}
          name="amountPerPersonYen"
          legend={t("records.cohortAmount")}
          hint={t("editing.cohortAmountHint")}
          unit={t("editing.unitYen")}
        />
      ) : null}
    </>
  );
};
