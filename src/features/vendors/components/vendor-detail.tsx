import { usePrefetchQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { DataTable, type TColumn } from "@/components/data-table";
import { SavedNotice } from "@/components/editor-link";
import { NotFoundSection } from "@/components/not-found-section";
import { OutsideMark } from "@/components/outside-mark";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { RecordHistory } from "@/components/record-history";
import { useI18n } from "@/i18n/i18n";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { todayInTokyo } from "@/shared/dates";
import type { TIncidentSummary } from "@/shared/schemas/incident";
import type { TService } from "@/shared/schemas/service";
import type { TVendor, TVendorDetail } from "@/shared/schemas/vendor";
import { vendorQueries } from "../api/queries";
import { pinnedAsOf } from "./as-of-field";
import { incidentPlace, routesTo, subcontractorsOf } from "./chain-model";
import { ImpactTotalsList, OutsideFigures, useImpactText } from "./impact-figures";
import { RegulatoryTimeline } from "./regulatory-record";
import { ScorecardCard } from "./scorecard-card";
import { actionsKnownOn, buildScorecardViews, countLast24Months } from "./scorecard-model";
import { ScorecardTable } from "./scorecard-table";
import { EditServiceLink, VendorEditLinks } from "./vendor-edit-links";
import { INSURER_KIND, type TVendorWords, useVendorWords } from "./vendor-words";
import "./vendors.css";

/**
 * /vendors/:vendorId — one vendor: whom it works for and who works for it, what it serves, its
 * incidents (those at its subcontractors included), its scorecards and its published record. `?asOf=`
 * takes the record as it stood that day, as on the list.
 */
export const VendorDetail = ({ vendorId }: { vendorId: string }) => {
  const { t } = useI18n();
  const [params] = useSearchParams();
  // Fixed for the visit, so the scorecards and the 24-month window count to the same day.
  const [today] = useState(() => todayInTokyo());
  const pinned = pinnedAsOf(params);
  const asOf = pinned ?? today;
  const query = useQuery(vendorQueries.detail(vendorId));
  // Names, kinds and the services are shown in the first screen: the page appears once they are in (or
  // have failed), so that a name replacing its id never rewraps what is above the scorecards.
  const services = useQuery(referenceQueries.services());
  const vendors = useQuery(referenceQueries.vendors());
  const organisation = useQuery(referenceQueries.organisation());
  // The sections' data is asked for now, in parallel with the vendor, not once the page has rendered.
  usePrefetchQuery(vendorQueries.scorecards(undefined, asOf));
  usePrefetchQuery(vendorQueries.incidents(vendorId, asOf));
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
    <QueryState query={query} waitFor={[services, vendors, organisation]} minHeight="30rem">
      {(vendor) => (
        <VendorPage vendor={vendor} asOf={asOf} pinned={pinned} services={services.data?.items ?? []} />
      )}
    </QueryState>
  );
};

