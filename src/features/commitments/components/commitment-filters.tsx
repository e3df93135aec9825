import { useId } from "react";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { todayInTokyo } from "@/shared/dates";
import { ZCommitmentKind, ZCommitmentStatus } from "@/shared/schemas/commitment";
import { ZId, ZIsoDate } from "@/shared/schemas/common";
import type { TCommitmentFilters } from "../api/queries";
import type { TCommitmentNames } from "./use-commitment-names";

/** URL query keys of the tracker's filters: short words a person can read and type in a link. */
export const FILTER_KEYS = ["vendor", "incident", "kind", "status", "dueBefore", "overdue"] as const;
export type TFilterKey = (typeof FILTER_KEYS)[number];

/**
 * Reads the filters from the address. A value the API would reject (an unknown status, a mistyped date)
 * is ignored rather than turned into an error page: the link still opens the tracker.
 */
export const parseFilters = (params: URLSearchParams): TCommitmentFilters => {
  const filters: TCommitmentFilters = {};
  const vendor = ZId.safeParse(params.get("vendor"));
  if (vendor.success) filters.vendorId = vendor.data;
  const incident = ZId.safeParse(params.get("incident"));
  if (incident.success) filters.incidentId = incident.data;
  const kind = ZCommitmentKind.safeParse(params.get("kind"));
  if (kind.success) filters.kind = kind.data;
  const status = ZCommitmentStatus.safeParse(params.get("status"));
  if (status.success) filters.status = status.data;
  const dueBefore = ZIsoDate.safeParse(params.get("dueBefore"));
  if (dueBefore.success) filters.dueBefore = dueBefore.data;
  const overdue = params.get("overdue");
  if (overdue === "true" || overdue === "false") filters.overdue = overdue;
  return filters;
};

/** The reference date for "overdue": `?asOf=` when a link fixes it (a meeting's date), else today in Tokyo. */
export const parseAsOf = (params: URLSearchParams) => {
  const asOf = ZIsoDate.safeParse(params.get("asOf"));
  return asOf.success ? asOf.data : todayInTokyo();
};

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
          label: t(`domain.commitmentKind.${k}` as TMessageKey),
        }))}
        onChange={(value) => onChange("kind", value)}
      />
      <FilterSelect
        label={t("commitments.filterStatus")}
        value={filters.status ?? ""}
        options={ZCommitmentStatus.options.map((s) => ({
          value: s,
          label: t(`domain.commitmentStatus.${s}` as TMessageKey),
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
