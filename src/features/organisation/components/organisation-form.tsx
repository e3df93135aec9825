import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useId, useRef, useState } from "react";
import { type Control, useFieldArray, useWatch } from "react-hook-form";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, ConflictValue, type TConflictField } from "@/components/form/conflict-panel";
import { FieldError } from "@/components/form/field-shell";
import { FormActions } from "@/components/form/form-actions";
import { useFieldError, useFormKit } from "@/components/form/form-kit-context";
import { RecordForm } from "@/components/form/record-form";
import { SelectField } from "@/components/form/select-field";
import { endpoint, type TRecordForm, useRecordForm } from "@/components/form/use-record-form";
import type { TLang } from "@/i18n/catalog";
import { formatMonthName } from "@/i18n/format";
import { message, useI18n } from "@/i18n/i18n";
import { ApiError } from "@/lib/api-client";
import { enumLabel } from "@/lib/enum-label";
import { refusalOf } from "@/lib/form-errors";
import { populationLabel } from "@/lib/population-counts";
import { useLeaveGuard } from "@/lib/use-leave-guard";
import { boardReportBasis } from "@/shared/deadlines";
import { ZOrganisationUpdate } from "@/shared/schemas/edit";
import { type TOrganisation, ZLegalForm } from "@/shared/schemas/organisation";
import { organisationMutations } from "../api/queries";
import {
  inUseErrors,
  newTerm,
  type TOrganisationValues,
  type TTermList,
  type TTermValues,
  toOrganisationBody,
  valuePathOf,
  valuesFromOrganisation,
} from "./organisation-form-model";
import "@/components/form/record-form.css";

/** The legal form's consequence, said under the choice and following it as it changes. */
const LegalFormRule = ({ control }: { control: Control<TOrganisationValues> }) => {
  const { t, tx } = useI18n();
  const legalForm = useWatch({ control, name: "legalForm" });
  const parsed = ZLegalForm.safeParse(legalForm);
  if (!parsed.success) return null;
  const basis = boardReportBasis(parsed.data);
  return (
    <p className="organisation-rule" aria-live="polite">
      {basis ? t("organisation.legalFormRule", { basis: tx(basis) }) : t("organisation.legalFormNoRule")}
    </p>
  );
};

/** The name an entry is known by in its buttons and legend, as typed so far. */
const useEntryName = (control: Control<TOrganisationValues>, list: TTermList, index: number) => {
  const { t, tx } = useI18n();
  const entry = useWatch({ control, name: `${list}.${index}` }) as TTermValues | undefined;
  if (!entry) return t("organisation.unnamed");
  const name = entry.name.ja.trim() || entry.name.en.trim() ? tx(entry.name) || entry.name.ja : "";
  if (!name) return t("organisation.unnamed");
  return list === "populations" && (entry.ofWhom.ja.trim() || entry.ofWhom.en.trim())
    ? t("common.populationOf", { whom: tx(entry.ofWhom) || entry.ofWhom.ja, name })
    : name;
};

type TEntryProps = {
  form: TRecordForm<TOrganisationValues>;
  list: TTermList;
  index: number;
  count: number;
  itemName: string;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  onKeep: (index: number) => void;
};

/**
 * One entry: its name (and, for people, whose they are) with up, down and remove. A removed entry stays
 * until the save, folded to its name and what will happen, with the way to keep it; a refusal to remove
 * it (the record still uses it) is said right there.
 */
