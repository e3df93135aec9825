import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { useI18n } from "@/i18n/i18n";
import { ZDocumentKind } from "@/shared/schemas/document";
import type { TDocumentFilters, TFilterKey } from "../api/queries";

type TProps = {
  filters: TDocumentFilters;
  onChange: (key: TFilterKey, value: string) => void;
  onClear: () => void;
};

export const DocumentFilters = ({ filters, onChange, onClear }: TProps) => {
  const { t } = useI18n();
  return (
    <FilterBar
      label={t("documents.filtersLabel")}
      className="document-filters"
      active={Object.keys(filters).length > 0}
      onClear={onClear}
    >
      <FilterSelect
        label={t("documents.filterKind")}
        value={filters.kind ?? ""}
        options={ZDocumentKind.options.map((k) => ({
          value: k,
          label: t(`domain.documentKind.${k}`),
        }))}
        onChange={(value) => onChange("kind", value)}
      />
      <FilterSelect
        label={t("documents.filterRecord")}
        value={filters.outsideRecord ?? ""}
        options={[
          { value: "false", label: t("documents.recordInside") },
          { value: "true", label: t("documents.recordOutside") },
        ]}
        onChange={(value) => onChange("outsideRecord", value)}
      />
    </FilterBar>
  );
};
