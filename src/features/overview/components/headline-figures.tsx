import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { Link } from "react-router";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import type { TCommitmentStats, TOverview, TRemediationStats } from "@/shared/schemas/stats";
import { overviewQueries } from "../api/queries";
import { completionOf, type TCompletion } from "./overview-model";

/*
 * The figures a board member needs in the first seconds. Only small JSON queries and no chart code, so
 * they paint before the charts' chunk arrives.
 */
export const HeadlineFigures = ({ asOf }: { asOf: string }) => {
  const { t } = useI18n();
  const overview = useQuery(overviewQueries.headline(asOf));
  // Secondary lookups (names, links, notes) are asked for together with the figures, and the tiles appear
  // once they are in (or have failed): a note arriving later would make the tiles taller and push the
  // charts down. They are small and come in parallel, so the figures hardly wait.
  const remediation = useQuery(overviewQueries.remediation());
  const commitments = useQuery(overviewQueries.commitmentStats(asOf));
  const documents = useQuery(referenceQueries.documents());
  return (
    <section className="ov-headline" aria-labelledby="ov-headline-title">
      <h2 id="ov-headline-title" className="visually-hidden">
        {t("overview.headlineTitle")}
      </h2>
      <QueryState
        query={overview}
        waitFor={[remediation, commitments, documents]}
        skeleton={<TilesSkeleton />}
      >
        {(data) => <Tiles data={data} remediation={remediation.data} commitments={commitments.data} />}
      </QueryState>
    </section>
  );
};

const SKELETON_TILES = [
  { key: "incidents", title: "overview.tileIncidents" },
  { key: "financial", title: "overview.tileFinancial" },
  { key: "notification", title: "overview.tileNotification" },
  { key: "commitments", title: "overview.tileCommitments" },
  { key: "meeting", title: "overview.tileMeeting" },
] as const;

