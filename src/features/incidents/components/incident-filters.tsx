import { useQuery } from "@tanstack/react-query";
import { FilterBar, FilterSelect, FiscalYearSelect } from "@/components/filter-bar";
import { useI18n } from "@/i18n/i18n";
import { useReferenceNames } from "@/lib/use-reference-names";
import { ZIncidentCategory, ZIncidentStatus } from "@/shared/schemas/incident";
import { type FILTER_KEYS, incidentQueries, type TIncidentFilters } from "../api/queries";

type TProps = {
  filters: TIncidentFilters;
  onChange: (key: (typeof FILTER_KEYS)[number], value: string) => void;
  onClear: () => void;
};

export const IncidentFilters = ({ filters, onChange, onClear }: TProps) => {
  const { t, tx } = useI18n();
  const names = useReferenceNames("vendors");
  const cases = useQuery(incidentQueries.cases());
  // Years come from the unfiltered list, so choosing one filter never hides the other choices.
  const all = useQuery(incidentQueries.list({}));
  // The query type takes any input (the API coerces it); parseFilters only ever sets a number.
  const year = typeof filters.fiscalYear === "number" ? filters.fiscalYear : undefined;
  return (
    <FilterBar
      label={t("incidents.filtersLabel")}
      className="incident-filters"
      active={Object.keys(filters).length > 0}
      onClear={onClear}
    >
      <FilterSelect
        label={t("incidents.filterCase")}
        value={filters.caseId ?? ""}
        options={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: tx(c.title) }))}
        onChange={(value) => onChange("caseId", value)}
      />
      <FilterSelect
        label={t("incidents.filterVendor")}
        value={filters.vendorId ?? ""}
        options={names.vendors.map((v) => ({ value: v.id, label: names.vendor(v.id) }))}
        onChange={(value) => onChange("vendor", value)}
      />
      <FilterSelect
        label={t("incidents.filterCategory")}
        value={filters.category ?? ""}
        options={ZIncidentCategory.options.map((c) => ({
          value: c,
          label: t(`domain.category.${c}`),
        }))}
        onChange={(value) => onChange("category", value)}
      />
      <FiscalYearSelect
        label={t("incidents.filterFiscalYear")}
        items={all.data?.items ?? []}
        value={year}
        onChange={(value) => onChange("year", value)}
      />
      <FilterSelect
        label={t("incidents.filterStatus")}
        value={filters.status ?? ""}
        options={ZIncidentStatus.options.map((s) => ({
          value: s,
          label: t(`domain.incidentStatus.${s}`),
        }))}
        onChange={(value) => onChange("status", value)}
      />
    </FilterBar>
  );
};
