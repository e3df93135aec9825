import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { FieldGroup } from "./field-shell";
import { useField } from "./form-context";
import { MultiSelectField, SelectField, type TOption } from "./select-field";

/** The documents as choices: "資料4 — 協会からのお知らせ (2025年8月)". */
export const useDocumentOptions = (): TOption[] => {
  const { tx, f } = useI18n();
  const docs = useQuery(referenceQueries.documents());
  return (docs.data?.items ?? []).map((d) => ({
    value: d.id,
    label: `${tx(d.label)} — ${tx(d.title)}${d.date ? ` (${f.date(d.date)})` : ""}`,
  }));
};

type TProps = {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
};

/** Where a fact comes from: the document that states it and, optionally, the documents it relies on. */
export const SourceRefField = ({ path, legend, hint }: TProps) => {
  const { t } = useI18n();
  const group = useField(path);
  const options = useDocumentOptions();
  const main = group.form.getValue(`${path}.documentId`);
  const cites = group.form.getValue(`${path}.cites`);
  const citeCount = Array.isArray(cites) ? cites.length : 0;
  return (
    <FieldGroup id={group.id} legend={legend} hint={hint} error={group.error} className="source-ref-field">
      <SelectField
        path={`${path}.documentId`}
        label={t("editing.sourceDocument")}
        required
        options={options}
      />
      <details className="field-details" open={citeCount > 0 ? true : undefined}>
        <summary>
          {t("editing.sourceCites")}
          {citeCount > 0 ? ` (${citeCount})` : ""}
        </summary>
        <MultiSelectField
          path={`${path}.cites`}
          legend={t("editing.sourceCitesLegend")}
          hint={t("editing.sourceCitesHint")}
          options={options}
          exclude={typeof main === "string" ? [main] : []}
        />
      </details>
    </FieldGroup>
  );
};
