import { useId } from "react";
import { useI18n } from "@/i18n/i18n";
import { parseAsOf } from "@/lib/url-params";

/** The day `?asOf=` fixes, when the address names a valid one; null means today. */
export const pinnedAsOf = (params: URLSearchParams): string | null => {
  const raw = params.get("asOf");
  return raw !== null && parseAsOf(params) === raw ? raw : null;
};

/**
 * The day the record is taken as it stood. Choosing today (or clearing the field) removes the date from
 * the address, so a plain link always shows the latest record.
 */
export const AsOfField = ({
  value,
  today,
  onChange,
}: {
  value: string;
  today: string;
  onChange: (value: string | null) => void;
}) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{t("vendors.filterAsOf")}</label>
      <input
        id={id}
        type="date"
        value={value}
        max={today}
        onChange={(e) => {
          const next = e.target.value;
          onChange(/^\d{4}-\d{2}-\d{2}$/.test(next) && next < today ? next : null);
        }}
      />
    </div>
  );
};
