import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId } from "react";
import { type Control, useWatch } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import { BackLink } from "@/components/back-link";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FigureField } from "@/components/form/figure-field";
import { FormActions } from "@/components/form/form-actions";
import { ItemList } from "@/components/form/item-list";
import { NumberField } from "@/components/form/number-field";
import { RecordForm } from "@/components/form/record-form";
import { MultiSelectField, RadioField, SelectField, type TOption } from "@/components/form/select-field";
import { SourceRefField, useDocumentOptions } from "@/components/form/source-ref-field";
import { TextAreaField } from "@/components/form/text-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { NotFoundSection } from "@/components/not-found-section";
import { PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { formatMoment } from "@/i18n/format";
import { useI18n } from "@/i18n/i18n";
import { apiSend } from "@/lib/api-client";
import { enumLabel } from "@/lib/enum-label";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import { ZMeetingDraft, ZMeetingUpdate } from "@/shared/schemas/edit";
import { type TMeeting, ZResolutionKind } from "@/shared/schemas/meeting";
import { meetingQueries } from "../api/queries";
import {
  emptyAttendee,
  emptyItem,
  emptyMeeting,
  emptyResolution,
  followFiscalYear,
  type TMeetingValues,
  toMeetingBody,
  valuesFromCurrent,
  valuesFromMeeting,
} from "./meeting-form-model";
import "@/components/form/record-form.css";
import "./meetings.css";

/** /meetings/new and /meetings/:meetingId/edit — for editors (the route checks the role). */
export const MeetingEditor = ({ meetingId }: { meetingId?: string }) => {
  // The choices (documents, vendors, incidents, commitments) are loaded before the form is drawn, so
  // every select shows its options at once and a stored choice is never shown as a bare id.
  const documents = useQuery(referenceQueries.documents());
  const vendors = useQuery(referenceQueries.vendors());
  const organisation = useQuery(referenceQueries.organisation());
  const record = useQuery(meetingQueries.record());
  const waitFor = [documents, vendors, organisation, record];
  if (meetingId === undefined) {
    return (
      <QueryState query={record} waitFor={waitFor} minHeight="40rem">
        {() => <MeetingForm meeting={null} />}
      </QueryState>
    );
  }
  return <ExistingMeetingEditor meetingId={meetingId} waitFor={waitFor} />;
};

const ExistingMeetingEditor = ({
  meetingId,
  waitFor,
}: {
  meetingId: string;
  waitFor: { isLoading: boolean }[];
}) => {
  const { t, tx, lang } = useI18n();
  const query = useQuery(meetingQueries.detail(meetingId));
  if (isNotFound(query.error)) {
    return (
      <NotFoundSection
        title={t("meetings.notFoundTitle")}
        body={t("meetings.notFoundBody", { id: meetingId })}
        backTo="/meetings"
        backLabel={t("meetings.backToList")}
      />
    );
  }
  return (
    <QueryState query={query} waitFor={waitFor} minHeight="40rem">
      {(meeting) =>
        meeting.closed ? (
          <article className="meeting-page">
            <BackLink to={`/meetings/${meeting.id}`} label={t("meetings.backToMeeting")} />
            <PageHeader title={t("meetings.editTitle", { title: tx(meeting.title) })} />
            <p className="panel form-closed-note" role="status">
              {t("meetings.editClosed", {
                at: formatMoment(meeting.closed.at, lang),
                by: meeting.closed.byName,
              })}{" "}
              <Link to={`/meetings/${meeting.id}/snapshot`}>{t("meetings.snapshotLink")}</Link>
            </p>
          </article>
        ) : (
          <MeetingForm meeting={meeting} />
        )
      }
    </QueryState>
  );
};

const MeetingForm = ({ meeting }: { meeting: TMeeting | null }) => {
  const { t, tx, f } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const backTo = meeting ? `/meetings/${meeting.id}` : "/meetings";
  const form = useRecordForm({
    initial: () => (meeting ? valuesFromMeeting(meeting) : emptyMeeting()),
    toBody: toMeetingBody,
    endpoint: meeting
      ? endpoint(ZMeetingUpdate, (body) =>
          apiSend("updateMeeting", { params: { meetingId: meeting.id }, body }),
        )
      : endpoint(ZMeetingDraft, (body) => apiSend("createMeeting", { body })),
    onSuccess: (saved) => {
      // Any figure anywhere may follow from a meeting (the overview names the latest one).
      void queryClient.invalidateQueries();
      navigate(`/meetings/${saved.id}`, { state: { saved: true } });
    },
  });
  const { control, methods, set } = form;
  // The organisation's 年度 starts in its own month (April by default).
  const startMonth = useQuery(referenceQueries.organisation()).data?.fiscalYearStartMonth ?? 4;

  // The 年度 follows the date until the user picks another one. A subscription, not a render: typing
  // elsewhere in the form does not draw it again.
  useEffect(() => {
    let before = methods.getValues("date");
    const subscription = methods.watch((_values, { name }) => {
      if (name !== "date") return;
      const values = methods.getValues();
      const next = followFiscalYear({ ...values, date: before }, values.date, startMonth);
      before = values.date;
      if (next !== values.fiscalYear) set("fiscalYear", next);
    });
    return () => subscription.unsubscribe();
  }, [methods, set, startMonth]);

  const conflictFields = useConflictFields();
  const title = meeting ? t("meetings.editTitle", { title: tx(meeting.title) }) : t("meetings.newTitle");
  return (
    <article className="meeting-page meeting-editor">
      <BackLink to={backTo} label={meeting ? t("meetings.backToMeeting") : t("meetings.backToList")} />
      <PageHeader title={title} lead={<p className="page-lead-text">{t("meetings.formLead")}</p>} />
      <ConflictPanel form={form} fields={conflictFields} valuesFrom={valuesFromCurrent} />
      <RecordForm form={form} aria-label={title} className="record-form meeting-form">
        <section className="panel record-form-section" aria-labelledby={`${id}-basics`}>
          <h2 id={`${id}-basics`}>{t("meetings.formBasics")}</h2>
          <div className="record-form-row">
            <DateField control={control} name="date" label={t("meetings.fieldDate")} required />
            <NumberField
              control={control}
              name="fiscalYear"
              label={t("meetings.fieldFiscalYear")}
              hint={t("meetings.fieldFiscalYearHint", { month: f.number(startMonth) })}
              required
              unit={t("meetings.fiscalYearUnit")}
            />
            <NumberField control={control} name="number" label={t("meetings.fieldNumber")} required />
            <RadioField
              control={control}
              name="kind"
              legend={t("meetings.fieldKind")}
              required
              options={[
                { value: "regular", label: t("meetings.kindRegular") },
                { value: "extraordinary", label: t("meetings.kindExtraordinary") },
              ]}
            />
          </div>
          <TitleField control={control} />
          <SourceRefField
            control={control}
            name="source"
            legend={t("meetings.fieldSource")}
            hint={t("meetings.fieldSourceHint")}
          />
        </section>

        <section className="panel record-form-section" aria-labelledby={`${id}-contents`}>
          <h2 id={`${id}-contents`}>{t("meetings.formContents")}</h2>
          <ItemsEditor control={control} />
          <AttendeesEditor control={control} />
          <ResolutionsEditor control={control} />
        </section>

        <div className="record-form-footer">
          <FormActions
            submitLabel={meeting ? t("meetings.saveChanges") : t("meetings.saveNew")}
            onCancel={() => navigate(backTo)}
          />
        </div>
      </RecordForm>
    </article>
  );
};

/**
 * The name, with an example built from what the form already says (年度, 回, 種別) and the organisation's
 * own name for its board: never one organisation's meeting.
 */
const TitleField = ({ control }: { control: Control<TMeetingValues> }) => {
  const { t, f } = useI18n();
  const [fiscalYear, number, kind] = useWatch({ control, name: ["fiscalYear", "number", "kind"] });
  const kindWord = kind === "extraordinary" ? t("meetings.kindExtraordinary") : t("meetings.kindRegular");
  const example =
    fiscalYear !== null && number !== null
      ? t("meetings.titleExample", { year: fiscalYear, n: f.number(number), kind: kindWord })
      : t("meetings.titleExampleShort", { kind: kindWord });
  return (
    <BilingualTextField
      control={control}
      name="title"
      legend={t("meetings.fieldTitle")}
      hint={t("meetings.fieldTitleHint", { example })}
    />
  );
};

// ---------------------------------------------------------------------------------------------------
// The lists: items, attendees, resolutions (the kit's ItemList: add, move, remove with undo). Paths
// follow the body (items.2.title), so the server's errors land next to their controls.

const useChoices = () => {
  const { t, tx } = useI18n();
  const names = useReferenceNames("organisation", "vendors");
  const organisation = useQuery(referenceQueries.organisation());
  const record = useQuery(meetingQueries.record());
  const vendors: TOption[] = names.vendors.map((v) => ({ value: v.id, label: tx(v.shortName) }));
  const parties: TOption[] = [
    ...(organisation.data ? [{ value: organisation.data.id, label: tx(organisation.data.shortName) }] : []),
    ...vendors,
  ];
  const incidents: TOption[] = [...(record.data?.incidents ?? [])]
    .sort((a, b) => a.number - b.number)
    .map((i) => ({ value: i.id, label: `${t("meetings.incidentNumber", { n: i.number })} ${tx(i.title)}` }));
  const commitments: TOption[] = (record.data?.commitments ?? []).map((c) => ({
    value: c.id,
    label: tx(c.text),
  }));
  return { vendors, parties, incidents, commitments };
};

const ItemsEditor = ({ control }: { control: Control<TMeetingValues> }) => {
  const { t } = useI18n();
  const choices = useChoices();
  const documents = useDocumentOptions();
  return (
    <ItemList
      control={control}
      name="items"
      title={t("meetings.itemsTitle")}
      hint={t("meetings.formItemsLead")}
      itemName={(i) => t("meetings.itemN", { n: i + 1 })}
      addLabel={t("meetings.addItem")}
      empty={t("meetings.itemsEmpty")}
      newItem={emptyItem}
      max={100}
    >
      {(at) => (
        <>
          <BilingualTextField control={control} name={`${at}.title`} legend={t("meetings.fieldItemTitle")} />
          <div className="record-form-row">
            <MultiSelectField
              control={control}
              name={`${at}.presentedByIds`}
              legend={t("meetings.presentedBy")}
              options={choices.parties}
            />
            <MultiSelectField
              control={control}
              name={`${at}.incidentIds`}
              legend={t("meetings.relatedIncidents")}
              options={choices.incidents}
            />
          </div>
          <MultiSelectField
            control={control}
            name={`${at}.documentIds`}
            legend={t("meetings.relatedDocuments")}
            options={documents}
          />
          <BilingualTextField
            control={control}
            name={`${at}.note`}
            legend={t("meetings.fieldNote")}
            required={false}
            multiline
            rows={2}
          />
        </>
      )}
    </ItemList>
  );
};

const AttendeesEditor = ({ control }: { control: Control<TMeetingValues> }) => {
  const { t } = useI18n();
  const choices = useChoices();
  return (
    <ItemList
      control={control}
      name="vendorAttendees"
      title={t("meetings.attendeesTitle")}
      hint={t("meetings.formAttendeesLead")}
      itemName={(i) => t("meetings.attendeeN", { n: i + 1 })}
      addLabel={t("meetings.addAttendee")}
      empty={t("meetings.attendeesEmpty")}
      newItem={emptyAttendee}
      max={50}
    >
      {(at) => (
        <>
          <SelectField
            control={control}
            name={`${at}.vendorId`}
            label={t("meetings.fieldVendor")}
            required
            options={choices.vendors}
          />
          <FigureField
            control={control}
            name={`${at}.people`}
            legend={t("meetings.fieldPeople")}
            hint={t("meetings.fieldPeopleHint")}
            unit={t("meetings.peopleUnit")}
          />
          <BilingualTextField
            control={control}
            name={`${at}.role`}
            legend={t("meetings.fieldRole")}
            required={false}
          />
        </>
      )}
    </ItemList>
  );
};

const ResolutionsEditor = ({ control }: { control: Control<TMeetingValues> }) => {
  const { t } = useI18n();
  const choices = useChoices();
  const kinds: TOption[] = ZResolutionKind.options.map((k) => ({
    value: k,
    label: t(`domain.resolutionKind.${k}`),
  }));
  return (
    <ItemList
      control={control}
      name="resolutions"
      title={t("meetings.resolutionsTitle")}
      hint={t("meetings.formResolutionsLead")}
      itemName={(i) => t("meetings.resolutionN", { n: i + 1 })}
      addLabel={t("meetings.addResolution")}
      empty={t("meetings.resolutionsEmpty")}
      newItem={emptyResolution}
      max={100}
    >
      {(at) => (
        <>
          <SelectField
            control={control}
            name={`${at}.kind`}
            label={t("meetings.fieldResolutionKind")}
            required
            options={kinds}
          />
          <ItemChoice control={control} name={`${at}.itemId`} />
          <BilingualTextField
            control={control}
            name={`${at}.text`}
            legend={t("meetings.fieldResolutionText")}
            multiline
            rows={2}
          />
          <TextAreaField
            control={control}
            name={`${at}.quote`}
            label={t("meetings.fieldQuote")}
            hint={t("meetings.fieldQuoteHint")}
            nullable
            rows={2}
          />
          <div className="record-form-row">
            <MultiSelectField
              control={control}
              name={`${at}.targetVendorIds`}
              legend={t("meetings.targets")}
              options={choices.vendors}
            />
            <MultiSelectField
              control={control}
              name={`${at}.commitmentIds`}
              legend={t("meetings.linkedCommitments")}
              hint={t("meetings.fieldCommitmentsHint")}
              options={choices.commitments}
            />
          </div>
          <BilingualTextField
            control={control}
            name={`${at}.note`}
            legend={t("meetings.fieldNote")}
            required={false}
            multiline
            rows={2}
          />
          <SourceRefField control={control} name={`${at}.source`} legend={t("meetings.fieldSource")} />
        </>
      )}
    </ItemList>
  );
};

/**
 * Which agenda item a resolution was made under: one of the items as they stand in this form (a new one
 * included, by its id), or none for the whole meeting.
 */
const ItemChoice = ({
  control,
  name,
}: {
  control: Control<TMeetingValues>;
  name: `resolutions.${number}.itemId`;
}) => {
  const { t, tx } = useI18n();
  const items = useWatch({ control, name: "items" });
  const options: TOption[] = items.flatMap((item, i) =>
    item.id
      ? [
          {
            value: item.id,
            label: t("meetings.itemOption", {
              n: i + 1,
              title: item.title.ja || item.title.en ? tx(item.title) : t("meetings.itemUntitled"),
            }),
          },
        ]
      : [],
  );
  return (
    <SelectField
      control={control}
      name={name}
      nullable
      label={t("meetings.fieldResolutionItem")}
      hint={t("meetings.fieldResolutionItemHint")}
      placeholder={t("meetings.wholeMeeting")}
      options={options}
    />
  );
};

const useConflictFields = (): TConflictField<TMeetingValues>[] => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors");
  const resolutionKind = enumLabel(t, ZResolutionKind.options, (k) => `domain.resolutionKind.${k}`);
  const list = (lines: string[]) =>
    lines.length === 0 ? (
      <span className="conflict-empty">{t("meetings.none")}</span>
    ) : (
      <ol className="conflict-list">
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering
          <li key={i}>{line}</li>
        ))}
      </ol>
    );
  const text = (v: unknown) =>
    v && typeof v === "object" && "ja" in v ? tx(v as { ja: string; en: string }) : "";
  return [
    { path: "date", label: t("meetings.fieldDate") },
    {
      path: "fiscalYear",
      label: t("meetings.fieldFiscalYear"),
      render: (v) => (typeof v === "number" ? f.fiscalYear(v) : ""),
    },
    { path: "number", label: t("meetings.fieldNumber") },
    {
      path: "kind",
      label: t("meetings.fieldKind"),
      render: (v) =>
        v === "regular"
          ? t("meetings.kindRegular")
          : v === "extraordinary"
            ? t("meetings.kindExtraordinary")
            : "",
    },
    { path: "title", label: t("meetings.fieldTitle") },
    { path: "source", label: t("meetings.fieldSource") },
    {
      path: "items",
      label: t("meetings.itemsTitle"),
      render: (v) => list(Array.isArray(v) ? v.map((item) => text((item as { title: unknown }).title)) : []),
    },
    {
      path: "vendorAttendees",
      label: t("meetings.attendeesTitle"),
      render: (v) =>
        list(
          Array.isArray(v)
            ? v.map((a) => {
                const x = a as { vendorId: string; people?: { status?: string; value?: number } };
                const people =
                  x.people?.status === "reported" && typeof x.people.value === "number"
                    ? f.people(x.people.value)
                    : t("common.notReported");
                return `${names.vendor(x.vendorId)} ${people}`;
              })
            : [],
        ),
    },
    {
      path: "resolutions",
      label: t("meetings.resolutionsTitle"),
      render: (v) =>
        list(
          Array.isArray(v)
            ? v.map((r) => {
                const x = r as { kind: string; text: unknown };
                const kind = resolutionKind(x.kind) ?? "";
                return `${kind} ${text(x.text)}`.trim();
              })
            : [],
        ),
    },
  ];
};
