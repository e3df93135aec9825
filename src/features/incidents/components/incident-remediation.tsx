import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table";
import { FigureValue, NumberValue } from "@/components/figure-value";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import { sourceColumn } from "@/components/source-column";
import { SourceRef } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { catalogText } from "@/lib/catalog-text";
import type { TCohort, TCohortPurpose, TCohortStatus, TProgressEvent } from "@/shared/schemas/cohort";
import type { TText } from "@/shared/schemas/common";
import type { TIncident } from "@/shared/schemas/incident";
import type { TCohortCompletion, TRemediationTotals } from "@/shared/schemas/stats";
import { exactValue } from "@/shared/values";
import { incidentQueries } from "../api/queries";
import { AddCohort, CohortEditing } from "./cohort-editing";
import { useOrganisationWords } from "./use-organisation-words";

type TJoined = { cohort: TCohort; stats: TCohortCompletion | null; children: TJoined[] };

/** The word for people a group has dealt with: money is put right (是正済み), letters are sent (送付済み). */
export const doneKey = (purpose: TCohortPurpose): TPlainKey =>
  purpose === "notification" ? "incidents.cohortSent" : "incidents.cohortDone";

/** What the record does not say about a group, in the record's own words where it has them. */
const missingOf = (c: TJoined): { key: string; who: TText | null; what: TText }[] => {
  const out: { key: string; who: TText | null; what: TText }[] = [];
  const own = c.cohort;
  if (own.people.status === "not_reported")
    out.push({ key: `${own.id}-m`, who: null, what: own.people.missing });
  if (own.amountPerPersonYen?.status === "not_reported")
    out.push({ key: `${own.id}-a`, who: null, what: own.amountPerPersonYen.missing });
  for (const p of own.progress)
    if (p.doneCount.status === "not_reported") out.push({ key: p.id, who: null, what: p.doneCount.missing });
  if (c.stats && c.stats.done === null && c.stats.people !== null)
    out.push({
      key: `${own.id}-p`,
      who: null,
      what: catalogText(
        own.purpose === "notification" ? "incidents.missingSent" : "incidents.missingProgress",
      ),
    });
  for (const child of c.children)
    for (const m of missingOf(child)) out.push({ ...m, key: m.key, who: m.who ?? child.cohort.label });
  return out;
};

/**
 * The groups to put right or to tell, each with its population and its purpose's own words, their
 * reported progress and status, the API's totals per purpose and population; and, for editors, adding a
 * group — also the first one of an incident that has none yet.
 */
