import { useId } from "react";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { useI18n } from "@/i18n/i18n";
import { ZCommitmentKind, ZCommitmentStatus } from "@/shared/schemas/commitment";
import type { TCommitmentFilters, TFilterKey } from "../api/queries";
import type { TCommitmentNames } from "./use-commitment-names";

type TProps = {
  filters: TCommitmentFilters;
  names: TCommitmentNames;
  onChange: (key: TFilterKey, value: string) => void;
  onClear: () => void;
};

export const CommitmentFilters = ({ filters, names, onChange, onClear }: TProps) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <FilterBar
      label={t("commitments.filtersLabel")}
      className="commitment-filters"
      active={Object.keys(filters).length > 0}
      onClear={onClear}
    >
      <FilterSelect
        label={t("commitments.filterVendor")}
        value={filters.vendorId ?? ""}
        options={names.vendors.map((v) => ({ value: v.id, label: names.vendor(v.id) }))}
        onChange={(value) => onChange("vendor", value)}
      />
      <FilterSelect
        label={t("commitments.filterIncident")}
        value={filters.incidentId ?? ""}
        options={names.incidents.map((i) => ({ value: i.id, label: names.incident(i.id) }))}
        onChange={(value) => onChange("incident", value)}
      />
      <FilterSelect
        label={t("commitments.filterKind")}
        value={filters.kind ?? ""}
        options={ZCommitmentKind.options.map((k) => ({
          value: k,
          label: t(`domain.commitmentKind.${k}`),
        }))}
        onChange={(value) => onChange("kind", value)}
      />
      <FilterSelect
        label={t("commitments.filterStatus")}
        value={filters.status ?? ""}
        options={ZCommitmentStatus.options.map((s) => ({
          value: s,
          label: t(`domain.commitmentStatus.${s}`),
        }))}
        onChange={(value) => onChange("status", value)}
      />
      <FilterSelect
        label={t("commitments.filterOverdue")}
        value={filters.overdue ?? ""}
        options={[
          { value: "true", label: t("commitments.overdueOnly") },
          { value: "false", label: t("commitments.notOverdueOnly") },
        ]}
        onChange={(value) => onChange("overdue", value)}
      />
      <div className="filter-field">
        <label htmlFor={`${id}-due`}>{t("commitments.filterDueBefore")}</label>
        <input
          id={`${id}-due`}
          type="date"
          value={filters.dueBefore ?? ""}
          aria-describedby={`${id}-due-hint`}
          onChange={(e) => onChange("dueBefore", e.target.value)}
        />
        <span id={`${id}-due-hint`} className="commitment-filter-hint">
          {t("commitments.filterDueBeforeHint")}
        </span>
      </div>
    </FilterBar>
  );
};
