import { useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useId } from "react";
import { Link, useSearchParams } from "react-router";
import { FigureValue } from "@/components/figure-value";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { INCIDENTS_NAMED, PORTFOLIO_LINES, SOURCES_SHOWN } from "@/shared/overview-limits";
import type { TCohortPurpose } from "@/shared/schemas/cohort";
import type { TImpactTotal } from "@/shared/schemas/incident";
import type {
  TCaseLine,
  TCommitmentStats,
  TDocumentName,
  TOutsideFigure,
  TOverview,
  TRemediationStats,
  TRemediationTotals,
} from "@/shared/schemas/stats";
import { asOfInAddress, overviewQueries, scopeSearch, type TOverviewScope } from "../api/queries";
import { completionOf, incidentNumberOf, isCumulative, ofPurpose, type TCompletion } from "./overview-model";
import { usePopulationNames } from "./use-population-names";

/*
 * The figures a board member needs in the first seconds: with one case in scope, that case's figures;
 * with several, a line per case. Only small JSON queries and no chart code, so they paint before the
 * charts' chunk arrives. People (名) and records (件), and people of different populations, are separate
 * figures; a figure from outside the record stands beside them with its mark, never in them; letters
 * sent (送付済み) are counted apart from money put right.
 */
export const HeadlineFigures = ({
  scope,
  children,
}: {
  scope: TOverviewScope;
  /** The sections below the figures: drawn once the figures are in, so the figures never push them. */
  children?: ReactNode;
}) => {
  const { t } = useI18n();
  const overview = useQuery(overviewQueries.headline(scope));
  // Secondary lookups (names, links, notes) are asked for together with the figures, and the figures
  // appear once they are in (or have failed): a note arriving later would make the tiles taller. They
  // are small and come in parallel, so the figures hardly wait.
  const lookups = [
    useQuery(overviewQueries.remediation(scope)),
    useQuery(overviewQueries.commitmentStats(scope)),
    useQuery(referenceQueries.organisation()),
    useQuery(referenceQueries.vendors()),
  ] as const;
  const [remediation, commitments] = lookups;
  const settled = !overview.isPending && !lookups.some((q) => q.isLoading);
  return (
    <>
      <section className="ov-headline" aria-labelledby="ov-headline-title">
        <h2 id="ov-headline-title" className="visually-hidden">
          {t("overview.headlineTitle")}
        </h2>
        <QueryState query={overview} waitFor={lookups} skeleton={<TilesSkeleton />}>
          {(data) => (
            <SourcesContext.Provider value={new Map(data.sources.map((d) => [d.id, d]))}>
              <Headline
                data={data}
                scope={scope}
                remediation={remediation.data}
                commitments={commitments.data}
              />
            </SourcesContext.Provider>
          )}
        </QueryState>
      </section>
      {settled ? children : null}
    </>
  );
};

/** The names of the documents the figures cite, from the overview's own answer (no list of all documents). */
const SourcesContext = createContext<ReadonlyMap<string, TDocumentName>>(new Map());
const useSources = () => useContext(SourcesContext);

const SKELETON_TILES = [
  { key: "affected", title: "overview.tileAffected" },
  { key: "financial", title: "overview.tileFinancial" },
  { key: "notification", title: "overview.tileNotification" },
  { key: "commitments", title: "overview.tileCommitments" },
  { key: "meeting", title: "overview.tileMeeting" },
] as const;

/**
 * The tiles' boxes before the figures arrive. Nothing is drawn below the figures until they are in, so
 * the skeleton only shows where they will be; it need not guess their height.
 */
const TilesSkeleton = () => {
  const { t } = useI18n();
  return (
    <div className="ov-tiles ov-tiles-skeleton">
      {SKELETON_TILES.map((tile) => (
        <div key={tile.key} className={`tile ov-tile ov-tile-${tile.key}`}>
          <p className="ov-tile-title ghost-text" data-text={t(tile.title)} />
          <div className="skeleton ov-skeleton-figure" />
          <div className="skeleton ov-skeleton-line" />
        </div>
      ))}
    </div>
  );
};

type TLookups = {
  remediation: TRemediationStats | undefined;
  commitments: TCommitmentStats | undefined;
};