const TermEntry = ({ form, list, index, count, itemName, onMove, onRemove, onKeep }: TEntryProps) => {
  const { t } = useI18n();
  const { control } = form;
  const path = `${list}.${index}` as const;
  const { id, error } = useFieldError(path);
  const removed = useWatch({ control, name: `${path}.removed` });
  const isNew = useWatch({ control, name: `${path}.isNew` });
  const name = useEntryName(control, list, index);
  const title = (
    <span className="term-entry-title">
      <span className="term-entry-item">{itemName}</span> {name}
      {isNew ? <span className="term-entry-new">{t("organisation.newEntry")}</span> : null}
    </span>
  );
  if (removed) {
    return (
      <li className="term-entry term-entry-removed" data-entry={path}>
        <div className="term-entry-head">
          <p className="term-entry-name">
            {title}
            <span className="term-entry-status"> — {t("organisation.removedPending")}</span>
          </p>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t("organisation.undoRemoveNamed", { name })}
            onClick={() => onKeep(index)}
          >
            {t("organisation.undoRemove")}
          </button>
        </div>
        <FieldError id={`${id}-error`} error={error} path={path} />
      </li>
    );
  }
  return (
    <li className="term-entry" data-entry={path}>
      <fieldset className="term-entry-body">
        <legend className="visually-hidden">{`${itemName} ${name}`}</legend>
        <div className="term-entry-head">
          <p className="term-entry-name" aria-hidden="true">
            {title}
          </p>
          <div className="term-entry-tools">
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={index === 0}
              aria-label={t("organisation.moveUpNamed", { name })}
              onClick={() => onMove(index, -1)}
            >
              <span aria-hidden="true">↑ </span>
              {t("organisation.moveUp")}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={index === count - 1}
              aria-label={t("organisation.moveDownNamed", { name })}
              onClick={() => onMove(index, 1)}
            >
              <span aria-hidden="true">↓ </span>
              {t("organisation.moveDown")}
            </button>
            <button
              type="button"
              className="button button-secondary button-small button-danger"
              aria-label={t("organisation.removeNamed", { name })}
              onClick={() => onRemove(index)}
            >
              {t("organisation.remove")}
            </button>
          </div>
        </div>
        <FieldError id={`${id}-error`} error={error} path={path} />
        <BilingualTextField
          control={control}
          name={`${path}.name`}
          legend={
            list === "populations" ? t("organisation.populationName") : t("organisation.vendorKindName")
          }
          sideHints={false}
        />
        {list === "populations" ? (
          <BilingualTextField
            control={control}
            name={`${path}.ofWhom`}
            legend={t("organisation.populationOfWhom")}
            hint={t("organisation.populationOfWhomHint")}
            required={false}
            sideHints={false}
          />
        ) : null}
      </fieldset>
    </li>
  );
};

/** One of the two word lists: its entries, in order (the first population is the pages' {people}). */
const TermList = ({
  form,
  list,
  title,
  lead,
  itemKey,
  addLabel,
  empty,
  idPrefix,
}: {
  form: TRecordForm<TOrganisationValues>;
  list: TTermList;
  title: string;
  lead: ReactNode;
  itemKey: "organisation.populationItem" | "organisation.vendorKindItem";
  addLabel: string;
  empty: string;
  idPrefix: string;
}) => {
  const { t } = useI18n();
  const kit = useFormKit();
  const headingId = useId();
  const listError = useFieldError(list);
  const { fields, append, remove, swap } = useFieldArray({ control: form.control, name: list });
  const container = useRef<HTMLElement>(null);
  const focusAfter = (selector: string) =>
    requestAnimationFrame(() => container.current?.querySelector<HTMLElement>(selector)?.focus());
  const entries = () => form.methods.getValues(list);
  const add = () => {
    append(
      newTerm(
        idPrefix,
        entries().map((e) => e.id),
      ),
    );
    focusAfter(`[data-entry="${list}.${fields.length}"] input`);
  };
  const move = (index: number, by: -1 | 1) => {
    swap(index, index + by);
    kit.clearErrorsAt(list);
    focusAfter(`[data-entry="${list}.${index + by}"] button[aria-label]`);
  };
  const removeAt = (index: number) => {
    // A new entry has nothing to keep; one from the record stays, marked, until the save.
    if (entries()[index]?.isNew) {
      remove(index);
      focusAfter("[data-list-add]");
      return;
    }
    form.set(`${list}.${index}.removed`, true);
    focusAfter(`[data-entry="${list}.${index}"] button`);
  };
  const keep = (index: number) => {
    form.set(`${list}.${index}.removed`, false);
    // The refusal was about removing it: kept, it no longer applies.
    form.clearErrorsAt(`${list}.${index}`);
    focusAfter(`[data-entry="${list}.${index}"] input`);
  };
  const live = fields.length;
  return (
    <section className="panel record-form-section" aria-labelledby={headingId} ref={container}>
      <h2 id={headingId}>{title}</h2>
      <div className="field-hint term-list-lead">
        {lead}
        <p>{t("editing.englishHint")}</p>
      </div>
      <FieldError id={`${listError.id}-error`} error={listError.error} path={list} />
      {live === 0 ? <p className="item-list-empty">{empty}</p> : null}
      <ol className="term-list">
        {fields.map((field, index) => (
          <TermEntry
            key={field.id}
            form={form}
            list={list}
            index={index}
            count={fields.length}
            itemName={t(itemKey, { n: index + 1 })}
            onMove={move}
            onRemove={removeAt}
            onKeep={keep}
          />
        ))}
      </ol>
      <button type="button" className="button button-secondary" data-list-add onClick={add}>
        <span aria-hidden="true">+ </span>
        {addLabel}
      </button>
    </section>
  );
};

