import { useId } from "react";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { ZDocumentKind } from "@/shared/schemas/document";
import type { TDocumentFilters } from "../api/queries";

/** URL query keys of the list's filters (the same words as the API's). */
export const FILTER_KEYS = ["kind", "outsideRecord"] as const;
export type TFilterKey = (typeof FILTER_KEYS)[number];

/** Reads the filters from the address; a value the API would reject is ignored, so the link still opens. */
export const parseFilters = (params: URLSearchParams): TDocumentFilters => {
  const filters: TDocumentFilters = {};
  const kind = ZDocumentKind.safeParse(params.get("kind"));
  if (kind.success) filters.kind = kind.data;
  const outside = params.get("outsideRecord");
  if (outside === "true" || outside === "false") filters.outsideRecord = outside;
  return filters;
};

type TProps = {
  filters: TDocumentFilters;
  onChange: (key: TFilterKey, value: string) => void;
  onClear: () => void;
};

export const DocumentFilters = ({ filters, onChange, onClear }: TProps) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <form
      className="document-filters no-print"
      aria-label={t("documents.filtersLabel")}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="document-filter">
        <label htmlFor={`${id}-kind`}>{t("documents.filterKind")}</label>
        <select
          id={`${id}-kind`}
          value={filters.kind ?? ""}
          onChange={(e) => onChange("kind", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          {ZDocumentKind.options.map((k) => (
            <option key={k} value={k}>
              {t(`domain.documentKind.${k}` as TMessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="document-filter">
        <label htmlFor={`${id}-record`}>{t("documents.filterRecord")}</label>
        <select
          id={`${id}-record`}
          value={filters.outsideRecord ?? ""}
          onChange={(e) => onChange("outsideRecord", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          <option value="false">{t("documents.recordInside")}</option>
          <option value="true">{t("documents.recordOutside")}</option>
        </select>
      </div>
      {Object.keys(filters).length > 0 ? (
        <button type="button" className="button button-secondary" onClick={onClear}>
          {t("common.clearFilters")}
        </button>
      ) : null}
    </form>
  );
};