const Headline = ({
  data,
  scope,
  remediation,
  commitments,
}: { data: TOverview; scope: TOverviewScope } & TLookups) => {
  const line = data.portfolio[0];
  if (!line) return <EmptyScope scope={scope} />;
  if (data.cases.total > 1) {
    return (
      <>
        <Portfolio data={data} />
        <div className="ov-tiles ov-tiles-scope">
          <CommitmentsTile data={data} stats={commitments} />
          <MeetingTile data={data} />
        </div>
        <SourcesNote documentIds={data.documentIds} />
      </>
    );
  }
  return (
    <>
      <CaseHead line={line} />
      <div className={`ov-tiles ov-tiles-purposes-${new Set(data.remediation.map((r) => r.purpose)).size}`}>
        <AffectedTile data={data} scope={scope} />
        <PurposeTiles data={data} cohorts={remediation} />
        <CommitmentsTile data={data} stats={commitments} />
        <MeetingTile data={data} />
      </div>
      <SourcesNote documentIds={data.documentIds} />
    </>
  );
};

/** No case in scope: said in one line, with the way to the closed ones (no blank space held). */
const EmptyScope = ({ scope }: { scope: TOverviewScope }) => {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const onlyOpen = scope.caseId === undefined && scope.caseStatus === "open";
  const all = new URLSearchParams(params);
  all.set("status", "all");
  return (
    <div className="ov-empty">
      <p>{onlyOpen ? t("overview.emptyScopeOpen") : t("overview.emptyScope")}</p>
      {onlyOpen ? <Link to={`?${all.toString()}`}>{t("overview.showAllCases")}</Link> : null}
    </div>
  );
};

// ---------------------------------------------------------------------------------------------------
// Small parts

const Tile = ({ title, className, children }: { title: string; className: string; children: ReactNode }) => {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of figures, not form controls (fieldset)
    <div className={`tile ov-tile ${className}`} role="group" aria-labelledby={id}>
      <h3 id={id} className="ov-tile-title">
        {title}
      </h3>
      {children}
    </div>
  );
};

/** One labelled number, so a screen reader hears "label: value" and tests can find it. */
const Figure = ({
  label,
  children,
  size = "big",
}: {
  label: string;
  children: ReactNode;
  size?: "big" | "medium" | "small";
}) => {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled figure, not form controls (fieldset)
    <div className="ov-figure" role="group" aria-labelledby={id}>
      <p className="ov-figure-label" id={id}>
        {label}
      </p>
      <p className={`ov-figure-value ov-${size}`}>{children}</p>
    </div>
  );
};

const MARK = "\u0001";

type TUnit = "people" | "records" | "yen" | "cases";

/**
 * A number with its unit set smaller ("1,909" big, "名" / "people" small), so a long English unit does
 * not push the figure onto two lines. The unit's place comes from the catalog ("{n}名", "¥{n}").
 */
const UnitValue = ({ value, unit }: { value: number; unit: TUnit }) => {
  const { t, tp, f } = useI18n();
  // The unit follows the count's plural form ("1 person", "2 people"); the mark stands for the number.
  const text =
    unit === "people" || unit === "records"
      ? tp(`common.${unit}`, value, { n: MARK })
      : t(unit === "yen" ? "common.yen" : "overview.countCases", { n: MARK });
  const [before = "", after = ""] = text.split(MARK);
  return (
    <span className="ov-unit-value">
      {before ? <span className="ov-unit">{before}</span> : null}
      <span className="figure">{f.number(value)}</span>
      {after ? <span className="ov-unit">{after}</span> : null}
    </span>
  );
};

/**
 * A total of one unit and population: exact, a floor (some parts 未報告 or approximate: "以上"), all
 * 未報告 (never 0), or 確認の結果なし (the sources say no one, after checking).
 */
const TotalValue = ({ total, cumulative = false }: { total: TImpactTotal; cumulative?: boolean }) => {
  const { t } = useI18n();
  if (total.confirmedNone) return <span className="ov-confirmed-none">{t("common.confirmedNone")}</span>;
  if (!total.complete && total.value === 0) return <NotReported />;
  return (
    <>
      <UnitValue value={total.value} unit={total.unit} />
      {!total.complete ? (
        <>
          {" "}
          <span className="figure-tag ov-tag ov-floor">{t("overview.floorTag")}</span>
        </>
      ) : null}
      {cumulative ? (
        <>
          {" "}
          <span className="figure-tag ov-tag">{t("overview.cumulativeTag")}</span>
        </>
      ) : null}
    </>
  );
};

