import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { type Control, useWatch } from "react-hook-form";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FigureField, type TFigureDraft } from "@/components/form/figure-field";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { SelectField } from "@/components/form/select-field";
import { SourceRefField } from "@/components/form/source-ref-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { message, useI18n } from "@/i18n/i18n";
import type { TMessage } from "@/i18n/message-types";
import { enumLabel } from "@/lib/enum-label";
import type { TErrorWords } from "@/lib/form-errors";
import { textOrNull } from "@/lib/form-values";
import { normaliseImportDate } from "@/shared/edits/progress-import";
import {
  type TCohort,
  type TCohortStatus,
  type TProgressEvent,
  ZCohortStatus,
} from "@/shared/schemas/cohort";
import type { TSourceRef, TText } from "@/shared/schemas/common";
import { ZProgressEventDraft } from "@/shared/schemas/edit";
import { exactValue } from "@/shared/values";
import { cohortMutations } from "../api/queries";

type TValues = {
  version: number;
  date: string;
  doneCount: TFigureDraft;
  note: TText;
  source: TSourceRef;
  /** "" keeps the cohort's status as it is. */
  cohortStatus: TCohortStatus | "";
  /** A correction whose figure cites another document than the event keeps its own source. */
  ownFigureSource: boolean;
};

const EMPTY_SOURCE: TSourceRef = { documentId: "", cites: [] };

const sameSource = (a: TSourceRef, b: TSourceRef) =>
  a.documentId === b.documentId && a.cites.join(",") === b.cites.join(",");

const valuesFor = (cohort: TCohort, event: TProgressEvent | null): TValues =>
  event
    ? {
        version: cohort.version,
        date: event.date,
        doneCount: event.doneCount,
        note: event.note ?? { ja: "", en: "" },
        source: event.source,
        cohortStatus: "",
        ownFigureSource: !sameSource(event.doneCount.source, event.source),
      }
    : {
        version: cohort.version,
        date: "",
        // "Reported" is the usual case, but its number starts blank: nothing becomes 0 by default.
        doneCount: { status: "reported", value: null, source: EMPTY_SOURCE },
        note: { ja: "", en: "" },
        source: EMPTY_SOURCE,
        cohortStatus: "",
        ownFigureSource: false,
      };

/**
 * The body the contract expects: the figure cites the event's source unless it has its own, and the date
 * is read as the import reads it (2024-07, 2024-07-19, 2024/7/19, 2024年7月19日), so the form accepts
 * what a vendor's report file may say; anything else goes as typed and is refused next to the field.
 */
const toBody = (v: TValues) => ({
  version: v.version,
  date: normaliseImportDate(v.date) ?? v.date.trim(),
  doneCount: v.ownFigureSource ? v.doneCount : { ...v.doneCount, source: v.source },
  note: textOrNull(v.note),
  source: v.source,
  ...(v.cohortStatus ? { cohortStatus: v.cohortStatus } : {}),
});

/** A refusal about the figure's copied source belongs to the event's source field. */
const fieldOf = (path: string, v: TValues) =>
  !v.ownFigureSource && path.startsWith("doneCount.source")
    ? path.replace("doneCount.source", "source")
    : path;

/** The server's words for a count beyond the group and a completion short of it, in people. */
const useWords = (): TErrorWords => {
  const { f } = useI18n();
  return (error): TMessage | undefined => {
    const p = error.params ?? {};
    if (error.code === "exceeds_people" && typeof p.people === "number")
      return message("records.errExceedsPeople", { total: f.people(p.people) });
    if (error.code === "completed_short" && typeof p.people === "number" && typeof p.done === "number")
      return message("records.errCompletedShort", { total: f.people(p.people), done: f.people(p.done) });
    return undefined;
  };
};

const latestEvent = (cohort: Record<string, unknown>, eventId: string | null) => {
  const progress = (cohort.progress ?? []) as TProgressEvent[];
  if (eventId) return progress.find((e) => e.id === eventId) ?? null;
  return progress.reduce<TProgressEvent | null>((a, e) => (a === null || e.date >= a.date ? e : a), null);
};