/**
 * The tiles' boxes before the figures arrive: the same grid and tiles, each as tall as it will be at this
 * width (overview.css), so the figures replace the skeleton without moving anything below.
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
      <p className="ov-sources" />
    </div>
  );
};

const Tiles = ({
  data,
  remediation,
  commitments,
}: {
  data: TOverview;
  remediation: TRemediationStats | undefined;
  commitments: TCommitmentStats | undefined;
}) => {
  return (
    <div className="ov-tiles">
      <IncidentsTile data={data} />
      <FinancialTile data={data} cohorts={remediation} />
      <NotificationTile data={data} cohorts={remediation} />
      <CommitmentsTile data={data} stats={commitments} />
      <MeetingTile data={data} />
      <SourcesNote />
    </div>
  );
};

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

/** One labelled number inside a tile, so a screen reader hears "label: value" and tests can find it. */
const Figure = ({
  label,
  children,
  size = "big",
}: {
  label: string;
  children: ReactNode;
  size?: "big" | "medium";
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

/**
 * A number with its unit set smaller ("1,909" big, "名" / "members" small), so a long English unit does
 * not push the figure onto two lines. The unit's place comes from the catalog ("{n}名", "¥{n}").
 */
const UnitValue = ({ value, unit }: { value: number; unit: "members" | "yen" | "cases" }) => {
  const { t, f } = useI18n();
  const key = unit === "members" ? "common.members" : unit === "yen" ? "common.yen" : "overview.countCases";
  const [before = "", after = ""] = t(key, { n: MARK }).split(MARK);
  return (
    <span className="ov-unit-value">
      {before ? <span className="ov-unit">{before}</span> : null}
      <span className="figure">{f.number(value)}</span>
      {after ? <span className="ov-unit">{after}</span> : null}
    </span>
  );
};

const IncidentsTile = ({ data }: { data: TOverview }) => {
  const { t, tx, f } = useI18n();
  const anyUnreported = data.affected.byIncident.some((i) => i.total === null);
  return (
    <Tile title={t("overview.tileIncidents")} className="ov-tile-incidents">
      <div className="ov-split">
        <div className="ov-split-main">
          <Figure label={t("overview.openIncidents")}>
            <Link to="/incidents?status=open" className="ov-figure-link">
              <UnitValue value={data.incidents.open} unit="cases" />
            </Link>
            <span className="ov-of">{t("overview.ofTotalCases", { n: f.number(data.incidents.total) })}</span>
          </Figure>
          <Figure label={t("overview.affectedCumulative")}>
            <UnitValue value={data.affected.cumulativeReported} unit="people" />{" "}
            <span className="figure-tag ov-tag">{t("overview.cumulativeTag")}</span>
          </Figure>
          <p className="ov-note">
            {t("overview.cumulativeNote")}
            {anyUnreported ? ` ${t("overview.cumulativeExcludesUnreported")}` : null}
          </p>
        </div>
        <div className="ov-split-side">
          <p className="ov-figure-label" id="ov-by-incident">
            {t("overview.affectedByIncident")}
          </p>
          <ul className="ov-incident-list" aria-labelledby="ov-by-incident">
            {data.affected.byIncident.map((i) => (
              <li key={i.incidentId}>
                <Link to={`/incidents/${i.incidentId}`} className="ov-incident-link">
                  <span className="ov-incident-no">{t("overview.incidentNumber", { n: i.number })}</span>
                  <span className="ov-incident-title">{tx(i.title)}</span>
                </Link>
                <span className="ov-incident-count">
                  {i.total === null ? <NotReported /> : <UnitValue value={i.total} unit="people" />}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Tile>
  );
};

type TCohorts = TRemediationStats | undefined;

/** Links to the incidents whose cohorts make up a purpose's totals: where the figure comes from. */
const IncidentLinks = ({
  cohorts,
  purpose,
}: {
  cohorts: TCohorts;
  purpose: "financial" | "notification";
}) => {
  const { t } = useI18n();
  if (!cohorts) return null;
  const seen = new Map<string, number>();
  for (const c of cohorts.cohorts) {
    if (c.purpose === purpose && c.parentId === null) seen.set(c.incidentId, c.incidentNumber);
  }
  if (seen.size === 0) return null;
  return (
    <p className="ov-links">
      <span className="ov-links-label">{t("overview.detailsIn")}</span>
      {[...seen].map(([id, n], i) => (
        <span key={id}>
          {i > 0 ? t("overview.listSeparator") : null}
          <Link to={`/incidents/${id}`}>{t("overview.incidentNumber", { n })}</Link>
        </span>
      ))}
    </p>
  );
};

const FinancialTile = ({ data, cohorts }: { data: TOverview; cohorts: TCohorts }) => {
  const { t, tx, f } = useI18n();
  const totals = data.remediation.financial;
  const completion = completionOf(totals);
  const unreported = (cohorts?.cohorts ?? []).filter(
    (c) => c.purpose === "financial" && c.parentId === null && c.notReported > 0,
  );
  return (
    <Tile title={t("overview.tileFinancial")} className="ov-tile-financial">
      <Figure label={t("overview.financialMembers")}>
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
              {unreported.length > 0 ? (
                <span className="ov-unreported-names">
                  {unreported.map((c) => (
                    <span key={c.cohortId}>
                      <Link to={`/incidents/${c.incidentId}`}>
                        {t("overview.incidentNumber", { n: c.incidentNumber })}
                      </Link>{" "}
                      {tx(c.label)}
                    </span>
                  ))}
                </span>
              ) : null}
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
      <IncidentLinks cohorts={cohorts} purpose="financial" />
    </Tile>
  );
};

/** "done of members" (with the share), 未報告 when nobody reported progress, or "none recorded". */
const CompletionValue = ({
  completion,
  withPercent = false,
}: {
  completion: TCompletion;
  withPercent?: boolean;
}) => {
  const { t, f } = useI18n();
  if (completion.kind === "none") return <span className="ov-none">{t("overview.noneRecorded")}</span>;
  if (completion.kind === "unknown") return <NotReported />;
  return (
    <>
      <span className="figure">{f.number(completion.done)}</span>
      <span className="ov-of">{t("overview.ofMembers", { n: f.people(completion.members) })}</span>
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
const CompletionBar = ({ totals }: { totals: TOverview["remediation"]["financial"] }) => {
  const pct = (n: number) => `${(n / totals.members) * 100}%`;
  return (
    <div className="ov-bar" aria-hidden="true">
      <span className="ov-bar-done" style={{ width: pct(totals.done) }} />
      <span className="ov-bar-remaining" style={{ width: pct(totals.remaining) }} />
      <span className="ov-bar-unknown" style={{ width: pct(totals.notReported) }} />
    </div>
  );
};

const NotificationTile = ({ data, cohorts }: { data: TOverview; cohorts: TCohorts }) => {
  const { t, f } = useI18n();
  const totals = data.remediation.notification;
  const completion = completionOf(totals);
  return (
    <Tile title={t("overview.tileNotification")} className="ov-tile-notification">
      <Figure label={t("overview.notificationDone")}>
        <CompletionValue completion={completion} />
      </Figure>
      {completion.kind !== "none" ? (
        <Figure label={t("overview.notificationTarget")} size="medium">
          <UnitValue value={totals.members} unit="people" />
        </Figure>
      ) : null}
      {completion.kind === "unknown" ? (
        <p className="ov-note">{t("overview.notificationUnknownNote")}</p>
      ) : completion.kind === "known" && completion.notReported > 0 ? (
        <p className="ov-note">
          <NotReported /> {t("overview.unreportedProgress", { n: f.people(completion.notReported) })}
        </p>
      ) : null}
      <IncidentLinks cohorts={cohorts} purpose="notification" />
    </Tile>
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
            <Link to="/commitments?overdue=true">{count(c.overdue)}</Link>
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

/** Where the numbers come from: the association's notice and the documents it cites. */
const SourcesNote = () => {
  const { t, tx } = useI18n();
  const docs = useQuery(referenceQueries.documents());
  const notice = docs.data?.items.find((d) => d.kind === "organisation_notice");
  return (
    <p className="ov-sources">
      <span className="source-label">{t("common.source")}: </span>
      {notice ? (
        <>
          <Link to={`/documents/${notice.id}`}>
            {t("overview.sourceNotice", { label: tx(notice.label), title: tx(notice.title) })}
          </Link>
          {t("overview.sourcesAnd")}
        </>
      ) : null}
      <Link to="/documents">{t("overview.sourcesAll")}</Link>
      {t("overview.sourcesTail")}
    </p>
  );
};
