import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FilterBar, FiscalYearSelect } from "@/components/filter-bar";
import { OutsideMark } from "@/components/outside-mark";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { parseFiscalYear } from "@/lib/url-params";
import { useReferenceNames } from "@/lib/use-reference-names";
import { useUrlParams } from "@/lib/use-url-filters";
import { todayInTokyo } from "@/shared/dates";
import { vendorQueries } from "../api/queries";
import { RegulatoryTable } from "./regulatory-record";
import { ScorecardCard } from "./scorecard-card";
import { buildScorecardViews, countLast24Months, type TScorecardView } from "./scorecard-model";
import { ScorecardTable } from "./scorecard-table";
import { NewVendorLink } from "./vendor-edit-links";
import "./vendors.css";

/** /vendors: a scorecard per vendor and 年度, and the vendors' published regulatory record. */
export const VendorScorecards = () => {
  const { t, f } = useI18n();
  const id = useId();
  const names = useReferenceNames("vendors", "services");
  const { params, update } = useUrlParams();
  const fiscalYear = parseFiscalYear(params.get("fy"));
  // Fixed for the visit, so both aggregates and the 24-month window count to the same day.
  const [asOf] = useState(() => todayInTokyo());
  const query = useQuery(vendorQueries.scorecards(fiscalYear, asOf));
  const regulatory = useQuery(vendorQueries.regulatoryActions());
  // The counts line names every vendor: it waits for their list (shared cache), or it would grow later.
  const vendors = useQuery(referenceQueries.vendors());

  return (
    <div className="vendors-page">
      <PageHeader
        title={t("vendors.scorecardsTitle")}
        lead={t("vendors.scorecardsLead")}
        actions={
          <>
            <NewVendorLink />
            <PrintButton />
          </>
        }
      />
      <FilterBar label={t("vendors.filtersLabel")} className="vendor-filters">
        <FiscalYearSelect
          label={t("vendors.filterYear")}
          items={query.data?.incidents ?? []}
          value={fiscalYear}
          onChange={(value) => update({ fy: value })}
          allLabel={t("vendors.allYears")}
        />
      </FilterBar>
      <QueryState
        query={query}
        minHeight="var(--vendors-scorecards-height)"
        isEmpty={(d) => d.rows.length === 0}
        empty={<p>{t("vendors.scorecardsEmpty")}</p>}
      >
        {(data) => {
          const views = buildScorecardViews(data.rows, data.incidents, data.commitments, data.spans);
          return (
            <>
              <p className="vendors-asof">
                {fiscalYear ? `${f.fiscalYear(fiscalYear)} ・ ` : null}
                {t("vendors.asOf", { date: f.date(data.asOf) })}
              </p>
              {groupByYear(views).map(([year, rows]) => (
                <section key={year} className="scorecard-year" aria-labelledby={`${id}-y${year}`}>
                  <h2 id={`${id}-y${year}`}>{f.fiscalYear(year)}</h2>
                  <div className="scorecard-grid">
                    {rows.map((row) => (
                      <ScorecardCard key={row.vendorId} row={row} heading="vendor" />
                    ))}
                  </div>
                </section>
              ))}
              <ScorecardTable
                rows={views}
                showVendor
                csvName={fiscalYear ? `vendor-scorecards-fy${fiscalYear}` : "vendor-scorecards"}
              />
              <p className="vendors-footnote">{t("vendors.tableFootnote")}</p>
            </>
          );
        }}
      </QueryState>
      <section className="regulatory-section" aria-labelledby={`${id}-reg`}>
        <h2 id={`${id}-reg`}>
          {t("vendors.regulatoryTitle")}
          <OutsideMark />
        </h2>
        <p className="regulatory-lead">{t("vendors.regulatoryLead")}</p>
        <QueryState
          query={regulatory}
          waitFor={[vendors]}
          minHeight="var(--vendors-regulatory-height)"
          isEmpty={(d) => d.items.length === 0}
          empty={<p>{t("vendors.regulatoryEmpty")}</p>}
        >
          {(data) => (
            <>
              <p className="regulatory-counts">
                <span className="regulatory-counts-label">
                  {t("vendors.regulatoryCounts", { date: f.date(asOf) })}
                </span>
                {names.vendors.map((v) => (
                  <span key={v.id} className="regulatory-count">
                    {t("vendors.regulatoryVendorCount", {
                      vendor: names.vendor(v.id),
                      n: f.number(countLast24Months(data.items, v.id, asOf)),
                    })}
                  </span>
                ))}
              </p>
              <RegulatoryTable actions={data.items} asOf={asOf} />
            </>
          )}
        </QueryState>
      </section>
    </div>
  );
};

/** Newest year first; within a year the server's vendor order. */
const groupByYear = (rows: TScorecardView[]) => {
  const groups = new Map<number, TScorecardView[]>();
  for (const row of rows) groups.set(row.fiscalYear, [...(groups.get(row.fiscalYear) ?? []), row]);
  return [...groups.entries()].sort((a, b) => b[0] - a[0]);
};
