import { useId } from "react";
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
  const active = Object.keys(filters).length > 0;
  // A value from the address that the lists do not (yet) name is still offered, so the control shows it.
  const extra = (value: string | undefined, known: { id: string }[]) =>
    value && !known.some((k) => k.id === value) ? <option value={value}>{value}</option> : null;
  return (
    <form
      className="commitment-filters no-print"
      aria-label={t("commitments.filtersLabel")}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="commitment-filter">
        <label htmlFor={`${id}-vendor`}>{t("commitments.filterVendor")}</label>
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
          {extra(filters.vendorId, names.vendors)}
        </select>
      </div>
      <div className="commitment-filter">
        <label htmlFor={`${id}-incident`}>{t("commitments.filterIncident")}</label>
        <select
          id={`${id}-incident`}
          value={filters.incidentId ?? ""}
          onChange={(e) => onChange("incident", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          {names.incidents.map((i) => (
            <option key={i.id} value={i.id}>
              {names.incident(i.id)}
            </option>
          ))}
          {extra(filters.incidentId, names.incidents)}
        </select>
      </div>
      <div className="commitment-filter">
        <label htmlFor={`${id}-kind`}>{t("commitments.filterKind")}</label>
        <select
          id={`${id}-kind`}
          value={filters.kind ?? ""}
          onChange={(e) => onChange("kind", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          {ZCommitmentKind.options.map((k) => (
            <option key={k} value={k}>
              {t(`domain.commitmentKind.${k}` as TMessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="commitment-filter">
        <label htmlFor={`${id}-status`}>{t("commitments.filterStatus")}</label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ""}
          onChange={(e) => onChange("status", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          {ZCommitmentStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`domain.commitmentStatus.${s}` as TMessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="commitment-filter">
        <label htmlFor={`${id}-overdue`}>{t("commitments.filterOverdue")}</label>
        <select
          id={`${id}-overdue`}
          value={filters.overdue ?? ""}
          onChange={(e) => onChange("overdue", e.target.value)}
        >
          <option value="">{t("common.all")}</option>
          <option value="true">{t("commitments.overdueOnly")}</option>
          <option value="false">{t("commitments.notOverdueOnly")}</option>
        </select>
      </div>
      <div className="commitment-filter">
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
      {active ? (
        <button type="button" className="button button-secondary" onClick={onClear}>
          {t("common.clearFilters")}
        </button>
      ) : null}
    </form>
  );
};
