import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { ZFiscalYear, ZId } from "@/shared/schemas/common";
import { ZIncidentCategory, ZIncidentStatus } from "@/shared/schemas/incident";
import { incidentQueries, type TIncidentFilters } from "../api/queries";
import { useNames } from "./use-names";

/** URL query keys of the list's filters: short words a person can read and type in a link. */
export const FILTER_KEYS = ["vendor", "category", "year", "status"] as const;

/**
 * Reads the filters from the address. A value that the API would reject (an unknown category, a
 * mistyped year) is ignored rather than turned into an error page: the link still opens the list.
 */
export const parseFilters = (params: URLSearchParams): TIncidentFilters => {
  const filters: TIncidentFilters = {};
  const vendor = ZId.safeParse(params.get("vendor"));
  if (vendor.success) filters.vendorId = vendor.data;
  const category = ZIncidentCategory.safeParse(params.get("category"));
  if (category.success) filters.category = category.data;
  const status = ZIncidentStatus.safeParse(params.get("status"));
  if (status.success) filters.status = status.data;
  const rawYear = params.get("year");
  const year = ZFiscalYear.safeParse(rawYear && /^\d{4}$/.test(rawYear) ? Number(rawYear) : null);
  if (year.success) filters.fiscalYear = year.data;
  return filters;
};

type TProps = {
  filters: TIncidentFilters;
  onChange: (key: (typeof FILTER_KEYS)[number], value: string) => void;
  onClear: () => void;
};

export const IncidentFilters = ({ filters, onChange, onClear }: TProps) => {
  const { t, f } = useI18n();
  const names = useNames();
  const id = useId();
  // Years come from the unfiltered list, so choosing one filter never hides the other choices.
  const all = useQuery(incidentQueries.list({}));
  const years = [...new Set([...(all.data?.items ?? []).map((i) => i.fiscalYear), filters.fiscalYear])]
    .filter((y): y is number => y !== undefined)
    .sort((a, b) => b - a);
  const active = Object.keys(filters).length > 0;
  return (
    <form className="incident-filters no-print" aria-label={t("incidents.filtersLabel")}>
      <div className="incident-filter">
        <label htmlFor={`${id}-vendor`}>{t("incidents.filterVendor")}</label>
        <select
          id={`${id}-vendor`}
          value={filters.vendorId ?? ""}
          onChange={(e) => onChange("vendor", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          {names.vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {names.vendor(v.id)}
            </option>
          ))}
          {filters.vendorId && !names.vendors.some((v) => v.id === filters.vendorId) ? (
            <option value={filters.vendorId}>{filters.vendorId}</option>
          ) : null}
        </select>
      </div>
      <div className="incident-filter">
        <label htmlFor={`${id}-category`}>{t("incidents.filterCategory")}</label>
        <select
          id={`${id}-category`}
          value={filters.category ?? ""}
          onChange={(e) => onChange("category", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          {ZIncidentCategory.options.map((c) => (
            <option key={c} value={c}>
              {t(`domain.category.${c}` as TMessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="incident-filter">
        <label htmlFor={`${id}-year`}>{t("incidents.filterFiscalYear")}</label>
        <select
          id={`${id}-year`}
          value={filters.fiscalYear ? String(filters.fiscalYear) : ""}
          onChange={(e) => onChange("year", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {f.fiscalYear(y)}
            </option>
          ))}
        </select>
      </div>
      <div className="incident-filter">
        <label htmlFor={`${id}-status`}>{t("incidents.filterStatus")}</label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ""}
          onChange={(e) => onChange("status", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          {ZIncidentStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`domain.incidentStatus.${s}` as TMessageKey)}
            </option>
          ))}
        </select>
      </div>
      {active ? (
        <button type="button" className="button button-secondary" onClick={onClear}>
          {t("common.clearFilters")}
        </button>
      ) : null}
    </form>
  );
};
