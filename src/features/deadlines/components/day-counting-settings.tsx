import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { Control } from "react-hook-form";
import { ConflictPanel, type TConflictField } from "@/components/form/conflict-panel";
import { FieldGroup } from "@/components/form/field-shell";
import { FormActions } from "@/components/form/form-actions";
import { useFormField } from "@/components/form/form-kit-context";
import { RecordForm } from "@/components/form/record-form";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { type TDayCounting, type TSettings, ZDayCounting, ZSettingsUpdate } from "@/shared/schemas/settings";
import { deadlineMutations, deadlineQueries } from "../api/queries";
import "./deadlines.css";

type TValues = { dayCounting: TDayCounting; version: number };

const valuesOf = (s: Pick<TSettings, "dayCounting" | "version">): TValues => ({
  dayCounting: s.dayCounting,
  version: s.version,
});

const modeKey = (c: TDayCounting) => `deadlines.dayCounting.${c}` as TPlainKey;
const hintKey = (c: TDayCounting) => `deadlines.dayCountingHint.${c}` as TPlainKey;

/**
 * How due dates count days. Administrators change it with the shared form kit: version-checked, so a save
 * over another administrator's newer change shows both versions (ConflictPanel) and can be re-applied;
 * any other refusal is said above the form. Anyone else sees the setting in force, read-only.
 */
export const DayCountingSettings = ({ canChange }: { canChange: boolean }) => {
  const { t } = useI18n();
  const id = useId();
  const query = useQuery(deadlineQueries.settings());
  return (
    <section className="panel dl-setting" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("deadlines.settingsTitle")}</h2>
      <p className="dl-lead">{t("deadlines.settingsLead")}</p>
      <QueryState query={query} minHeight={canChange ? "14rem" : "1.5rem"}>
        {(settings) =>
          canChange ? (
            <SettingsForm settings={settings} />
          ) : (
            <p className="dl-setting-current">
              {t("deadlines.settingsCurrent", { mode: t(modeKey(settings.dayCounting)) })}{" "}
              <span className="dl-setting-version">{t("deadlines.settingsReadOnly")}</span>
            </p>
          )
        }
      </QueryState>
    </section>
  );
};

/** The two ways to count, each with what it means, as one group of radio buttons owned by the form. */
const CountingChoice = ({ control }: { control: Control<TValues> }) => {
  const { t } = useI18n();
  const { id, value, set, error } = useFormField(control, "dayCounting");
  return (
    <FieldGroup id={id} path="dayCounting" legend={t("deadlines.settingsLegend")} error={error} kind="select">
      <div className="dl-setting-options">
        {ZDayCounting.options.map((c, i) => (
          <div key={c} className="field-check dl-setting-option">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${c}`}
              name={`${id}-dayCounting`}
              value={c}
              checked={value === c}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-${c}-hint`}
              onChange={() => set(c)}
            />
            <label htmlFor={i === 0 ? id : `${id}-${c}`}>
              {t(modeKey(c))}
              <span className="field-hint dl-setting-hint" id={`${id}-${c}-hint`}>
                {t(hintKey(c))}
              </span>
            </label>
          </div>
        ))}
      </div>
    </FieldGroup>
  );
};

type TOutcome = "saved" | "unchanged" | null;

const SettingsForm = ({ settings }: { settings: TSettings }) => {
  const { t } = useI18n();
  const id = useId();
  const update = useMutation(deadlineMutations.updateSettings());
  const [outcome, setOutcome] = useState<TOutcome>(null);
  const form = useRecordForm({
    initial: () => valuesOf(settings),
    endpoint: endpoint(ZSettingsUpdate, (body) => {
      setOutcome(null);
      return update.mutateAsync(body);
    }),
    onSuccess: (saved: TSettings, sent) => {
      // The server answers a save that changes nothing with the setting as it is (same version).
      setOutcome(saved.version === sent.version ? "unchanged" : "saved");
      form.reset(valuesOf(saved));
    },
  });
  const fields: TConflictField<TValues>[] = [
    {
      path: "dayCounting",
      label: t("deadlines.settingsLegend"),
      render: (v) => (ZDayCounting.safeParse(v).success ? t(modeKey(v as TDayCounting)) : String(v ?? "")),
    },
  ];
  return (
    <>
      <ConflictPanel
        form={form}
        fields={fields}
        valuesFrom={(current) => valuesOf(current as unknown as TSettings)}
      />
      <RecordForm form={form} className="dl-setting-form" aria-labelledby={`${id}-current`}>
        <p className="dl-setting-current" id={`${id}-current`}>
          {t("deadlines.settingsCurrent", { mode: t(modeKey(settings.dayCounting)) })}{" "}
          <span className="dl-setting-version">
            {t("deadlines.settingsVersion", { version: settings.version })}
          </span>
        </p>
        <CountingChoice control={form.control} />
        <FormActions submitLabel={t("deadlines.settingsSave")} />
        {outcome && !form.pending ? (
          <p className={outcome === "saved" ? "form-success" : "dl-setting-status"} role="status">
            {t(outcome === "saved" ? "deadlines.settingsSaved" : "deadlines.settingsUnchanged")}
          </p>
        ) : null}
      </RecordForm>
    </>
  );
};
