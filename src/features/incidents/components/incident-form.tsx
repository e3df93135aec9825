import { useMutation, useQuery } from "@tanstack/react-query";
import { type MouseEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { type Control, useWatch } from "react-hook-form";
import { Link, useNavigate, useSearchParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, ConflictValue, type TConflictField } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FieldError, FieldGroup } from "@/components/form/field-shell";
import { FormActions } from "@/components/form/form-actions";
import { useFieldError } from "@/components/form/form-kit-context";
import { NumberField } from "@/components/form/number-field";
import { RecordForm } from "@/components/form/record-form";
import { MultiSelectField, RadioField, SelectField, type TOption } from "@/components/form/select-field";
import { SourceRefField, useDocumentOptions } from "@/components/form/source-ref-field";
import { TextField } from "@/components/form/text-field";
import { endpoint, type TRecordForm, useRecordForm } from "@/components/form/use-record-form";
import { NotFoundSection } from "@/components/not-found-section";
import { PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { message, useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { enumLabel } from "@/lib/enum-label";
import type { TErrorWords } from "@/lib/form-errors";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { useLeaveGuard } from "@/lib/use-leave-guard";
import { useReferenceNames } from "@/lib/use-reference-names";
import { ZId } from "@/shared/schemas/common";
import { ZIncidentDraft, ZIncidentUpdate } from "@/shared/schemas/edit";
import {
  type TIncident,
  ZDataRole,
  ZIncidentCategory,
  ZIncidentStatus,
  ZMilestoneKind,
  ZMisuse,
} from "@/shared/schemas/incident";
import { incidentMutations, incidentQueries } from "../api/queries";
import { AnswerableFields, ChainField, ImpactFields, MilestoneFields } from "./incident-form-lists";
import {
  earliestMilestoneDate,
  emptyContact,
  emptyIncident,
  emptySourcedText,
  fiscalYearOfDate,
  type TIncidentValues,
  toIncidentBody,
  valuesFromIncident,
} from "./incident-form-model";
import { useOrganisationWords } from "./use-organisation-words";
import "@/components/form/record-form.css";
import "./incident-form.css";

/** /incidents/new and /incidents/:incidentId/edit — for editors (the route checks the role). */
export const IncidentEditor = ({ incidentId }: { incidentId?: string }) => {
  const { t } = useI18n();
  // Every choice (vendors, services, documents) is in before the form is drawn, so no select shows a
  // bare id and nothing moves once the user has started typing.
  const vendors = useQuery(referenceQueries.vendors());
  const services = useQuery(referenceQueries.services());
  const documents = useQuery(referenceQueries.documents());
  const organisation = useQuery(referenceQueries.organisation());
  const cases = useQuery(incidentQueries.cases());
  const list = useQuery(incidentQueries.list({}));
  const detail = useQuery({ ...incidentQueries.detail(incidentId ?? ""), enabled: incidentId !== undefined });
  const waitFor = [vendors, services, documents, organisation, cases];
  if (incidentId === undefined) {
    return (
      <QueryState query={list} waitFor={waitFor} minHeight="40rem">
        {(incidents) => (
          <IncidentForm
            incident={null}
            nextNumber={Math.max(0, ...incidents.items.map((i) => i.number)) + 1}
          />
        )}
      </QueryState>
    );
  }
  if (isNotFound(detail.error)) {
    return (
      <NotFoundSection
        title={t("incidents.notFoundTitle")}
        body={t("incidents.notFoundBody", { id: incidentId })}
        backTo="/incidents"
        backLabel={t("incidents.backToList")}
      />
    );
  }
  return (
    <QueryState query={detail} waitFor={waitFor} minHeight="40rem">
      {(incident) => <IncidentForm incident={incident} nextNumber={null} />}
    </QueryState>
  );
};

type TSectionKey = "basic" | "chain" | "cause" | "impact" | "misuse" | "timeline" | "contact" | "documents";
const SECTIONS: readonly { key: TSectionKey; title: TPlainKey }[] = [
  { key: "basic", title: "records.secBasic" },
  { key: "chain", title: "records.secChain" },
  { key: "cause", title: "records.secCause" },
  { key: "impact", title: "records.secImpact" },
  { key: "misuse", title: "records.secMisuse" },
  { key: "timeline", title: "records.secTimeline" },
  { key: "contact", title: "records.secContact" },
  { key: "documents", title: "records.secDocuments" },
];

const IncidentForm = ({
  incident,
  nextNumber,
}: {
  incident: TIncident | null;
  nextNumber: number | null;
}) => {
  const { t, tx } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const create = useMutation(incidentMutations.create());
  const update = useMutation(incidentMutations.update());
  const release = useRef<() => void>(() => {});
  const [params] = useSearchParams();
  // "Add an incident to this case" links carry the case; anything else in the address is ignored.
  const caseFromLink = ZId.safeParse(params.get("caseId"));
  const words = useWords();
  const form = useRecordForm({
    initial: () =>
      incident ? valuesFromIncident(incident) : emptyIncident(caseFromLink.success ? caseFromLink.data : ""),
    toBody: toIncidentBody,
    words,
    endpoint: incident
      ? endpoint(ZIncidentUpdate, (body) => update.mutateAsync({ incidentId: incident.id, body }))
      : endpoint(ZIncidentDraft, (body) => create.mutateAsync(body)),
    onSuccess: (saved) => {
      release.current();
      navigate(`/incidents/${saved.id}`, { state: { saved: true } });
    },
  });
  const { control } = form;
  release.current = useLeaveGuard(form.dirty && !form.pending, t("records.leaveConfirm"));
  const conflictFields = useConflictFields();
  const sectionId = (key: TSectionKey) => `${id}-${key}`;
  const backTo = incident ? `/incidents/${incident.id}` : "/incidents";

  const title = incident
    ? t("records.incidentEditTitle", { n: incident.number })
    : t("records.incidentNewTitle");
  return (
    <article className="record-editor">
      <BackLink to={backTo} label={incident ? t("records.backToIncident") : t("incidents.backToList")} />
      <PageHeader
        title={title}
        lead={
          <>
            {incident ? <p className="record-editor-subject">{tx(incident.title)}</p> : null}
            <p>{t("records.formLead")}</p>
            {incident ? <p>{t("records.formVersion", { version: incident.version })}</p> : null}
          </>
        }
      />
      <div className="record-editor-layout">
        <SectionNav sections={SECTIONS} sectionId={sectionId} />
        <div className="record-editor-main">
          <ConflictPanel
            form={form}
            fields={conflictFields}
            valuesFrom={(current) => valuesFromIncident(current as TIncident)}
          />
          <RecordForm form={form} className="record-form" aria-label={title}>
            <Section id={sectionId("basic")} title={t("records.secBasic")}>
              <BasicFields isNew={incident === null} nextNumber={nextNumber} form={form} />
            </Section>
            <Section id={sectionId("chain")} title={t("records.secChain")}>
              <ChainField form={form} />
              <AnswerableFields form={form} />
            </Section>
            <Section id={sectionId("cause")} title={t("records.secCause")}>
              <SourcedOrNone form={form} name="system" legend={t("records.fSystem")} />
              <SourcedOrNone form={form} name="cause" legend={t("records.fCause")} />
            </Section>
            <Section id={sectionId("impact")} title={t("records.secImpact")}>
              <ImpactFields control={control} />
            </Section>
            <Section id={sectionId("misuse")} title={t("records.secMisuse")}>
              <MisuseFields control={control} />
            </Section>
            <Section id={sectionId("timeline")} title={t("records.secTimeline")}>
              <MilestoneFields control={control} />
            </Section>
            <Section id={sectionId("contact")} title={t("records.secContact")}>
              <ContactFields form={form} />
            </Section>
            <Section id={sectionId("documents")} title={t("records.secDocuments")}>
              <DocumentsField control={control} />
            </Section>
            <div className="record-form-footer">
              <FormActions
                submitLabel={incident ? t("records.save") : t("records.create")}
                onCancel={() => navigate(backTo)}
              />
            </div>
          </RecordForm>
        </div>
      </div>
    </article>
  );
};

/** In-page links to each section; moving there also moves the keyboard focus to the section's heading. */
const SectionNav = ({
  sections,
  sectionId,
}: {
  sections: readonly { key: TSectionKey; title: TPlainKey }[];
  sectionId: (key: TSectionKey) => string;
}) => {
  const { t } = useI18n();
  const go = (event: MouseEvent<HTMLAnchorElement>, key: TSectionKey) => {
    event.preventDefault();
    const heading = document.getElementById(`${sectionId(key)}-title`);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
  };
  return (
    <nav className="record-editor-nav no-print" aria-label={t("records.formNav")}>
      <p className="record-editor-nav-title" aria-hidden="true">
        {t("records.formNav")}
      </p>
      <ol>
        {sections.map((s) => (
          <li key={s.key}>
            <a href={`#${sectionId(s.key)}`} onClick={(e) => go(e, s.key)}>
              {t(s.title)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
};

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section id={id} className="panel record-form-section" aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`} tabIndex={-1}>
      {title}
    </h2>
    {children}
  </section>
);

const useEnumOptions = <V extends string>(values: readonly V[], key: (v: V) => TPlainKey): TOption[] => {
  const { t } = useI18n();
  return values.map((v) => ({ value: v, label: t(key(v)) }));
};

/**
 * The server's refusals only this form has: a chain link the vendors' subcontracting does not allow (said
 * with both vendors' names, next to that link), and "reached our people" on a milestone that is not a
 * vendor's notice.
 */
const useWords = (): TErrorWords => {
  const names = useReferenceNames("vendors");
  return (error) => {
    const p = error.params ?? {};
    if (error.code === "not_subcontractor")
      return message("records.errNotSubcontractor", {
        vendor: names.vendorFull(String(p.vendorId ?? "")),
        contractor: names.vendorFull(String(p.contractorId ?? "")),
      });
    if (error.code === "not_a_vendor_notice") return message("records.errNotVendorNotice");
    return undefined;
  };
};

type TForm = TRecordForm<TIncidentValues>;
type TControl = Control<TIncidentValues>;

/** The first screen: what the incident is, in which case, when, and how it stands. */
const BasicFields = ({
  isNew,
  nextNumber,
  form,
}: {
  isNew: boolean;
  nextNumber: number | null;
  form: TForm;
}) => {
  const { control } = form;
  const { t } = useI18n();
  const categories = useEnumOptions(ZIncidentCategory.options, (v) => `domain.category.${v}`);
  const statuses = useEnumOptions(ZIncidentStatus.options, (v) => `domain.incidentStatus.${v}`);
  return (
    <>
      <CaseField control={control} />
      <BilingualTextField control={control} name="title" legend={t("records.fTitle")} />
      <div className="record-form-row">
        <NumberField
          control={control}
          name="number"
          label={t("records.fNumber")}
          required={!isNew}
          hint={
            isNew && nextNumber !== null
              ? t("records.fNumberHintNew", { n: nextNumber })
              : t("records.fNumberHintEdit")
          }
        />
        <SelectField
          control={control}
          name="category"
          label={t("records.fCategory")}
          required
          options={categories}
        />
        <RadioField
          control={control}
          name="status"
          legend={t("records.fStatus")}
          required
          options={statuses}
        />
      </div>
      <FiscalYearField form={form} follow={isNew} />
      <BilingualTextField
        control={control}
        name="summary"
        legend={t("records.fSummary")}
        multiline
        rows={4}
      />
    </>
  );
};

/** The case the incident belongs to: one of the record's, or a new one made on its own page first. */
const CaseField = ({ control }: { control: TControl }) => {
  const { t, tx } = useI18n();
  const cases = useQuery(incidentQueries.cases());
  const options = (cases.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.status === "closed" ? `${tx(c.title)}(${t("domain.caseStatus.closed")})` : tx(c.title),
  }));
  return (
    <div className="record-form-case">
      <SelectField
        control={control}
        name="caseId"
        label={t("records.fCase")}
        hint={options.length === 0 ? t("records.fCaseNone") : t("records.fCaseHint")}
        required
        options={options}
      />
      <p className="record-form-suggest">
        <Link to="/cases/new">{t("records.fCaseNew")}</Link>
      </p>
    </div>
  );
};

/**
 * 年度 by the organisation's own start month. A new incident's year follows its earliest milestone date
 * until the user types a year of their own; an incident already recorded keeps its year, with what the
 * milestones say it should be one click away (never changed behind the user's back).
 */
const FiscalYearField = ({ form, follow }: { form: TForm; follow: boolean }) => {
  const { t, f } = useI18n();
  const { control } = form;
  const { fiscalYearStartMonth } = useOrganisationWords();
  // Drawn again when the earliest milestone date or the year changes, not on every key in a milestone.
  const earliest = useWatch({ control, name: "milestones", compute: earliestMilestoneDate });
  const fiscalYear = useWatch({ control, name: "fiscalYear" });
  const suggested = earliest ? fiscalYearOfDate(earliest, fiscalYearStartMonth) : null;
  const following = useRef(follow);
  const lastSet = useRef<number | null>(null);
  useEffect(() => {
    if (!following.current) return;
    // A year the form did not set was typed by the user: from now on it is theirs.
    if (fiscalYear !== null && fiscalYear !== lastSet.current) {
      following.current = false;
      return;
    }
    if (suggested !== null && suggested !== fiscalYear) {
      lastSet.current = suggested;
      form.set("fiscalYear", suggested);
    }
  }, [suggested, fiscalYear, form]);
  const auto = following.current && suggested !== null && suggested === fiscalYear;
  return (
    <div className="record-form-fiscal">
      <NumberField
        control={control}
        name="fiscalYear"
        label={t("records.fFiscalYear")}
        hint={t("records.fFiscalYearHintStart", { month: fiscalYearStartMonth })}
        required
        unit={t("records.fFiscalYearUnit")}
      />
      {auto && earliest ? (
        <p className="record-form-suggest">
          {t("records.fFiscalYearFollows", { date: f.date(earliest), fy: f.fiscalYear(suggested) })}
        </p>
      ) : null}
      {!auto && earliest && suggested !== null && suggested !== fiscalYear ? (
        <p className="record-form-suggest">
          {t("records.fFiscalYearSuggest", { date: f.date(earliest), fy: f.fiscalYear(suggested) })}{" "}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => form.set("fiscalYear", suggested)}
          >
            {t("records.fFiscalYearApply", { fy: f.fiscalYear(suggested) })}
          </button>
        </p>
      ) : null}
    </div>
  );
};

/**
 * A value the sources may not give at all (the system, the cause, a contact line): "not reported" is a
 * choice of its own, stored as null, and what was typed comes back if the user switches back.
 */
type TNullable = "system" | "cause" | "contact";

const NullableGroup = ({
  form,
  name,
  legend,
  onLabel,
  offLabel,
  make,
  children,
}: {
  form: TForm;
  name: TNullable;
  legend: string;
  onLabel: string;
  offLabel: string;
  make: () => NonNullable<TIncidentValues[TNullable]>;
  children: ReactNode;
}) => {
  const field = useFieldError(name);
  // Only the choice is followed here; what is typed inside is the inner controls' own business.
  const on = useWatch({ control: form.control, name, compute: (v) => v !== null && v !== undefined });
  const kept = useRef<TIncidentValues[TNullable]>(null);
  const choose = (next: boolean) => {
    if (next === on) return;
    if (next) form.set(name, kept.current ?? make());
    else {
      kept.current = form.getValues()[name];
      form.set(name, null);
    }
  };
  return (
    <FieldGroup id={field.id} path={name} legend={legend} className="record-form-nullable">
      <div className="field-radios">
        <label className="field-check">
          <input type="radio" name={`${field.id}-on`} checked={on} onChange={() => choose(true)} />
          <span>{onLabel}</span>
        </label>
        <label className="field-check">
          <input type="radio" name={`${field.id}-on`} checked={!on} onChange={() => choose(false)} />
          <span>{offLabel}</span>
        </label>
      </div>
      <FieldError id={`${field.id}-error`} error={field.error} path={name} />
      {on ? children : null}
    </FieldGroup>
  );
};

const SourcedOrNone = ({ form, name, legend }: { form: TForm; name: "system" | "cause"; legend: string }) => {
  const { t } = useI18n();
  const { control } = form;
  return (
    <NullableGroup
      form={form}
      name={name}
      legend={legend}
      onLabel={t("records.sourcedReported")}
      offLabel={t("records.sourcedNotReported")}
      make={emptySourcedText}
    >
      <BilingualTextField
        control={control}
        name={`${name}.text`}
        legend={t("records.sourcedTextLabel")}
        multiline
      />
      <SourceRefField control={control} name={`${name}.source`} legend={t("records.sourceLabel")} />
    </NullableGroup>
  );
};

const MisuseFields = ({ control }: { control: TControl }) => {
  const { t } = useI18n();
  const statuses = useEnumOptions(ZMisuse.shape.status.options, (v) => `domain.misuse.${v}`);
  return (
    <>
      <RadioField
        control={control}
        name="misuse.status"
        legend={t("records.fMisuseStatus")}
        required
        options={statuses}
      />
      <DateField
        control={control}
        name="misuse.asOf"
        label={t("records.fMisuseAsOf")}
        hint={t("records.fMisuseAsOfHint")}
        nullable
      />
      <SourceRefField control={control} name="misuse.source" legend={t("records.sourceLabel")} />
    </>
  );
};

const ContactFields = ({ form }: { form: TForm }) => {
  const { t } = useI18n();
  const { control } = form;
  return (
    <NullableGroup
      form={form}
      name="contact"
      legend={t("records.fContact")}
      onLabel={t("records.contactHas")}
      offLabel={t("records.contactNone")}
      make={emptyContact}
    >
      <BilingualTextField
        control={control}
        name="contact.name"
        legend={t("records.fContactName")}
        hint={t("records.fContactNameHint")}
      />
      <TextField
        control={control}
        name="contact.phone"
        nullable
        label={t("records.fPhone")}
        hint={t("records.fPhoneHint")}
        autoComplete="off"
      />
      <BilingualTextField
        control={control}
        name="contact.hours"
        legend={t("records.fHours")}
        required={false}
      />
      <SourceRefField control={control} name="contact.source" legend={t("records.sourceLabel")} />
    </NullableGroup>
  );
};

const DocumentsField = ({ control }: { control: TControl }) => {
  const { t } = useI18n();
  const options = useDocumentOptions();
  return (
    <MultiSelectField
      control={control}
      name="documentIds"
      legend={t("records.fDocuments")}
      hint={t("records.fDocumentsHint")}
      options={options}
    />
  );
};

/** The fields compared side by side when someone else saved first, each shown as a reader would read it. */
const useConflictFields = (): TConflictField<TIncidentValues>[] => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services", "documents");
  const words = useOrganisationWords();
  const cases = useQuery(incidentQueries.cases());
  const label =
    <V extends string>(values: readonly V[], key: (v: V) => TPlainKey) =>
    (v: unknown) =>
      enumLabel(t, values, key)(v) ?? <ConflictValue value={v} />;
  const milestoneLabel = enumLabel(t, ZMilestoneKind.options, (k) => `domain.milestone.${k}`);
  const list =
    <T,>(render: (item: T) => ReactNode) =>
    (v: unknown) =>
      Array.isArray(v) && v.length > 0 ? (
        <ul className="conflict-list">
          {(v as T[]).map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of one version's list
            <li key={i}>{render(item)}</li>
          ))}
        </ul>
      ) : (
        <ConflictValue value={null} />
      );
  const sourced = (v: unknown) =>
    v && typeof v === "object" && "text" in v ? (
      tx((v as { text: { ja: string; en: string } }).text)
    ) : (
      <span className="not-reported">{t("records.sourcedNotReported")}</span>
    );
  return [
    { path: "number", label: t("records.fNumber") },
    { path: "title", label: t("records.fTitle") },
    {
      path: "category",
      label: t("records.fCategory"),
      render: label(ZIncidentCategory.options, (c) => `domain.category.${c}`),
    },
    {
      path: "status",
      label: t("records.fStatus"),
      render: label(ZIncidentStatus.options, (s) => `domain.incidentStatus.${s}`),
    },
    {
      path: "fiscalYear",
      label: t("records.fFiscalYear"),
      render: (v) => (typeof v === "number" ? f.fiscalYear(v) : <ConflictValue value={v} />),
    },
    {
      path: "caseId",
      label: t("records.fCase"),
      render: (v) => {
        const c = cases.data?.items.find((x) => x.id === v);
        return c ? tx(c.title) : <ConflictValue value={v} />;
      },
    },
    {
      path: "chain",
      label: t("records.fChain"),
      render: (v) =>
        Array.isArray(v) && v.length > 0 ? (
          (v as string[]).map(names.vendorFull).join(" → ")
        ) : (
          <ConflictValue value={null} />
        ),
    },
    { path: "vendorIds", label: t("records.fVendors"), render: list<string>(names.vendorFull) },
    {
      path: "dataRole",
      label: t("records.fDataRole"),
      render: label(ZDataRole.options, (r) => `domain.dataRole.${r}`),
    },
    { path: "summary", label: t("records.fSummary") },
    { path: "system", label: t("records.fSystem"), render: sourced },
    { path: "cause", label: t("records.fCause"), render: sourced },
    {
      path: "impact",
      label: t("records.impactTitle"),
      // The stored entries carry their derived outside-record flag, which the form never sends.
      pickCurrent: (current) => valuesFromIncident(current as TIncident).impact,
      render: list<{ populationId: string | null; serviceId: string | null; count: unknown; unit: string }>(
        (e) => (
          <>
            {[words.population(e.populationId), e.serviceId ? names.service(e.serviceId) : ""]
              .filter(Boolean)
              .join(" ・ ")}
            : <ConflictValue value={e.count} unit={e.unit === "records" ? "records" : "people"} />
          </>
        ),
      ),
    },
    {
      path: "dataCategories",
      label: t("records.dataTitle"),
      render: list<{ text: { ja: string; en: string } }>((d) => tx(d.text)),
    },
    {
      path: "misuse.status",
      label: t("records.fMisuseStatus"),
      render: label(ZMisuse.shape.status.options, (s) => `domain.misuse.${s}`),
    },
    { path: "misuse.asOf", label: t("records.fMisuseAsOf") },
    {
      path: "milestones",
      label: t("records.milestonesTitle"),
      // The stored milestones carry their derived outside-record flag, which the form never sends.
      pickCurrent: (current) => valuesFromIncident(current as TIncident).milestones,
      render: list<{ kind: string; date: string; endDate: string | null }>(
        (m) =>
          `${f.date(m.date)}${m.endDate ? `〜${f.date(m.endDate)}` : ""} ${milestoneLabel(m.kind) ?? m.kind}`,
      ),
    },
    {
      path: "contact",
      label: t("records.fContact"),
      render: (v) => {
        const contact = v as { name?: { ja: string; en: string }; phone?: string | null } | null;
        return contact?.name ? (
          `${tx(contact.name)} ${contact.phone ?? ""}`.trim()
        ) : (
          <span className="not-reported">{t("records.contactNone")}</span>
        );
      },
    },
    { path: "documentIds", label: t("records.fDocuments"), render: list<string>(names.documentLabel) },
  ];
};
