import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { FilterBar, FilterSelect, FiscalYearSelect } from "@/components/filter-bar";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { useUrlParams } from "@/lib/use-url-filters";
import { isIsoDate } from "@/shared/values";
import { overviewQueries, SCOPE_KEYS, type TOverviewScope } from "../api/queries";

/**
 * What the overview covers, at the top of the page: a case, or the cases of a status (open by default),
 * a vendor, a 年度 and the day the record is read as of. Each choice goes into the address at once, so
 * a link, a reload or "back" shows the same view. Left off the printed page, where ScopeSummary says it.
 */
export const ScopeBar = ({ scope, asOfFixed }: { scope: TOverviewScope; asOfFixed: boolean }) => {
  const { t, tx } = useI18n();
  const { params, update } = useUrlParams();
  const cases = useQuery(overviewQueries.cases());
  const vendors = useQuery(referenceQueries.vendors());
  const years = useQuery(overviewQueries.incidentYears());
  const closed = t("overview.caseClosedSuffix");
  return (
    <FilterBar
      label={t("overview.scopeLabel")}
      className="ov-scope"
      active={SCOPE_KEYS.some((key) => params.has(key))}
      onClear={() => update(Object.fromEntries(SCOPE_KEYS.map((key) => [key, null])))}
    >
      <FilterSelect
        label={t("overview.scopeCase")}
        value={scope.caseId ?? ""}
        allLabel={t("overview.scopeCaseAll")}
        options={(cases.data?.items ?? []).map((c) => ({
          value: c.id,
          label: c.status === "closed" ? `${tx(c.title)}${closed}` : tx(c.title),
        }))}
        onChange={(value) => update({ case: value || null })}
      />
      {/* A chosen case is shown whatever its status: the status only narrows "every case". */}
      {scope.caseId === undefined ? (
        <FilterSelect
          label={t("overview.scopeStatus")}
          value={scope.caseStatus === "open" ? "" : scope.caseStatus}
          allLabel={t("overview.scopeStatusOpen")}
          options={[
            { value: "closed", label: t("overview.scopeStatusClosed") },
            { value: "all", label: t("overview.scopeStatusAll") },
          ]}
          onChange={(value) => update({ status: value || null })}
        />
      ) : null}
      <FilterSelect
        label={t("overview.scopeVendor")}
        value={scope.vendorId ?? ""}
        allLabel={t("overview.scopeVendorAll")}
        options={(vendors.data?.items ?? []).map((v) => ({ value: v.id, label: tx(v.shortName) }))}
        onChange={(value) => update({ vendor: value || null })}
      />
      <FiscalYearSelect
        label={t("overview.scopeYear")}
        allLabel={t("overview.scopeYearAll")}
        items={years.data ?? []}
        value={scope.fiscalYear}
        onChange={(value) => update({ year: value || null })}
      />
      <AsOfField value={asOfFixed ? scope.asOf : ""} onChange={(value) => update({ asOf: value || null })} />
    </FilterBar>
  );
};

/** The day the record is read as of; empty is today (and leaves the address without a fixed day). */
const AsOfField = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="filter-field ov-scope-asof">
      <label htmlFor={id}>{t("overview.scopeAsOf")}</label>
      <input
        id={id}
        type="date"
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const next = e.target.value;
          // A date picker only hands over whole dates or nothing; anything else is left as it was.
          if (next === "" || isIsoDate(next)) onChange(next);
        }}
      />
      <span id={`${id}-hint`} className="ov-scope-hint">
        {t("overview.scopeAsOfHint")}
      </span>
    </div>
  );
};

/** The scope in words, for paper (the bar above is not printed) and for whoever reads the pack later. */
export const ScopeSummary = ({ scope }: { scope: TOverviewScope }) => {
  const { t, tx, f } = useI18n();
  const cases = useQuery(overviewQueries.cases());
  const vendors = useQuery(referenceQueries.vendors());
  const caseTitle = cases.data?.items.find((c) => c.id === scope.caseId)?.title;
  const vendor = vendors.data?.items.find((v) => v.id === scope.vendorId)?.shortName;
  const status = {
    open: t("overview.scopeStatusOpen"),
    closed: t("overview.scopeStatusClosed"),
    all: t("overview.scopeStatusAll"),
  }[scope.caseStatus];
  const parts = [
    scope.caseId ? (caseTitle ? tx(caseTitle) : scope.caseId) : status,
    scope.vendorId ? (vendor ? tx(vendor) : scope.vendorId) : t("overview.scopeVendorAll"),
    scope.fiscalYear !== undefined ? f.fiscalYear(scope.fiscalYear) : t("overview.scopeYearAll"),
  ];
  return (
    <p className="ov-scope-summary print-only">
      {t("overview.scopePrint", { scope: parts.join(t("overview.listSeparator")) })}
    </p>
  );
};
