import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { useWatch } from "react-hook-form";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FigureField, type TFigureDraft } from "@/components/form/figure-field";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { SelectField } from "@/components/form/select-field";
import { SourceRefField } from "@/components/form/source-ref-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { textOrNull } from "@/lib/form-values";
import {
  type TCohort,
  type TCohortStatus,
  type TProgressEvent,
  ZCohortStatus,
} from "@/shared/schemas/cohort";
import type { TSourceRef, TText } from "@/shared/schemas/common";
import { exactValue } from "@/shared/schemas/common";
import { ZProgressEventDraft } from "@/shared/schemas/edit";
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

/** The body the contract expects: the figure cites the event's source unless it has its own. */
const toBody = (v: TValues) => ({
  version: v.version,
  date: v.date,
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
 * Records the vendor's dated progress on a cohort (or corrects an earlier entry): the date of the
 * report, how many members are put right so far (or that the vendor did not say), the evidence, and,
 * optionally, the cohort's new status, e.g. the 3 double-billing refunds completed.
 */
export const CohortProgressForm = ({ cohort, event = null, onSaved, onCancel }: TProps) => {
  const { t, tx, f } = useI18n();
  const titleId = useId();
  const add = useMutation(cohortMutations.addProgress());
  const update = useMutation(cohortMutations.updateProgress());
  const form = useRecordForm({
    initial: () => valuesFor(cohort, event),
    toBody,
    fieldOf,
    endpoint: endpoint(ZProgressEventDraft, (body) =>
      event
        ? update.mutateAsync({ cohortId: cohort.id, eventId: event.id, body })
        : add.mutateAsync({ cohortId: cohort.id, body }),
    ),
    onSuccess: () => onSaved(),
  });
  const { control } = form;
  const ownFigureSource = useWatch({ control, name: "ownFigureSource" });
  const members = exactValue(cohort.members);
  const statusOptions = ZCohortStatus.options.map((s) => ({
    value: s,
    label: t(`domain.cohortStatus.${s}` as TMessageKey),
  }));
  const conflictFields: TConflictField<TValues>[] = [
    {
      path: "date",
      label: t("editing.progressDate"),
      pickCurrent: (c) => latestEvent(c, event?.id ?? null)?.date ?? null,
    },
    {
      path: "doneCount",
      label: t("editing.progressDone"),
      unit: "members",
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
      render: (v) => (typeof v === "string" ? t(`domain.cohortStatus.${v}` as TMessageKey) : "—"),
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
          {members !== null
            ? t("editing.progressMembers", { n: f.people(members) })
            : t("editing.progressMembersUnknown")}
          {" · "}
          {t("editing.progressCurrentStatus", {
            status: t(`domain.cohortStatus.${cohort.status}` as TMessageKey),
          })}
        </p>
        {members !== null && !event ? (
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                form.set("doneCount", { status: "reported", value: members, source: EMPTY_SOURCE });
                form.set("cohortStatus", "completed");
              }}
            >
              {t("editing.progressAllDone", { n: f.people(members) })}
            </button>
          </p>
        ) : null}
        <DateField
          control={control}
          name="date"
          label={t("editing.progressDate")}
          hint={t("editing.progressDateHint")}
          partial
          required
        />
        <FigureField
          control={control}
          name="doneCount"
          legend={t("editing.progressDone")}
          hint={t("editing.progressDoneHint")}
          unit={t("editing.unitMembers")}
          withSource={ownFigureSource}
        />
        <SelectField
          control={control}
          name="cohortStatus"
          label={t("editing.progressCohortStatus")}
          hint={t("editing.progressCohortStatusHint")}
          options={statusOptions}
          placeholder={t("editing.progressStatusUnchanged", {
            status: t(`domain.cohortStatus.${cohort.status}` as TMessageKey),
          })}
        />
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
