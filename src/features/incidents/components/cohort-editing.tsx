import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { AddDisclosure } from "@/components/form/add-disclosure";
import { useI18n } from "@/i18n/i18n";
import { useCanEdit } from "@/lib/edit-rights";
import { referenceQueries } from "@/lib/reference-queries";
import type { TCohort } from "@/shared/schemas/cohort";
import type { TIncident } from "@/shared/schemas/incident";
import { CohortForm, defaultPopulation } from "./cohort-form";
import { CohortProgressForm } from "./cohort-progress-form";
import "./cohort-editing.css";

type TOpen = { kind: "progress" } | { kind: "correct"; eventId: string } | { kind: "edit" } | null;

/**
 * The secretariat's controls on one cohort: record the vendor's progress, correct an entry, change the
 * cohort. Nothing is rendered for a viewer. One form is open at a time, right under the buttons; when it
 * closes, focus returns to the button that opened it.
 */
export const CohortEditing = ({
  cohort,
  siblings,
  named = false,
}: {
  cohort: TCohort;
  siblings: readonly TCohort[];
  /** Says which cohort the buttons are for (sub-cohorts listed under their parent). */
  named?: boolean;
}) => {
  const { t, tx, f } = useI18n();
  const canEdit = useCanEdit();
  const [open, setOpen] = useState<TOpen>(null);
  const [saved, setSaved] = useState(false);
  const opener = useRef<HTMLButtonElement | null>(null);
  const id = useId();
  if (!canEdit) return null;
  const show = (next: TOpen) => (e: { currentTarget: HTMLButtonElement }) => {
    opener.current = e.currentTarget;
    setSaved(false);
    setOpen((o) => (o && next && JSON.stringify(o) === JSON.stringify(next) ? null : next));
  };
  const close = (didSave: boolean) => () => {
    setOpen(null);
    setSaved(didSave);
    opener.current?.focus();
  };
  const correcting =
    open?.kind === "correct" ? cohort.progress.find((e) => e.id === open.eventId) : undefined;
  return (
    <div className="cohort-editing no-print">
      {/* A labelled set of buttons; not a toolbar (that would promise arrow-key navigation). */}
      {/* biome-ignore lint/a11y/useSemanticElements: buttons, not form fields: a fieldset would misname them */}
      <div
        className="edit-bar"
        role="group"
        aria-label={t("editing.cohortToolbar", { label: tx(cohort.label) })}
      >
        {named ? <span className="edit-bar-name">{tx(cohort.label)}</span> : null}
        <button
          type="button"
          className="button"
          aria-expanded={open?.kind === "progress"}
          aria-controls={`${id}-panel`}
          onClick={show({ kind: "progress" })}
        >
          {t("editing.progressAdd")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={open?.kind === "edit"}
          aria-controls={`${id}-panel`}
          onClick={show({ kind: "edit" })}
        >
          {t("editing.cohortEdit")}
        </button>
        {cohort.progress.map((e) => (
          <button
            key={e.id}
            type="button"
            className="button button-secondary button-small"
            aria-expanded={open?.kind === "correct" && open.eventId === e.id}
            aria-controls={`${id}-panel`}
            onClick={show({ kind: "correct", eventId: e.id })}
          >
            {t("editing.progressCorrect", { date: f.date(e.date) })}
          </button>
        ))}
      </div>
      {saved ? (
        <p className="form-success" role="status">
          {t("editing.saved")}
        </p>
      ) : null}
      <div id={`${id}-panel`}>
        {open?.kind === "progress" ? (
          <CohortProgressForm cohort={cohort} onSaved={close(true)} onCancel={close(false)} />
        ) : null}
        {open?.kind === "correct" && correcting ? (
          <CohortProgressForm
            key={correcting.id}
            cohort={cohort}
            event={correcting}
            onSaved={close(true)}
            onCancel={close(false)}
          />
        ) : null}
        {open?.kind === "edit" ? (
          <CohortForm
            incidentId={cohort.incidentId}
            cohort={cohort}
            siblings={siblings}
            onSaved={close(true)}
            onCancel={close(false)}
          />
        ) : null}
      </div>
    </div>
  );
};

/**
 * "Add a group" under an incident's remediation, for editors: always there, so an incident with no group
 * yet can get its first one (and then its progress, by hand or by import).
 */
export const AddCohort = ({ incident, cohorts }: { incident: TIncident; cohorts: readonly TCohort[] }) => {
  const services = useQuery(referenceQueries.services());
  const organisation = useQuery(referenceQueries.organisation());
  const population = defaultPopulation(incident, services.data?.items ?? [], organisation.data ?? null);
  return (
    <AddDisclosure
      label={useI18n().t("editing.cohortAdd")}
      className="cohort-editing"
      buttonClassName="button button-secondary"
    >
      {(done) => (
        <CohortForm incidentId={incident.id} defaultPopulationId={population} siblings={cohorts} {...done} />
      )}
    </AddDisclosure>
  );
};