type TProps = {
  cohort: TCohort;
  /** The event to correct; null records a new one. */
  event?: TProgressEvent | null;
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * Records the vendor's dated progress on a group (or corrects an earlier entry): the date of the report
 * (a day or a month, as the import reads it), how many people are put right or sent a letter so far (or
 * that the vendor did not say), the evidence, and, optionally, the group's new status, shown as the
 * change the record will keep (e.g. in progress → completed).
 */
export const CohortProgressForm = ({ cohort, event = null, onSaved, onCancel }: TProps) => {
  const { t, tx, f } = useI18n();
  const titleId = useId();
  const add = useMutation(cohortMutations.addProgress());
  const update = useMutation(cohortMutations.updateProgress());
  const words = useWords();
  const form = useRecordForm({
    initial: () => valuesFor(cohort, event),
    toBody,
    fieldOf,
    words,
    endpoint: endpoint(ZProgressEventDraft, (body) =>
      event
        ? update.mutateAsync({ cohortId: cohort.id, eventId: event.id, body })
        : add.mutateAsync({ cohortId: cohort.id, body }),
    ),
    onSuccess: () => onSaved(),
  });
  const { control } = form;
  const ownFigureSource = useWatch({ control, name: "ownFigureSource" });
  const people = exactValue(cohort.people);
  const notification = cohort.purpose === "notification";
  const statusOptions = ZCohortStatus.options.map((s) => ({
    value: s,
    label: t(`domain.cohortStatus.${s}`),
  }));
  const conflictFields: TConflictField<TValues>[] = [
    {
      path: "date",
      label: t("editing.progressDate"),
      pickCurrent: (c) => latestEvent(c, event?.id ?? null)?.date ?? null,
    },
    {
      path: "doneCount",
      label: t(notification ? "records.progressSent" : "records.progressDone"),
      unit: "people",
      pickCurrent: (c) => latestEvent(c, event?.id ?? null)?.doneCount ?? null,
    },
    {
      path: "note",
      label: t("editing.progressNote"),
      pickCurrent: (c) => latestEvent(c, event?.id ?? null)?.note ?? null,
    },
    {
      path: "source",
      label: t("editing.progressSource"),
      pickCurrent: (c) => latestEvent(c, event?.id ?? null)?.source ?? null,
    },
    {
      path: "cohortStatus",
      label: t("editing.progressCohortStatus"),
      pickMine: (m) => (m as { cohortStatus?: string }).cohortStatus ?? cohort.status,
      pickCurrent: (c) => c.status,
      render: (v) => enumLabel(t, ZCohortStatus.options, (s) => `domain.cohortStatus.${s}`)(v) ?? "—",
    },
  ];
  return (
    <section className="edit-panel" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {event
          ? t("editing.progressCorrectTitle", { date: f.date(event.date) })
          : t("editing.progressAddTitle", { label: tx(cohort.label) })}
      </h4>
      <ConflictPanel
        form={form}
        fields={conflictFields}
        valuesFrom={(current) => {
          const fresh = current as unknown as TCohort;
          const same = event ? (fresh.progress.find((e) => e.id === event.id) ?? null) : null;
          return valuesFor(fresh, same);
        }}
        onDiscarded={event ? undefined : onCancel}
      />
      <RecordForm form={form} className="progress-form" aria-labelledby={titleId}>
        <p className="edit-context">
          {people !== null
            ? t("editing.progressMembers", { n: f.people(people) })
            : t("records.progressPeopleUnknown")}
          {" · "}
          {t("editing.progressCurrentStatus", {
            status: t(`domain.cohortStatus.${cohort.status}`),
          })}
        </p>
        {people !== null && !event ? (
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                form.set("doneCount", { status: "reported", value: people, source: EMPTY_SOURCE });
                form.set("cohortStatus", "completed");
              }}
            >
              {t("editing.progressAllDone", { n: f.people(people) })}
            </button>
          </p>
        ) : null}
        <DateField
          control={control}
          name="date"
          label={t("editing.progressDate")}
          hint={t("records.progressDateHint")}
          partial
          required
        />
        <FigureField
          control={control}
          name="doneCount"
          legend={t(notification ? "records.progressSent" : "records.progressDone")}
          hint={t("records.progressDoneHint")}
          unit={t("domain.unit.people")}
          withSource={ownFigureSource}
        />
        <SelectField
          control={control}
          name="cohortStatus"
          label={t("editing.progressCohortStatus")}
          hint={t("editing.progressCohortStatusHint")}
          options={statusOptions}
          placeholder={t("editing.progressStatusUnchanged", {
            status: t(`domain.cohortStatus.${cohort.status}`),
          })}
        />
        <StatusChange control={control} from={cohort.status} />
        <SourceRefField
          control={control}
          name="source"
          legend={t("editing.progressSource")}
          hint={t("editing.progressSourceHint")}
        />
        <BilingualTextField
          control={control}
          name="note"
          legend={t("editing.progressNote")}
          hint={t("editing.progressNoteHint")}
          required={false}
          multiline
          rows={2}
        />
        <FormActions
          submitLabel={event ? t("editing.progressSaveCorrection") : t("editing.progressSave")}
          onCancel={onCancel}
        />
      </RecordForm>
    </section>
  );
};

/** The status change this report makes, as the record will keep it (from → to), or that it keeps it. */
const StatusChange = ({ control, from }: { control: Control<TValues>; from: TCohortStatus }) => {
  const { t } = useI18n();
  const to = useWatch({ control, name: "cohortStatus" });
  const name = (s: TCohortStatus) => t(`domain.cohortStatus.${s}`);
  return (
    <p className="progress-status-change" aria-live="polite">
      {to && to !== from
        ? t("records.progressStatusChange", { from: name(from), to: name(to) })
        : t("records.progressStatusKept", { status: name(from) })}
    </p>
  );
};