/** Notes that go with totals: what 延べ means, what a floor means, and that units are never added. */
const TotalNotes = ({ totals, cumulative }: { totals: readonly TImpactTotal[]; cumulative: boolean }) => {
  const { t } = useI18n();
  const floor = totals.some((x) => !x.complete && !(x.value === 0 && !x.confirmedNone));
  const apart = totals.length > 1;
  if (!cumulative && !floor && !apart) return null;
  return (
    <p className="ov-note">
      {[
        cumulative ? t("overview.cumulativeNote") : null,
        floor ? t("overview.floorNote") : null,
        apart ? t("overview.unitsApart") : null,
      ]
        .filter(Boolean)
        .join(" ")}
    </p>
  );
};

/** Figures from outside the record, beside the totals with their mark and source, never in them. */
const OutsideFigures = ({
  outside,
  numberOf,
}: {
  outside: readonly TOutsideFigure[];
  numberOf: (incidentId: string) => number | undefined;
}) => {
  const { t, tx } = useI18n();
  const { population } = usePopulationNames();
  const sources = useSources();
  const id = useId();
  if (outside.length === 0) return null;
  return (
    <div className="ov-outside">
      <p className="ov-figure-label" id={id}>
        {t("overview.outsideTitle")}
      </p>
      <ul aria-labelledby={id}>
        {outside.map((o) => {
          const n = numberOf(o.incidentId);
          const incident = n === undefined ? o.incidentId : t("overview.incidentNumber", { n });
          const source = sources.get(o.count.source.documentId);
          return (
            <li key={o.impactId}>
              <OutsideMark />{" "}
              <span className="ov-outside-value">
                <FigureValue figure={o.count} unit={o.unit} />
              </span>{" "}
              <span className="ov-outside-of">
                <Link to={`/incidents/${o.incidentId}`}>
                  {o.populationId === null
                    ? incident
                    : t("overview.outsideOf", { what: population(o.populationId), incident })}
                </Link>
                {source ? (
                  <>
                    {" "}
                    (<Link to={`/documents/${source.id}`}>{tx(source.label)}</Link>)
                  </>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
};

// ---------------------------------------------------------------------------------------------------
// One case

/** The case's vendors, incidents and first date, in one line under its name. */
const CaseMeta = ({ line }: { line: TCaseLine }) => {
  const { t, tx, f } = useI18n();
  const vendors = useQuery(referenceQueries.vendors());
  const names = line.vendorIds.map((v) => {
    const vendor = vendors.data?.items.find((x) => x.id === v);
    return vendor ? tx(vendor.shortName) : v;
  });
  const parts = [
    names.length > 0 ? t("overview.caseVendors", { names: names.join(t("overview.nameSeparator")) }) : null,
    t("overview.caseIncidents", { n: f.number(line.incidents), open: f.number(line.openIncidents) }),
    line.firstDate ? t("overview.caseFirstDate", { date: f.date(line.firstDate) }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <p className="ov-case-meta">
      {parts.map((part, i) => (
        <span key={part}>
          {i > 0 ? " " : null}
          {part}
        </span>
      ))}
    </p>
  );
};

const CaseHead = ({ line }: { line: TCaseLine }) => {
  const { t, tx } = useI18n();
  return (
    <div className="ov-case-head">
      <h3 className="ov-case-title">
        <span className="ov-case-kicker">{t("overview.caseKicker")}</span>{" "}
        <span className="ov-case-name">{tx(line.title)}</span>{" "}
        <span className={`status-chip ov-case-status ov-case-${line.status}`}>
          {t(`domain.caseStatus.${line.status}`)}
        </span>
      </h3>
      <CaseMeta line={line} />
    </div>
  );
};

/** The incidents list in the overview's scope: the open ones, or (`all`) every one. */
const incidentsLink = (scope: TOverviewScope, which: "open" | "all" = "open") => {
  const params = new URLSearchParams(which === "open" ? { status: "open" } : {});
  if (scope.caseId) params.set("case", scope.caseId);
  if (scope.vendorId) params.set("vendor", scope.vendorId);
  if (scope.fiscalYear !== undefined) params.set("year", String(scope.fiscalYear));
  return `/incidents?${params.toString()}`;
};

const AffectedTile = ({ data, scope }: { data: TOverview; scope: TOverviewScope }) => {
  const { t, tx, f } = useI18n();
  const names = usePopulationNames();
  const totals = data.affected.totals;
  // A case of many incidents lists the first few, then how many more and where they all are.
  const listed = data.affected.byIncident.slice(0, INCIDENTS_NAMED);
  const more = (data.affected.incidentCount ?? data.affected.byIncident.length) - listed.length;
  const cumulative = totals.some((x) => isCumulative(data.affected, x));
  const numberOf = (incidentId: string) => incidentNumberOf(data.affected, incidentId);
  return (
    <Tile title={t("overview.tileAffected")} className="ov-tile-affected">
      <div className="ov-split">
        <div className="ov-split-main">
          <Figure label={t("overview.openIncidents")}>
            <Link to={incidentsLink(scope)} className="ov-figure-link">
              <UnitValue value={data.incidents.open} unit="cases" />
            </Link>
            <span className="ov-of">{t("overview.ofTotalCases", { n: f.number(data.incidents.total) })}</span>
          </Figure>
          {totals.length === 0 ? (
            <p className="ov-none">{t("overview.noneAffected")}</p>
          ) : (
            totals.map((x) => (
              <Figure key={`${x.unit}:${x.populationId}`} label={names.affected(x.unit, x.populationId)}>
                <TotalValue total={x} cumulative={isCumulative(data.affected, x)} />
              </Figure>
            ))
          )}
          <OutsideFigures outside={data.affected.outside} numberOf={numberOf} />
          <TotalNotes totals={totals} cumulative={cumulative} />
        </div>
        <div className="ov-split-side">
          <p className="ov-figure-label" id="ov-by-incident">
            {t("overview.affectedByIncident")}
          </p>
          <ul className="ov-incident-list" aria-labelledby="ov-by-incident">
            {listed.map((i) => (
              <li key={i.incidentId}>
                <Link to={`/incidents/${i.incidentId}`} className="ov-incident-link">
                  <span className="ov-incident-no">{t("overview.incidentNumber", { n: i.number })}</span>
                  <span className="ov-incident-title">{tx(i.title)}</span>
                </Link>
                <span className="ov-incident-count">
                  {i.totals.length === 0 ? (
                    <NotReported />
                  ) : (
                    i.totals.map((x) => (
                      <span key={`${x.unit}:${x.populationId}`} className="ov-incident-total">
                        {totals.length > 1 && x.populationId !== null ? (
                          <span className="ov-incident-pop">{names.population(x.populationId)}</span>
                        ) : null}
                        <TotalValue total={x} />
                      </span>
                    ))
                  )}
                </span>
              </li>
            ))}
          </ul>
          {more > 0 ? (
            <p className="ov-links">
              <Link to={incidentsLink(scope, "all")}>
                {t("overview.incidentsMore", { n: f.number(more) })}
              </Link>
            </p>
          ) : null}
        </div>
      </div>
    </Tile>
  );
};

/** Links to the incidents whose groups make up a purpose's totals: where the figure comes from. */
const IncidentLinks = ({ purpose }: { purpose: TRemediationStats["purposes"][number] | undefined }) => {
  const { t, f } = useI18n();
  if (!purpose || purpose.incidents.length === 0) return null;
  const more = purpose.incidentCount - purpose.incidents.length;
  return (
    <p className="ov-links">
      <span className="ov-links-label">{t("overview.detailsIn")}</span>
      {purpose.incidents.map(({ incidentId, number }, i) => (
        <span key={incidentId}>
          {i > 0 ? t("overview.listSeparator") : null}
          <Link to={`/incidents/${incidentId}`}>{t("overview.incidentNumber", { n: number })}</Link>
        </span>
      ))}
      {more > 0 ? (
        <>
          {t("overview.listSeparator")}
          <Link to="/incidents">{t("overview.incidentsMore", { n: f.number(more) })}</Link>
        </>
      ) : null}
    </p>
  );
};

/** Money put right and people notified: separate tiles, never one figure. */
const PurposeTiles = ({ data, cohorts }: { data: TOverview; cohorts: TRemediationStats | undefined }) => {
  const { t } = useI18n();
  const financial = ofPurpose(data.remediation, "financial");
  const notification = ofPurpose(data.remediation, "notification");
  const purposeOf = (purpose: TCohortPurpose) => cohorts?.purposes.find((p) => p.purpose === purpose);
  const unreportedOf = (totals: TRemediationTotals) =>
    cohorts?.unreported.find((u) => u.purpose === totals.purpose && u.populationId === totals.populationId);
  return (
    <>
      {financial.length > 0 ? (
        <Tile title={t("overview.tileFinancial")} className="ov-tile-financial">
          {financial.map((row) => (
            <FinancialBlock key={row.populationId} totals={row} unreported={unreportedOf(row)} />
          ))}
          <IncidentLinks purpose={purposeOf("financial")} />
        </Tile>
      ) : null}
      {notification.length > 0 ? (
        <Tile title={t("overview.tileNotification")} className="ov-tile-notification">
          {notification.map((row) => (
            <NotificationBlock key={row.populationId} totals={row} unreported={unreportedOf(row)} />
          ))}
          <p className="ov-note">{t("overview.notificationApart")}</p>
          <IncidentLinks purpose={purposeOf("notification")} />
        </Tile>
      ) : null}
    </>
  );
};

type TUnreported = TRemediationStats["unreported"][number];

/** The groups of one purpose and population whose progress is not reported (the first few), each with its incident. */
const UnreportedGroups = ({ unreported }: { unreported: TUnreported | undefined }) => {
  const { t, tx, f } = useI18n();
  if (!unreported || unreported.groups.length === 0) return null;
  const more = unreported.count - unreported.groups.length;
  return (
    <span className="ov-unreported-names">
      {unreported.groups.map((c) => (
        <span key={c.cohortId}>
          <Link to={`/incidents/${c.incidentId}`}>
            {t("overview.incidentNumber", { n: c.incidentNumber })}
          </Link>{" "}
          {tx(c.label)}
        </span>
      ))}
      {more > 0 ? <span>{t("overview.groupsMore", { n: f.number(more) })}</span> : null}
    </span>
  );
};

/** One purpose's totals for one population, and the groups not reported (to name them). */
type TPurposeBlockProps = { totals: TRemediationTotals; unreported: TUnreported | undefined };

const FinancialBlock = ({ totals, unreported }: TPurposeBlockProps) => {
  const { t, f } = useI18n();
  const { population } = usePopulationNames();
  const completion = completionOf(totals);
  return (
    <div className="ov-purpose-block">
      <Figure label={t("overview.financialDone", { people: population(totals.populationId) })}>
        <CompletionValue completion={completion} withPercent />
      </Figure>
      {completion.kind === "known" ? <CompletionBar totals={totals} /> : null}
      <Figure label={t("overview.financialYen")} size="medium">
        <UnitValue value={totals.doneYen} unit="yen" />
        <span className="ov-of">{t("overview.ofYen", { yen: f.yen(totals.owedYen) })}</span>{" "}
        <span className="figure-tag ov-tag" title={t("overview.yenDerivedTitle")}>
          {t("common.derived")}
        </span>
      </Figure>
      {totals.notReported > 0 || totals.peopleWithUnknownAmount > 0 ? (
        <ul className="ov-unreported">
          {totals.notReported > 0 ? (
            <li>
              <NotReported /> {t("overview.unreportedProgress", { n: f.people(totals.notReported) })}
              <UnreportedGroups unreported={unreported} />
            </li>
          ) : null}
          {totals.peopleWithUnknownAmount > 0 ? (
            <li>
              <NotReported />{" "}
              {t("overview.unreportedAmount", { n: f.people(totals.peopleWithUnknownAmount) })}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
};

/** "done of people" (with the share), 未報告 when nobody reported progress. */
const CompletionValue = ({
  completion,
  withPercent = false,
}: {
  completion: TCompletion;
  withPercent?: boolean;
}) => {
  const { t, f } = useI18n();
  if (completion.kind === "none") return <span className="ov-none">{t("overview.lineNone")}</span>;
  if (completion.kind === "unknown") return <NotReported />;
  return (
    <>
      <span className="figure">{f.number(completion.done)}</span>
      <span className="ov-of">{t("overview.ofPeople", { n: f.people(completion.people) })}</span>
      {withPercent && completion.percent !== null ? (
        <>
          {" "}
          <span className="ov-percent">{f.percent(completion.percent)}</span>
        </>
      ) : null}
    </>
  );
};

/** A small bar of done / remaining / not reported; decorative (the numbers are beside it in text). */
const CompletionBar = ({ totals }: { totals: TRemediationTotals }) => {
  const pct = (n: number) => `${(n / totals.people) * 100}%`;
  return (
    <div className="ov-bar" aria-hidden="true">
      <span className="ov-bar-done" style={{ width: pct(totals.done) }} />
      <span className="ov-bar-remaining" style={{ width: pct(totals.remaining) }} />
      <span className="ov-bar-unknown" style={{ width: pct(totals.notReported) }} />
    </div>
  );
};

const NotificationBlock = ({ totals, unreported }: TPurposeBlockProps) => {
  const { t, f } = useI18n();
  const { population } = usePopulationNames();
  const people = population(totals.populationId);
  const completion = completionOf(totals);
  return (
    <div className="ov-purpose-block">
      <Figure label={t("overview.notificationDone", { people })}>
        <CompletionValue completion={completion} />
      </Figure>
      <Figure label={t("overview.notificationTarget", { people })} size="medium">
        <UnitValue value={totals.people} unit="people" />
      </Figure>
      {completion.kind === "unknown" ? (
        <p className="ov-note">{t("overview.notificationUnknownNote")}</p>
      ) : completion.kind === "known" && completion.notReported > 0 ? (
        <p className="ov-note">
          <NotReported /> {t("overview.unreportedNotice", { n: f.people(completion.notReported) })}
          <UnreportedGroups unreported={unreported} />
        </p>
      ) : null}
    </div>
  );
};

const CommitmentsTile = ({ data, stats }: { data: TOverview; stats: TCommitmentStats | undefined }) => {
  const { t, f } = useI18n();
  const c = data.commitments;
  const count = (n: number) => t("overview.countItems", { n: f.number(n) });
  // "0 overdue" is only reassuring when there are due dates to be late against.
  const allUndated = stats !== undefined && stats.total > 0 && stats.withoutDueDate === stats.total;
  return (
    <Tile title={t("overview.tileCommitments")} className="ov-tile-commitments">
      <div className="ov-commitment-grid">
        <Figure label={t("overview.commitmentsOpen")}>
          <Link to="/commitments" className="ov-figure-link">
            {count(c.open)}
          </Link>
          <span className="ov-of">{t("overview.ofTotalItems", { n: f.number(c.total) })}</span>
        </Figure>
        <Figure label={t("overview.commitmentsVendorDone")} size="medium">
          <Link to="/commitments?status=vendor_reported_done">{count(c.vendorReportedDone)}</Link>
        </Figure>
        <Figure label={t("overview.commitmentsVerified")} size="medium">
          <Link to="/commitments?status=verified">{count(c.verified)}</Link>
        </Figure>
        <Figure label={t("overview.commitmentsOverdue")} size="medium">
          {allUndated ? (
            <span className="ov-undated">{t("overview.noDueDates")}</span>
          ) : (
            <Link to="/commitments?overdue=true" className={c.overdue > 0 ? "ov-overdue" : undefined}>
              {count(c.overdue)}
            </Link>
          )}
        </Figure>
      </div>
      {stats && stats.withoutDueDate > 0 ? (
        <p className="ov-note ov-note-strong">
          {allUndated
            ? t("overview.noDueDatesNote", { n: f.number(stats.withoutDueDate) })
            : t("overview.someUndatedNote", { n: f.number(stats.withoutDueDate) })}
        </p>
      ) : null}
      <p className="ov-note">{t("overview.verifiedNote")}</p>
    </Tile>
  );
};

const MeetingTile = ({ data }: { data: TOverview }) => {
  const { t, tx, f } = useI18n();
  const m = data.latestMeeting;
  return (
    <Tile title={t("overview.tileMeeting")} className="ov-tile-meeting">
      {m ? (
        <>
          <p className="ov-medium ov-meeting-date">{f.date(m.date)}</p>
          <p className="ov-meeting-title">
            <Link to={`/meetings/${m.id}`}>{tx(m.title)}</Link>
          </p>
          <p className="ov-note">{t("overview.meetingNote")}</p>
        </>
      ) : (
        <p className="ov-none">{t("overview.noMeeting")}</p>
      )}
    </Tile>
  );
};

// ---------------------------------------------------------------------------------------------------
// Several cases: a line per case

const Portfolio = ({ data }: { data: TOverview }) => {
  const { t, tp } = useI18n();
  const id = useId();
  return (
    <div className="ov-portfolio">
      <h3 id={id} className="ov-portfolio-title">
        {t("overview.portfolioTitle")}{" "}
        <span className="ov-portfolio-count">{tp("overview.portfolioCount", data.cases.total)}</span>
      </h3>
      <ul className="ov-case-lines" aria-labelledby={id}>
        {data.portfolio.slice(0, PORTFOLIO_LINES).map((line) => (
          <li key={line.caseId}>
            <CaseLine line={line} data={data} />
          </li>
        ))}
      </ul>
      {data.cases.total > PORTFOLIO_LINES ? (
        <p className="ov-more no-print">
          <Link to="/cases">{tp("overview.portfolioMore", data.cases.total - PORTFOLIO_LINES)}</Link>
        </p>
      ) : null}
    </div>
  );
};

const Cell = ({ label, children }: { label: string; children: ReactNode }) => {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled figure, not form controls (fieldset)
    <div className="ov-line-cell" role="group" aria-labelledby={id}>
      <p className="ov-figure-label" id={id}>
        {label}
      </p>
      {children}
    </div>
  );
};

const CaseLine = ({ line, data }: { line: TCaseLine; data: TOverview }) => {
  const { t, tx, f } = useI18n();
  const [params] = useSearchParams();
  const names = usePopulationNames();
  const id = useId();
  const financial = ofPurpose(line.remediation, "financial");
  const notification = ofPurpose(line.remediation, "notification");
  const numberOf = (incidentId: string) => incidentNumberOf(data.affected, incidentId);
  const caseLink = `/${scopeSearch({ caseId: line.caseId, asOf: data.asOf }, asOfInAddress(params))}`;
  return (
    <article className="ov-case-line" aria-labelledby={id}>
      <header className="ov-line-head">
        <h4 id={id} className="ov-line-title">
          <Link to={caseLink} title={t("overview.lineShowCase")}>
            {tx(line.title)}
          </Link>
        </h4>{" "}
        <span className={`status-chip ov-case-status ov-case-${line.status}`}>
          {t(`domain.caseStatus.${line.status}`)}
        </span>
        <CaseMeta line={line} />
      </header>
      <div className="ov-line-cells">
        <Cell label={t("overview.lineAffected")}>
          {line.affected.length === 0 ? (
            <p className="ov-none">{t("overview.noneAffected")}</p>
          ) : (
            <ul className="ov-line-list">
              {line.affected.map((x) => (
                <li key={`${x.unit}:${x.populationId}`}>
                  <span className="ov-line-what">{names.affected(x.unit, x.populationId)}</span>{" "}
                  <span className="ov-line-value">
                    <TotalValue total={x} cumulative={isCumulative(data.affected, x, line)} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          <OutsideFigures outside={line.outside} numberOf={numberOf} />
        </Cell>
        <Cell label={t("overview.lineFinancial")}>
          {financial.length === 0 ? (
            <p className="ov-none">{t("overview.lineNone")}</p>
          ) : (
            <ul className="ov-line-list">
              {financial.map((row) => (
                <li key={row.populationId}>
                  <span className="ov-line-what">{names.population(row.populationId)}</span>{" "}
                  <span className="ov-line-value">
                    <CompletionValue completion={completionOf(row)} withPercent />
                  </span>{" "}
                  <span className="ov-line-sub">
                    {f.yen(row.doneYen)}
                    {t("overview.ofYen", { yen: f.yen(row.owedYen) })}{" "}
                    <span className="figure-tag" title={t("overview.yenDerivedTitle")}>
                      {t("common.derived")}
                    </span>
                    {row.notReported > 0 ? (
                      <span className="ov-line-unreported">
                        {" "}
                        <NotReported /> {f.people(row.notReported)}
                      </span>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Cell>
        <Cell label={t("overview.lineNotification")}>
          {notification.length === 0 ? (
            <p className="ov-none">{t("overview.lineNone")}</p>
          ) : (
            <ul className="ov-line-list">
              {notification.map((row) => (
                <li key={row.populationId}>
                  <span className="ov-line-what">
                    {t("overview.notificationDone", { people: names.population(row.populationId) })}
                  </span>{" "}
                  <span className="ov-line-value">
                    <CompletionValue completion={completionOf(row)} withPercent />
                  </span>{" "}
                  {completionOf(row).kind === "unknown" ? (
                    <span className="ov-line-sub">
                      {t("overview.lineTarget", { n: f.people(row.people) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Cell>
        <Cell label={t("overview.lineCommitments")}>
          <p className="ov-line-value">
            {t("overview.lineOpenCommitments", {
              n: t("overview.countItems", { n: f.number(line.openCommitments) }),
            })}
          </p>
          <p className={line.overdueCommitments > 0 ? "ov-line-sub ov-overdue" : "ov-line-sub"}>
            {t("overview.lineOverdueCommitments", {
              n: t("overview.countItems", { n: f.number(line.overdueCommitments) }),
            })}
          </p>
        </Cell>
        <Cell label={t("overview.lineNextDeadline")}>
          {line.nextDeadline ? (
            <>
              <p className="ov-line-value ov-line-date">
                {f.date(line.nextDeadline.dueDate)}
                {line.nextDeadline.overdue ? " " : null}
                {line.nextDeadline.overdue ? (
                  <span className="status-chip ov-overdue-chip">{t("overview.lineOverdue")}</span>
                ) : null}
              </p>
              <p className="ov-line-sub">
                {t(`deadlines.rule.${line.nextDeadline.rule}`)}
                {t("overview.listSeparator")}
                {tx(line.nextDeadline.label)}
              </p>
            </>
          ) : (
            <p className="ov-none">{t("overview.lineNoDeadline")}</p>
          )}
        </Cell>
      </div>
    </article>
  );
};

// ---------------------------------------------------------------------------------------------------
// Sources

/**
 * Where the figures in scope come from: the scope's own documents, by their labels, those of the
 * record first and published ones from outside it apart.
 */
const SourcesNote = ({ documentIds }: { documentIds: readonly string[] }) => {
  const { t, tx, f } = useI18n();
  // The answer names the documents the line shows (the record's first); the rest are counted.
  const known = useSources();
  const all = documentIds.flatMap((id) => known.get(id) ?? []);
  const inRecord = all.filter((d) => !d.outsideRecord);
  const outside = all.filter((d) => d.outsideRecord);
  const shownRecord = inRecord.slice(0, SOURCES_SHOWN);
  const shownOutside = outside.slice(0, Math.max(0, SOURCES_SHOWN - shownRecord.length));
  const more = documentIds.length - shownRecord.length - shownOutside.length;
  const links = (docs: typeof all) =>
    docs.map((d, i) => (
      <span key={d.id}>
        {i > 0 ? t("overview.nameSeparator") : null}
        <Link to={`/documents/${d.id}`} title={tx(d.title)}>
          {tx(d.label)}
        </Link>
      </span>
    ));
  return (
    <p className="ov-sources">
      <span className="source-label">{t("overview.sources")}: </span>
      {all.length === 0 ? t("overview.sourcesNone") : links(shownRecord)}
      {shownOutside.length > 0 ? (
        <>
          {shownRecord.length > 0 ? t("overview.listSeparator") : null}
          <span className="ov-sources-outside">{t("overview.sourcesOutside")}: </span>
          {links(shownOutside)}
        </>
      ) : null}
      {more > 0 ? (
        <>
          {" "}
          <Link to="/documents">{t("overview.sourcesMore", { n: f.number(more) })}</Link>
        </>
      ) : null}
    </p>
  );
};
