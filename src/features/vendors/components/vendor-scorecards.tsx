import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FilterBar, FiscalYearSelect } from "@/components/filter-bar";
import { OutsideMark } from "@/components/outside-mark";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { parseFiscalYear } from "@/lib/url-params";
import { useUrlParams } from "@/lib/use-url-filters";
import { todayInTokyo } from "@/shared/dates";
import { vendorQueries } from "../api/queries";
import { AsOfField, pinnedAsOf } from "./as-of-field";
import { RegulatoryTable } from "./regulatory-record";
import { ScorecardCard } from "./scorecard-card";
import {
  actionsKnownOn,
  buildScorecardViews,
  countLast24Months,
  type TScorecardView,
} from "./scorecard-model";
import { ScorecardTable } from "./scorecard-table";
import { VendorDirectory } from "./vendor-directory";
import { NewVendorLink } from "./vendor-edit-links";
import { useVendorWords } from "./vendor-words";
import "./vendors.css";

/**
 * /vendors: a scorecard per vendor and 年度, every vendor with whom it works for, and the vendors'
 * published regulatory record. `?fy=` picks a year, `?asOf=` the day the record is taken as it stood.
 */
export const VendorScorecards = () => {
  const { t, f } = useI18n();
  const id = useId();
  const words = useVendorWords();
  const { params, update } = useUrlParams();
  const fiscalYear = parseFiscalYear(params.get("fy"));
  // Today is fixed for the visit, so every aggregate and the 24-month window count to the same day.
  const [today] = useState(() => todayInTokyo());
  const pinned = pinnedAsOf(params);
  const asOf = pinned ?? today;
  const linkQuery = pinned ? `?asOf=${pinned}` : "";
  const query = useQuery(vendorQueries.scorecards(fiscalYear, asOf));
  const regulatory = useQuery(vendorQueries.regulatoryActions());
  // Names, kinds and populations change the cards' size: they appear once these are in.
  const vendors = useQuery(referenceQueries.vendors());
  const organisation = useQuery(referenceQueries.organisation());

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
      <FilterBar
        label={t("vendors.filtersLabel")}
        className="vendor-filters"
        active={fiscalYear !== undefined || pinned !== null}
        onClear={() => update({ fy: null, asOf: null })}
      >
        <FiscalYearSelect
          label={t("vendors.filterYear")}
          items={query.data?.incidents ?? []}
          value={fiscalYear}
          onChange={(value) => update({ fy: value })}
          allLabel={t("vendors.allYears")}
        />
        <AsOfField value={asOf} today={today} onChange={(value) => update({ asOf: value })} />
      </FilterBar>
      <p className="vendors-asof">
        {fiscalYear ? `${f.fiscalYear(fiscalYear)} ・ ` : null}
        {t("vendors.asOf", { date: f.date(asOf) })}
      </p>
      {pinned ? <p className="asof-note">{t("vendors.asOfPast", { date: f.date(pinned) })}</p> : null}
      <QueryState
        query={query}
        waitFor={[vendors, organisation]}
        minHeight="var(--vendors-scorecards-height)"
      >
        {(data) => {
          // An empty part takes only its sentence: the loading height is not kept once the answer is in.
          if (data.rows.length === 0) return <p className="vendors-empty">{t("vendors.scorecardsEmpty")}</p>;
          const views = buildScorecardViews(
            data.rows,
            data.incidents,
            data.affected,
            data.outside,
            data.spans,
          );
          return (
            <>
              {groupByYear(views).map(([year, rows]) => (
                <section key={year} className="scorecard-year" aria-labelledby={`${id}-y${year}`}>
                  <h2 id={`${id}-y${year}`}>{f.fiscalYear(year)}</h2>
                  <div className="scorecard-grid">
                    {rows.map((row) => (
                      <ScorecardCard
                        key={row.vendorId}
                        row={row}
                        heading="vendor"
                        words={words}
                        linkQuery={linkQuery}
                      />
                    ))}
                  </div>
                </section>
              ))}
              <ScorecardTable
                rows={views}
                showVendor
                words={words}
                csvName={fiscalYear ? `vendor-scorecards-fy${fiscalYear}` : "vendor-scorecards"}
              />
              <p className="vendors-footnote">{t("vendors.tableFootnote")}</p>
            </>
          );
        }}
      </QueryState>
      <section className="vendor-section" aria-labelledby={`${id}-dir`}>
        <h2 id={`${id}-dir`}>{t("vendors.directoryTitle")}</h2>
        <p className="regulatory-lead">{t("vendors.directoryLead")}</p>
        <QueryState query={vendors} waitFor={[organisation]} minHeight="8rem">
          {(data) =>
            data.items.length === 0 ? (
              <p className="vendors-empty">{t("vendors.directoryEmpty")}</p>
            ) : (
              <VendorDirectory words={words} linkQuery={linkQuery} />
            )
          }
        </QueryState>
      </section>
      <section className="regulatory-section" aria-labelledby={`${id}-reg`}>
        <h2 id={`${id}-reg`}>
          {t("vendors.regulatoryTitle")} <OutsideMark />
        </h2>
        <p className="regulatory-lead">{t("vendors.regulatoryLead")}</p>
        <QueryState query={regulatory} waitFor={[vendors]} minHeight="var(--vendors-regulatory-height)">
          {(data) => {
            const actions = actionsKnownOn(data.items, asOf);
            if (actions.length === 0) return <p className="vendors-empty">{t("vendors.regulatoryEmpty")}</p>;
            return (
              <>
                <p className="regulatory-counts">
                  <span className="regulatory-counts-label">
                    {t("vendors.regulatoryCounts", { date: f.date(asOf) })}
                  </span>
                  {words.vendors.map((v) => (
                    <span key={v.id} className="regulatory-count">
                      {t("vendors.regulatoryVendorCount", {
                        vendor: words.vendor(v.id),
                        n: f.number(countLast24Months(actions, v.id, asOf)),
                      })}
                    </span>
                  ))}
                </p>
                <RegulatoryTable actions={actions} asOf={asOf} />
              </>
            );
          }}
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