const VendorPage = ({
  vendor,
  asOf,
  pinned,
  services,
}: {
  vendor: TVendorDetail;
  asOf: string;
  pinned: string | null;
  services: readonly TService[];
}) => {
  const { t, tx, f } = useI18n();
  const id = useId();
  const words = useVendorWords();
  const scorecards = useQuery(vendorQueries.scorecards(undefined, asOf));
  const incidents = useQuery(vendorQueries.incidents(vendor.id, asOf));
  const linkQuery = pinned ? `?asOf=${pinned}` : "";
  const actions = actionsKnownOn(vendor.regulatoryActions, asOf);
  const insurer = vendor.kindId === INSURER_KIND;
  return (
    <article className="vendor-page">
      <BackLink to={`/vendors${linkQuery}`} label={t("vendors.backToList")} />
      <PageHeader
        title={tx(vendor.name)}
        lead={
          <div className="vendor-meta">
            <p className="page-meta">
              <span className="role-chip">{words.kindName(vendor.kindId)}</span>
              <span className="contract-line">{words.contract(vendor.id)}</span>
            </p>
            <p className="page-meta">
              <span>
                {t("vendors.metricRegulatory")}:{" "}
                <strong>
                  {t("vendors.count", { n: f.number(countLast24Months(actions, vendor.id, asOf)) })}
                </strong>
                <OutsideMark />
              </span>
            </p>
            {pinned ? <p className="asof-note">{t("vendors.asOfPast", { date: f.date(pinned) })}</p> : null}
          </div>
        }
        actions={
          <>
            <VendorEditLinks vendorId={vendor.id} />
            <PrintButton />
          </>
        }
      />
      <SavedNotice />

      <ChainSection vendor={vendor} words={words} linkQuery={linkQuery} />

      <section className="vendor-section" aria-labelledby={`${id}-services`}>
        <h2 id={`${id}-services`}>{t("vendors.servicesTitle")}</h2>
        {vendor.serviceIds.length === 0 ? (
          <p>{t("vendors.servicesNone")}</p>
        ) : (
          <ul className="service-list">
            {vendor.serviceIds.map((serviceId) => (
              <ServiceItem
                key={serviceId}
                serviceId={serviceId}
                service={services.find((s) => s.id === serviceId)}
                vendorId={vendor.id}
                words={words}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="vendor-section" aria-labelledby={`${id}-years`}>
        <h2 id={`${id}-years`}>{t("vendors.yearsTitle")}</h2>
        <QueryState query={scorecards} minHeight="var(--vendor-years-height)">
          {(data) => {
            // An empty part takes only its sentence: the loading height is not kept once the answer is in.
            if (!data.rows.some((r) => r.vendorId === vendor.id)) {
              return <p className="vendors-empty">{t("vendors.yearsEmpty")}</p>;
            }
            const views = buildScorecardViews(
              data.rows.filter((r) => r.vendorId === vendor.id),
              data.incidents,
              data.affected,
              data.outside,
              data.spans,
            );
            return (
              <>
                <p className="vendors-asof">{t("vendors.asOf", { date: f.date(data.asOf) })}</p>
                <div className="scorecard-grid">
                  {views.map((row) => (
                    <ScorecardCard key={row.fiscalYear} row={row} heading="year" words={words} />
                  ))}
                </div>
                {/* The side-by-side table is for comparing years; one year is fully shown by its card. */}
                {views.length > 1 ? (
                  <ScorecardTable
                    rows={views}
                    showVendor={false}
                    words={words}
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
        <p className="regulatory-lead">{t("vendors.incidentsLead")}</p>
        <QueryState query={incidents} minHeight="var(--vendor-incidents-height)">
          {(data) =>
            data.items.length === 0 ? (
              <p className="vendors-empty">{t("vendors.incidentsEmpty")}</p>
            ) : (
              <>
                <VendorIncidents rows={data.items} vendor={vendor} words={words} />
                <OutsideFigures
                  figures={data.outside}
                  numberOf={(incidentId) => data.items.find((i) => i.id === incidentId)?.number}
                  words={words}
                />
              </>
            )
          }
        </QueryState>
      </section>

      <section className="vendor-section" aria-labelledby={`${id}-reg`}>
        <h2 id={`${id}-reg`}>
          {t("vendors.timelineTitle")} <OutsideMark />
        </h2>
        <p className="regulatory-lead">{t("vendors.regulatoryLead")}</p>
        {/* The FSA's part is the insurer's alone: other kinds of vendor answer to other authorities. */}
        {insurer ? (
          <p className="regulatory-lead">
            {t("vendors.regulatoryInsurerNote", {
              vendor: tx(vendor.shortName),
              kind: words.kindName(vendor.kindId),
            })}
          </p>
        ) : null}
        {actions.length === 0 ? (
          <p>{t("vendors.timelineEmpty")}</p>
        ) : (
          <RegulatoryTimeline actions={actions} asOf={asOf} />
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

/** Whom the vendor works for (every route from the organisation down to it) and who works for it. */
const ChainSection = ({
  vendor,
  words,
  linkQuery,
}: {
  vendor: TVendor;
  words: TVendorWords;
  linkQuery: string;
}) => {
  const { t } = useI18n();
  const id = useId();
  const routes = routesTo(vendor.id, words.vendors).filter((route) => route.length > 1);
  const contractors = vendor.subcontractorOf.filter(
    (c) => c !== vendor.id && words.vendors.some((v) => v.id === c),
  );
  return (
    <section className="vendor-section" aria-labelledby={`${id}-chain`}>
      <h2 id={`${id}-chain`}>{t("vendors.chainTitle")}</h2>
      <p>
        {contractors.length === 0
          ? t("vendors.chainDirect")
          : t("vendors.chainWorksFor", { vendors: words.list(contractors) })}
      </p>
      {routes.length > 0 ? (
        <div className="chain-routes">
          <h3>{t("vendors.chainRoutes")}</h3>
          <ul>
            {routes.map((route) => (
              <li key={route.join(">")} className="chain-route">
                <span>{t("vendors.chainStart")}</span>
                {route.map((vendorId) => (
                  <span key={vendorId}>
                    <span aria-hidden="true"> → </span>
                    {vendorId === vendor.id ? (
                      <strong>{t("vendors.chainThis", { vendor: words.vendor(vendorId) })}</strong>
                    ) : (
                      <Link to={`/vendors/${vendorId}${linkQuery}`}>{words.vendor(vendorId)}</Link>
                    )}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="chain-subcontractors">
        <h3>{t("vendors.subcontractorsTitle")}</h3>
        <SubcontractorTree vendorId={vendor.id} words={words} linkQuery={linkQuery} seen={[vendor.id]} />
      </div>
    </section>
  );
};

/** The vendor's subcontractors, and theirs, as nested lists (a vendor already above is not repeated). */
const SubcontractorTree = ({
  vendorId,
  words,
  linkQuery,
  seen,
}: {
  vendorId: string;
  words: TVendorWords;
  linkQuery: string;
  seen: readonly string[];
}) => {
  const { t } = useI18n();
  const subs = subcontractorsOf(vendorId, words.vendors).filter((v) => !seen.includes(v.id));
  if (subs.length === 0) return seen.length === 1 ? <p>{t("vendors.subcontractorsNone")}</p> : null;
  return (
    <ul className="subcontractor-tree">
      {subs.map((sub) => (
        <li key={sub.id}>
          <Link to={`/vendors/${sub.id}${linkQuery}`}>{words.vendor(sub.id)}</Link>{" "}
          <span className="role-chip">{words.kindName(sub.kindId)}</span>
          <SubcontractorTree vendorId={sub.id} words={words} linkQuery={linkQuery} seen={[...seen, sub.id]} />
        </li>
      ))}
    </ul>
  );
};

/** One service: its kind, whose people it serves, who else provides it, and its dated changes. */
const ServiceItem = ({
  serviceId,
  service,
  vendorId,
  words,
}: {
  serviceId: string;
  service: TService | undefined;
  vendorId: string;
  words: TVendorWords;
}) => {
  const { t, tx, f } = useI18n();
  const name = words.service(serviceId);
  const others = service?.vendorIds.filter((v) => v !== vendorId) ?? [];
  return (
    <li className="service-item">
      <p className="service-name">
        <strong>{name}</strong>
        <EditServiceLink serviceId={serviceId} name={name} />
      </p>
      {service ? (
        <>
          <p className="service-facts">
            {t("vendors.serviceFacts", {
              kind: t(`domain.serviceKind.${service.kind}`),
              population: words.population(service.populationId),
            })}
            {others.length > 0 ? (
              <>
                {t("vendors.factJoin")}
                {t("vendors.serviceOthers", { vendors: words.list(others) })}
              </>
            ) : null}
          </p>
          {service.changes.length > 0 ? (
            <div className="service-changes">
              <p className="service-changes-title">{t("vendors.serviceChanges")}</p>
              <ul>
                {service.changes.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the record's own list, shown read-only in its order
                  <li key={i}>
                    <span className="nowrap">{f.date(c.effective)}</span> {tx(c.description)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
    </li>
  );
};

const VendorIncidents = ({
  rows,
  vendor,
  words,
}: {
  rows: TIncidentSummary[];
  vendor: TVendor;
  words: TVendorWords;
}) => {
  const { t, tx, f } = useI18n();
  const impactText = useImpactText();
  const where = (r: TIncidentSummary) => {
    const place = incidentPlace(r, vendor.id);
    if (place.kind === "here") return t("vendors.whereHere");
    if (place.kind === "below") return t("vendors.whereBelow", { path: words.route(place.below) });
    return place.at === null
      ? t("vendors.whereUnknown")
      : t("vendors.whereElsewhere", { vendor: words.vendor(place.at) });
  };
  const columns: TColumn<TIncidentSummary>[] = [
    {
      key: "number",
      header: t("vendors.colNumber"),
      render: (r) => <span className="nowrap">{t("vendors.incidentNumber", { n: r.number })}</span>,
      csv: (r) => r.number,
    },
    {
      key: "title",
      header: t("vendors.colTitle"),
      render: (r) => <Link to={`/incidents/${r.id}`}>{tx(r.title)}</Link>,
      csv: (r) => tx(r.title),
    },
    {
      key: "where",
      header: t("vendors.colWhere"),
      render: (r) => {
        const place = incidentPlace(r, vendor.id);
        return <span className={place.kind === "below" ? "chain-mark" : undefined}>{where(r)}</span>;
      },
      csv: where,
    },
    {
      key: "category",
      header: t("vendors.colCategory"),
      render: (r) => t(`domain.category.${r.category}`),
      csv: (r) => t(`domain.category.${r.category}`),
    },
    {
      key: "fiscalYear",
      header: t("vendors.colFiscalYear"),
      render: (r) => <span className="nowrap">{f.fiscalYear(r.fiscalYear)}</span>,
      csv: (r) => r.fiscalYear,
    },
    {
      key: "firstDate",
      header: t("vendors.colFirstDate"),
      render: (r) => (
        <span className="nowrap">{r.firstDate ? f.date(r.firstDate) : t("common.dateUnknown")}</span>
      ),
      csv: (r) => r.firstDate ?? "",
    },
    {
      key: "affected",
      header: t("vendors.colAffected"),
      render: (r) => <ImpactTotalsList totals={r.affected} words={words} />,
      csv: (r) =>
        r.affected.length === 0
          ? t("common.notReported")
          : r.affected.map((a) => `${words.totalLabel(a.unit, a.populationId)} ${impactText(a)}`).join(" / "),
    },
    {
      key: "status",
      header: t("vendors.colStatus"),
      render: (r) => <span className="nowrap">{t(`domain.incidentStatus.${r.status}`)}</span>,
      csv: (r) => t(`domain.incidentStatus.${r.status}`),
    },
  ];
  return (
    <div className="vendor-incidents">
      <DataTable
        caption={t("vendors.incidentsCaption", { vendor: tx(vendor.shortName), count: rows.length })}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        csvName={`vendor-${vendor.id}-incidents`}
      />
    </div>
  );
};
