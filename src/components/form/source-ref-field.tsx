import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { type Control, type FieldPathByValue, type FieldValues, useController } from "react-hook-form";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { FieldGroup } from "./field-shell";
import { useFieldError } from "./form-kit-context";
import { MultiSelectInput, SelectInput, type TOption } from "./select-field";

export type TSourceValue = { documentId: string; cites: string[] };

/** The documents as choices: "資料4 — 協会からのお知らせ (2025年8月)". */
export const useDocumentOptions = (): TOption[] => {
  const { tx, f } = useI18n();
  const docs = useQuery(referenceQueries.documents());
  return (docs.data?.items ?? []).map((d) => ({
    value: d.id,
    label: `${tx(d.label)} — ${tx(d.title)}${d.date ? ` (${f.date(d.date)})` : ""}`,
  }));
};

type TDisplay = {
  legend: ReactNode;
  hint?: ReactNode;
};

const asSource = (value: unknown): TSourceValue => {
  const v = (value ?? {}) as Partial<TSourceValue>;
  return {
    documentId: typeof v.documentId === "string" ? v.documentId : "",
    cites: Array.isArray(v.cites) ? v.cites : [],
  };
};

/** The source's controls themselves, for a source held by a larger control (a figure's own source). */
export const SourceRefInput = ({
  path,
  value,
  onChange,
  legend,
  hint,
}: TDisplay & { path: string; value: unknown; onChange: (value: TSourceValue) => void }) => {
  const { t } = useI18n();
  const group = useFieldError(path);
  const options = useDocumentOptions();
  const source = asSource(value);
  return (
    <FieldGroup
      id={group.id}
      path={path}
      legend={legend}
      hint={hint}
      error={group.error}
      className="source-ref-field"
    >
      <SelectInput
        path={`${path}.documentId`}
        value={source.documentId}
        onChange={(documentId) => onChange({ ...source, documentId: documentId ?? "" })}
        label={t("editing.sourceDocument")}
        required
        options={options}
      />
      <details className="field-details" open={source.cites.length > 0 ? true : undefined}>
        <summary>
          {t("editing.sourceCites")}
          {source.cites.length > 0 ? ` (${source.cites.length})` : ""}
        </summary>
        <MultiSelectInput
          path={`${path}.cites`}
          value={source.cites}
          onChange={(cites) => onChange({ ...source, cites })}
          legend={t("editing.sourceCitesLegend")}
          hint={t("editing.sourceCitesHint")}
          options={options}
          exclude={source.documentId ? [source.documentId] : []}
        />
      </details>
    </FieldGroup>
  );
};

/** Where a fact comes from: the document that states it and, optionally, the documents it relies on. */
export const SourceRefField = <V extends FieldValues>({
  control,
  name,
  ...display
}: TDisplay & { control: Control<V>; name: FieldPathByValue<V, TSourceValue> }) => {
  const { field } = useController({ control, name });
  return <SourceRefInput path={name} value={field.value} onChange={field.onChange} {...display} />;
};