const monthOptions = (lang: TLang) =>
  Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: formatMonthName(i + 1, lang) }));

/** The organisation's settings as a form (administrators; the server refuses anyone else). */
export const OrganisationForm = ({ organisation }: { organisation: TOrganisation }) => {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const update = useMutation(organisationMutations.update());
  const [saved, setSaved] = useState(false);
  const form = useRecordForm<TOrganisationValues, TOrganisation>({
    initial: () => valuesFromOrganisation(organisation),
    toBody: toOrganisationBody,
    fieldOf: valuePathOf,
    endpoint: endpoint(ZOrganisationUpdate, (body) => update.mutateAsync(body)),
    // "Still in use" names the list and the id the body left out: it goes next to that removed entry.
    refusal: (error) => {
      if (!(error instanceof ApiError) || error.status !== 422) return undefined;
      const current = form.getValues();
      const moved = inUseErrors(error.problem, current);
      if (Object.keys(moved).length === 0) return undefined;
      const base = refusalOf(error, toOrganisationBody(current), (p) => valuePathOf(p, current));
      const fields = { ...base.fields };
      for (const list of ["populations", "vendorKinds"])
        if (fields[list]?.code === "in_use") delete fields[list];
      return { ...base, fields: { ...fields, ...moved } };
    },
    words: (error, path) => {
      if (error.code === "in_use" && path !== "") return message("organisation.inUse");
      // Every entry of a list removed: the list needs one.
      if (path === "populations" && (error.code === "too_small" || error.code === "required"))
        return message("organisation.populationsEmpty");
      if (path === "vendorKinds" && (error.code === "too_small" || error.code === "required"))
        return message("organisation.vendorKindsEmpty");
      return undefined;
    },
    onSuccess: (next) => {
      form.reset(valuesFromOrganisation(next));
      setSaved(true);
    },
  });
  const { control } = form;
  useLeaveGuard(form.dirty && !form.pending, t("editing.leaveConfirm"));
  // "Saved" stays until the next change.
  const showSaved = saved && !form.dirty;
  const legalForms = ZLegalForm.options.map((v) => ({
    value: v,
    label: t(`domain.legalForm.${v}`),
  }));
  const termNames = (value: unknown) =>
    Array.isArray(value) && value.length > 0 ? (
      <ul className="conflict-list">
        {value.map((entry: { id: string; name: { ja: string; en: string }; ofWhom?: unknown }) => (
          <li key={entry.id}>
            {populationLabel(i18n, {
              id: entry.id,
              name: entry.name,
              ofWhom:
                entry.ofWhom && typeof entry.ofWhom === "object" && (entry.ofWhom as { ja: string }).ja
                  ? (entry.ofWhom as { ja: string; en: string })
                  : null,
            })}
          </li>
        ))}
      </ul>
    ) : (
      <ConflictValue value={null} />
    );
  const conflictFields: TConflictField<TOrganisationValues>[] = [
    { path: "name", label: t("organisation.fName") },
    { path: "shortName", label: t("organisation.fShortName") },
    { path: "boardName", label: t("organisation.fBoardName") },
    {
      path: "fiscalYearStartMonth",
      label: t("organisation.fFiscalYearStart"),
      render: (v) => formatMonthName(Number(v), i18n.lang),
    },
    {
      path: "legalForm",
      label: t("organisation.fLegalForm"),
      render: (v) => enumLabel(t, ZLegalForm.options, (l) => `domain.legalForm.${l}`)(v) ?? String(v),
    },
    { path: "populations", label: t("organisation.secPopulations"), render: termNames },
    { path: "vendorKinds", label: t("organisation.secVendorKinds"), render: termNames },
  ];
  return (
    <div className="organisation-editor">
      {showSaved ? (
        <p className="form-success" role="status">
          {t("organisation.saved")}
        </p>
      ) : null}
      <ConflictPanel
        form={form}
        fields={conflictFields}
        valuesFrom={(c) => valuesFromOrganisation(c as TOrganisation)}
      />
      <RecordForm form={form} className="record-form" aria-label={t("organisation.formLabel")}>
        <p className="organisation-version">{t("organisation.version", { version: organisation.version })}</p>
        <section className="panel record-form-section" aria-labelledby={`${id}-name`}>
          <h2 id={`${id}-name`}>{t("organisation.secName")}</h2>
          <BilingualTextField
            control={control}
            name="name"
            legend={t("organisation.fName")}
            hint={t("organisation.fNameHint")}
          />
          <BilingualTextField
            control={control}
            name="shortName"
            legend={t("organisation.fShortName")}
            hint={t("organisation.fShortNameHint")}
          />
          <BilingualTextField
            control={control}
            name="boardName"
            legend={t("organisation.fBoardName")}
            hint={t("organisation.fBoardNameHint")}
          />
        </section>
        <section className="panel record-form-section" aria-labelledby={`${id}-rules`}>
          <h2 id={`${id}-rules`}>{t("organisation.secRules")}</h2>
          <SelectField
            control={control}
            name="fiscalYearStartMonth"
            label={t("organisation.fFiscalYearStart")}
            hint={t("organisation.fFiscalYearStartHint")}
            required
            options={monthOptions(i18n.lang)}
            placeholder={null}
          />
          <SelectField
            control={control}
            name="legalForm"
            label={t("organisation.fLegalForm")}
            hint={t("organisation.fLegalFormHint")}
            required
            options={legalForms}
            placeholder={null}
          />
          <LegalFormRule control={control} />
        </section>
        <TermList
          form={form}
          list="populations"
          title={t("organisation.secPopulations")}
          lead={
            <>
              <p>{t("organisation.populationsLead")}</p>
              <p>{t("organisation.populationsDefault")}</p>
            </>
          }
          itemKey="organisation.populationItem"
          addLabel={t("organisation.populationAdd")}
          empty={t("organisation.populationsEmpty")}
          idPrefix="population"
        />
        <TermList
          form={form}
          list="vendorKinds"
          title={t("organisation.secVendorKinds")}
          lead={<p>{t("organisation.vendorKindsLead")}</p>}
          itemKey="organisation.vendorKindItem"
          addLabel={t("organisation.vendorKindAdd")}
          empty={t("organisation.vendorKindsEmpty")}
          idPrefix="kind"
        />
        <div className="record-form-footer">
          <FormActions
            submitLabel={t("organisation.save")}
            cancelLabel={t("organisation.reset")}
            onCancel={form.dirty ? () => form.reset(form.baseline()) : undefined}
          />
        </div>
      </RecordForm>
    </div>
  );
};
