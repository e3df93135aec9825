import { type ReactNode, useId } from "react";
import { useI18n } from "@/i18n/i18n";

/** "条件をクリア": shown only while a filter is set (in the bar, and in a filtered list's empty state). */
export const ClearFiltersButton = ({ onClear }: { onClear: () => void }) => {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-secondary" onClick={onClear}>
      {t("common.clearFilters")}
    </button>
  );
};

/**
 * The filters above a list, left off the printed page. Each control applies at once (the values live in
 * the address), so the form never submits; the clear button appears while a filter is set.
 */
export const FilterBar = ({
  label,
  className,
  active = false,
  onClear,
  children,
}: {
  label: string;
  /** The feature's own class, for its layout tweaks. */
  className: string;
  active?: boolean;
  onClear?: () => void;
  children: ReactNode;
}) => (
  <form
    className={`filter-bar ${className} no-print`}
    aria-label={label}
    onSubmit={(e) => e.preventDefault()}
  >
    {children}
    {active && onClear ? <ClearFiltersButton onClear={onClear} /> : null}
  </form>
);

export type TFilterOption = { value: string; label: string };

/**
 * One labelled select whose first choice is "all" (no filter). A value from the address that the options
 * do not (yet) name is still offered, so the control shows what the list is filtered by.
 */
export const FilterSelect = ({
  label,
  value,
  options,
  onChange,
  allLabel,
}: {
  label: string;
  value: string;
  options: readonly TFilterOption[];
  onChange: (value: string) => void;
  allLabel?: string;
}) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel ?? t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {value && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
      </select>
    </div>
  );
};

/** Years that have an item (an incident), newest first, plus the chosen one so the select always shows it. */
export const fiscalYearOptions = (items: readonly { fiscalYear: number }[], selected: number | undefined) =>
  [...new Set([...items.map((i) => i.fiscalYear), ...(selected ? [selected] : [])])].sort((a, b) => b - a);

/** A 年度 filter offering the years that have an item (an incident). */
export const FiscalYearSelect = ({
  label,
  items,
  value,
  onChange,
  allLabel,
}: {
  label: string;
  items: readonly { fiscalYear: number }[];
  value: number | undefined;
  onChange: (value: string) => void;
  allLabel?: string;
}) => {
  const { f } = useI18n();
  return (
    <FilterSelect
      label={label}
      value={value ? String(value) : ""}
      options={fiscalYearOptions(items, value).map((y) => ({ value: String(y), label: f.fiscalYear(y) }))}
      onChange={onChange}
      allLabel={allLabel}
    />
  );
};