export const IncidentRemediation = ({ incident }: { incident: TIncident }) => {
  const { t } = useI18n();
  const cohorts = useQuery(incidentQueries.cohorts(incident.id));
  const stats = useQuery(incidentQueries.remediation(incident.id));
  return (
    <section className="panel incident-section" aria-labelledby="remediation-title">
      <h2 id="remediation-title">{t("incidents.sectionRemediation")}</h2>
      <QueryState query={cohorts} minHeight="var(--inc-remediation-height)">
        {(list) => (
          <QueryState query={stats} minHeight="var(--inc-remediation-height)">
            {(s) => {
              const byId = new Map(s.cohorts.map((c) => [c.cohortId, c]));
              const join = (c: TCohort): TJoined => ({
                cohort: c,
                stats: byId.get(c.id) ?? null,
                children: list.items.filter((k) => k.parentId === c.id).map(join),
              });
              const top = list.items.filter((c) => c.parentId === null).map(join);
              return (
                <>
                  {top.length === 0 ? <p>{t("incidents.remediationNone")}</p> : null}
                  {s.totals.map((row) => (
                    <Totals
                      key={`${row.purpose}:${row.populationId}`}
                      row={row}
                      groups={top.filter(
                        (c) => c.cohort.purpose === row.purpose && c.cohort.populationId === row.populationId,
                      )}
                    />
                  ))}
                  {top.map((c) => (
                    <CohortCard key={c.cohort.id} joined={c} siblings={list.items} />
                  ))}
                  <AddCohort incident={incident} cohorts={list.items} />
                </>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </section>
  );
};

/**
 * The API's totals of one purpose and population, shown where there is something to add (two groups or
 * more): money in people and yen, letters in people only. A yen total no group can give is 未報告, not 0.
 */
const Totals = ({ row, groups }: { row: TRemediationTotals; groups: TJoined[] }) => {
  const { t, f } = useI18n();
  const words = useOrganisationWords();
  if (groups.length < 2) return null;
  const people = words.population(row.populationId);
  const noDone = groups.every((g) => g.stats?.done == null);
  const noOwed = groups.every((g) => g.stats?.owedYen == null);
  const noDoneYen = groups.every((g) => g.stats?.doneYen == null);
  const financial = row.purpose === "financial";
  return (
    <div className="remediation-totals">
      <h3>{t(financial ? "incidents.totalsFinancial" : "incidents.totalsNotification", { people })}</h3>
      <dl className="stat-row">
        <Stat label={t("incidents.cohortPeople")}>
          {groups.some((g) => g.stats?.people == null) ? (
            <NotReported />
          ) : (
            <NumberValue value={row.people} unit="people" />
          )}
        </Stat>
        <Stat label={t(doneKey(row.purpose))}>
          {noDone ? <NotReported /> : <NumberValue value={row.done} unit="people" />}
          {row.notReported > 0 && !noDone ? (
            <span className="stat-sub">
              {t("incidents.notReportedCount", { n: f.people(row.notReported) })}
            </span>
          ) : null}
        </Stat>
        {financial ? (
          <>
            <Stat label={t("incidents.cohortOwed")}>
              {noOwed ? (
                <NotReported />
              ) : (
                <Derived value={row.owedYen} formula={t("incidents.owedFormula")} />
              )}
              {row.peopleWithUnknownAmount > 0 && !noOwed ? (
                <span className="stat-sub">
                  {t("incidents.unknownAmountNote", { n: f.people(row.peopleWithUnknownAmount) })}
                </span>
              ) : null}
            </Stat>
            <Stat label={t("incidents.cohortDoneYen")}>
              {noDoneYen ? (
                <NotReported />
              ) : (
                <Derived value={row.doneYen} formula={t("incidents.doneYenFormula")} />
              )}
            </Stat>
          </>
        ) : null}
      </dl>
    </div>
  );
};

const Stat = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="stat">
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

/** A yen figure the API derived (people × amount): tagged like the record's own derived figures. */
const Derived = ({ value, formula }: { value: number; formula: string }) => {
  const { t, f } = useI18n();
  return (
    <span className="figure figure-derived" title={t("common.derivedTitle", { formula })}>
      {f.yen(value)} <span className="figure-tag">{t("common.derived")}</span>
    </span>
  );
};

const methodsText = (cohort: TCohort, t: (key: TPlainKey) => string) =>
  cohort.methods.map((m) => t(`domain.method.${m}`)).join(t("incidents.listSeparator"));

const CohortCard = ({ joined, siblings }: { joined: TJoined; siblings: readonly TCohort[] }) => {
  const { t, tx, f } = useI18n();
  const words = useOrganisationWords();
  const { cohort, stats, children } = joined;
  const money = cohort.purpose === "financial" && cohort.amountPerPersonYen !== null;
  const missing = missingOf(joined);
  return (
    <article className={`cohort cohort-purpose-${cohort.purpose}`} aria-labelledby={`cohort-${cohort.id}`}>
      <header className="cohort-head">
        <h3 id={`cohort-${cohort.id}`}>{tx(cohort.label)}</h3>
        <span className={`status-chip cohort-${cohort.status}`}>
          {t(`domain.cohortStatus.${cohort.status}`)}
        </span>
        <span className="figure-tag">{t(`domain.purpose.${cohort.purpose}`)}</span>
        <span className="cohort-population">
          {t("incidents.cohortPopulation", { people: words.population(cohort.populationId) })}
        </span>
        <SourceRef source={cohort.statusSource} />
      </header>
      <dl className="stat-row">
        <Stat label={t("incidents.cohortPeople")}>
          <FigureValue figure={cohort.people} unit="people" />
        </Stat>
        <Stat label={t("incidents.cohortMethods")}>{methodsText(cohort, t)}</Stat>
        {cohort.purpose === "financial" ? (
          <Stat label={t("incidents.cohortAmount")}>
            {cohort.amountPerPersonYen ? (
              <FigureValue figure={cohort.amountPerPersonYen} unit="yen" />
            ) : (
              t("incidents.noMoney")
            )}
          </Stat>
        ) : null}
        {money ? (
          <Stat label={t("incidents.cohortOwed")}>
            {stats?.owedYen == null ? (
              <NotReported />
            ) : (
              <Derived value={stats.owedYen} formula={t("incidents.owedFormula")} />
            )}
          </Stat>
        ) : null}
        <Stat label={t(doneKey(cohort.purpose))}>
          <NumberValue value={stats?.done ?? null} unit="people" />
          {stats?.remaining ? (
            <span className="stat-sub">{t("incidents.remaining", { n: f.people(stats.remaining) })}</span>
          ) : null}
        </Stat>
        {money ? (
          <Stat label={t("incidents.cohortDoneYen")}>
            {stats?.doneYen == null ? (
              <NotReported />
            ) : (
              <Derived value={stats.doneYen} formula={t("incidents.doneYenFormula")} />
            )}
          </Stat>
        ) : null}
        <Stat label={t("incidents.lastReport")}>
          {stats?.lastReportDate ? f.date(stats.lastReportDate) : <NotReported />}
        </Stat>
      </dl>
      <Progress cohort={cohort} />
      <CohortEditing cohort={cohort} siblings={siblings} />
      {children.length > 0 ? <SubCohorts parent={cohort} items={children} /> : null}
      {children.map((c) => (
        <CohortEditing key={c.cohort.id} cohort={c.cohort} siblings={siblings} named />
      ))}
      {missing.length > 0 ? (
        <div className="cohort-missing">
          <h4>{t("incidents.missingTitle")}</h4>
          <ul>
            {missing.map((m) => (
              <li key={m.key}>
                {m.who ? `${tx(m.who)}: ` : null}
                {tx(m.what)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
};

const Progress = ({ cohort }: { cohort: TCohort }) => {
  const { t, tx, f } = useI18n();
  const status = (s: TCohortStatus) => t(`domain.cohortStatus.${s}`);
  const change = (p: TProgressEvent) =>
    p.statusChange
      ? t("incidents.statusChange", { from: status(p.statusChange.from), to: status(p.statusChange.to) })
      : "";
  if (cohort.progress.length === 0) {
    return (
      <p className="cohort-progress-none">
        {t(cohort.purpose === "notification" ? "incidents.progressNoneSent" : "incidents.progressNone")}
      </p>
    );
  }
  return (
    <DataTable<TProgressEvent>
      caption={t("incidents.progressCaption", { label: tx(cohort.label) })}
      rows={cohort.progress}
      rowKey={(p) => p.id}
      csvName={`${cohort.id}-progress`}
      columns={[
        {
          key: "date",
          header: t("incidents.colDate"),
          render: (p) => <span className="nowrap">{f.date(p.date)}</span>,
          csv: (p) => p.date,
        },
        {
          key: "done",
          header: t(cohort.purpose === "notification" ? "incidents.colSentCount" : "incidents.colDoneCount"),
          align: "end",
          render: (p) => <FigureValue figure={p.doneCount} unit="people" />,
          csv: (p) => exactValue(p.doneCount) ?? t("common.notReported"),
        },
        {
          key: "status",
          header: t("incidents.colStatusChange"),
          render: (p) => change(p) || <span aria-hidden="true">—</span>,
          csv: change,
        },
        {
          key: "note",
          header: t("incidents.colNote"),
          render: (p) => (p.note ? tx(p.note) : null),
          csv: (p) => (p.note ? tx(p.note) : ""),
        },
        sourceColumn(t("common.source"), (p: TProgressEvent) => p.source),
      ]}
    />
  );
};

const SubCohorts = ({ parent, items }: { parent: TCohort; items: TJoined[] }) => {
  const { t, tx } = useI18n();
  const unreported = items.filter((c) => c.cohort.people.status === "not_reported").length;
  return (
    <div className="sub-cohorts">
      <DataTable<TJoined>
        caption={t("incidents.subCohortsCaption", { label: tx(parent.label) })}
        rows={items}
        rowKey={(c) => c.cohort.id}
        csvName={`${parent.id}-split`}
        columns={[
          {
            key: "label",
            header: t("incidents.colGroup"),
            render: (c) => tx(c.cohort.label),
            csv: (c) => tx(c.cohort.label),
          },
          {
            key: "people",
            header: t("incidents.colPeople"),
            align: "end",
            render: (c) => <FigureValue figure={c.cohort.people} unit="people" />,
            csv: (c) => exactValue(c.cohort.people) ?? t("common.notReported"),
          },
          {
            key: "methods",
            header: t("incidents.cohortMethods"),
            render: (c) => methodsText(c.cohort, t),
            csv: (c) => methodsText(c.cohort, t),
          },
          {
            key: "status",
            header: t("incidents.colStatus"),
            render: (c) => t(`domain.cohortStatus.${c.cohort.status}`),
            csv: (c) => t(`domain.cohortStatus.${c.cohort.status}`),
          },
          sourceColumn(t("common.source"), (c: TJoined) => c.cohort.people.source),
        ]}
      />
      {unreported > 0 ? <p className="split-note">{t("incidents.splitNotReported")}</p> : null}
    </div>
  );
};
