import { usePrefetchQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { BackLink } from "@/components/back-link";
import { DataTable, type TColumn } from "@/components/data-table";
import { SavedNotice } from "@/components/editor-link";
import { NumberValue } from "@/components/figure-value";
import { NotFoundSection } from "@/components/not-found-section";
import { OutsideMark } from "@/components/outside-mark";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { RecordHistory } from "@/components/record-history";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import { todayInTokyo } from "@/shared/dates";
import type { TIncidentSummary } from "@/shared/schemas/incident";
import type { TVendorDetail } from "@/shared/schemas/vendor";
import { vendorQueries } from "../api/queries";
import { RegulatoryTimeline } from "./regulatory-record";
import { ScorecardCard } from "./scorecard-card";
import { buildScorecardViews, countLast24Months } from "./scorecard-model";
import { ScorecardTable } from "./scorecard-table";
import { EditServiceLink, VendorEditLinks } from "./vendor-edit-links";
import "./vendors.css";

/** /vendors/:vendorId — one vendor: what it serves, its incidents, its scorecards and its published record. */
export const VendorDetail = ({ vendorId }: { vendorId: string }) => {
  const { t } = useI18n();
  const query = useQuery(vendorQueries.detail(vendorId));
  // Fixed for the visit, so the scorecards and the 24-month window count to the same day.
  const [asOf] = useState(() => todayInTokyo());
  // The services are listed by name: the page appears once the names are in (or have failed), so that a
  // name replacing its id never rewraps the list above the scorecards.
  const services = useQuery(referenceQueries.services());
  // The sections' data is asked for now, in parallel with the vendor, not once the page has rendered.
  usePrefetchQuery(vendorQueries.scorecards(undefined, asOf));
  usePrefetchQuery(vendorQueries.incidents(vendorId));
  if (isNotFound(query.error)) {
    return (
      <NotFoundSection
        title={t("vendors.notFoundTitle")}
        body={t("vendors.notFoundBody", { id: vendorId })}
        backTo="/vendors"
        backLabel={t("vendors.backToList")}
      />
    );
  }
  return (
    <QueryState query={query} waitFor={[services]} minHeight="30rem">
      {(vendor) => <VendorPage vendor={vendor} asOf={asOf} />}
    </QueryState>
  );
};

const VendorPage = ({ vendor, asOf }: { vendor: TVendorDetail; asOf: string }) => {
  const { t, tx, f } = useI18n();
  const id = useId();
  const names = useReferenceNames("vendors", "services");
  const scorecards = useQuery(vendorQueries.scorecards(undefined, asOf));
  const incidents = useQuery(vendorQueries.incidents(vendor.id));
  const role = t(`domain.role.${vendor.role}` as TMessageKey);
  return (
    <article className="vendor-page">
      <BackLink to="/vendors" label={t("vendors.backToList")} />
      <PageHeader
        title={tx(vendor.name)}
        lead={
          <p className="page-meta vendor-meta">
            <span className="role-chip">{role}</span>
            <span>
              {t("vendors.metricRegulatory")}:{" "}
              <strong>
                {t("vendors.count", {
                  n: f.number(countLast24Months(vendor.regulatoryActions, vendor.id, asOf)),
                })}
              </strong>
              <OutsideMark />
            </span>
          </p>
        }
        actions={
          <>
            <VendorEditLinks vendorId={vendor.id} />
            <PrintButton />
          </>
        }
      />
      <SavedNotice />

      <section className="vendor-section" aria-labelledby={`${id}-services`}>
        <h2 id={`${id}-services`}>{t("vendors.servicesTitle")}</h2>
        {vendor.serviceIds.length === 0 ? (
          <p>{t("vendors.servicesNone")}</p>
        ) : (
          <ul className="service-list">
            {vendor.serviceIds.map((p) => (
              <li key={p}>
                {names.service(p)}
                <EditServiceLink serviceId={p} name={names.service(p)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="vendor-section" aria-labelledby={`${id}-years`}>
        <h2 id={`${id}-years`}>{t("vendors.yearsTitle")}</h2>
        <QueryState
          query={scorecards}
          minHeight="var(--vendor-years-height)"
          isEmpty={(d) => !d.rows.some((r) => r.vendorId === vendor.id)}
          empty={<p>{t("vendors.yearsEmpty")}</p>}
        >
          {(data) => {
            const views = buildScorecardViews(
              data.rows.filter((r) => r.vendorId === vendor.id),
              data.incidents,
              data.commitments,
              data.spans,
            );
            return (
              <>
                <p className="vendors-asof">{t("vendors.asOf", { date: f.date(data.asOf) })}</p>
                <div className="scorecard-grid">
                  {views.map((row) => (
                    <ScorecardCard key={row.fiscalYear} row={row} heading="year" />
                  ))}
                </div>
                {/* The side-by-side table is for comparing years; one year is fully shown by its card. */}
                {views.length > 1 ? (
                  <ScorecardTable
                    rows={views}
                    showVendor={false}
                    csvName={`vendor-${vendor.id}-scorecards`}
                  />
                ) : null}
              </>
            );
          }}
        </QueryState>
      </section>

      <section className="vendor-section" aria-labelledby={`${id}-incidents`}>
        <h2 id={`${id}-incidents`}>{t("vendors.incidentsTitle")}</h2>
        <QueryState
          query={incidents}
          minHeight="var(--vendor-incidents-height)"
          isEmpty={(d) => d.items.length === 0}
          empty={<p>{t("vendors.incidentsEmpty")}</p>}
        >
          {(data) => (
            <VendorIncidents
              rows={data.items}
              total={data.total}
              vendorName={tx(vendor.shortName)}
              vendorId={vendor.id}
            />
          )}
        </QueryState>
      </section>

      <section className="vendor-section" aria-labelledby={`${id}-reg`}>
        <h2 id={`${id}-reg`}>
          {t("vendors.timelineTitle")}
          <OutsideMark />
        </h2>
        <p className="regulatory-lead">{t("vendors.regulatoryLead")}</p>
        {vendor.regulatoryActions.length === 0 ? (
          <p>{t("vendors.timelineEmpty")}</p>
        ) : (
          <RegulatoryTimeline actions={vendor.regulatoryActions} asOf={asOf} />
        )}
      </section>
      <RecordHistory
        record={{ entityType: "vendor", entityId: vendor.id }}
        related={vendor.serviceIds.map((serviceId) => ({
          entityType: "service" as const,
          entityId: serviceId,
        }))}
      />
    </article>
  );
};

const VendorIncidents = ({
  rows,
  total,
  vendorName,
  vendorId,
}: {
  rows: TIncidentSummary[];
  total: number;
  vendorName: string;
  vendorId: string;
}) => {
  const { t, tx, f } = useI18n();
  const columns: TColumn<TIncidentSummary>[] = [
    {
      key: "number",
      header: t("vendors.colNumber"),
      render: (r) => t("vendors.incidentNumber", { n: r.number }),
      csv: (r) => r.number,
    },
    {
      key: "title",
      header: t("vendors.colTitle"),
      render: (r) => <Link to={`/incidents/${r.id}`}>{tx(r.title)}</Link>,
      csv: (r) => tx(r.title),
    },
    {
      key: "category",
      header: t("vendors.colCategory"),
      render: (r) => t(`domain.category.${r.category}` as TMessageKey),
      csv: (r) => t(`domain.category.${r.category}` as TMessageKey),
    },
    {
      key: "fiscalYear",
      header: t("vendors.colFiscalYear"),
      render: (r) => f.fiscalYear(r.fiscalYear),
      csv: (r) => r.fiscalYear,
    },
    {
      key: "firstDate",
      header: t("vendors.colFirstDate"),
      render: (r) => (r.firstDate ? f.date(r.firstDate) : t("common.dateUnknown")),
      csv: (r) => r.firstDate ?? "",
    },
    {
      key: "affected",
      header: t("vendors.colAffected"),
      align: "end",
      render: (r) => <NumberValue value={r.affectedTotal} unit="people" />,
      csv: (r) => r.affectedTotal ?? t("common.notReported"),
    },
    {
      key: "status",
      header: t("vendors.colStatus"),
      render: (r) => t(`domain.incidentStatus.${r.status}` as TMessageKey),
      csv: (r) => t(`domain.incidentStatus.${r.status}` as TMessageKey),
    },
  ];
  return (
    <DataTable
      caption={t("vendors.incidentsCaption", { vendor: vendorName, count: total })}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      csvName={`vendor-${vendorId}-incidents`}
    />
  );
};
