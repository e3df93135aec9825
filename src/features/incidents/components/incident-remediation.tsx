import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table";
import { FigureValue, NumberValue } from "@/components/figure-value";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import { sourceColumn } from "@/components/source-column";
import { SourceRef } from "@/components/source-ref";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { catalogText } from "@/lib/catalog-text";
import type { TCohort, TProgressEvent } from "@/shared/schemas/cohort";
import type { TText } from "@/shared/schemas/common";
import { exactValue } from "@/shared/schemas/common";
import type { TCohortCompletion } from "@/shared/schemas/stats";
import { incidentQueries } from "../api/queries";
import { AddCohort, CohortEditing } from "./cohort-editing";

type TJoined = { cohort: TCohort; stats: TCohortCompletion | null; children: TJoined[] };

/** Sum of the known values; null (未報告) when none is known, so an unknown total never reads as 0. */
const sumKnown = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
};

/** What the record does not say about a cohort, in the record's own words where it has them. */
const missingOf = (c: TJoined): { key: string; who: TText | null; what: TText }[] => {
  const out: { key: string; who: TText | null; what: TText }[] = [];
  const own = c.cohort;
  if (own.members.status === "not_reported")
    out.push({ key: `${own.id}-m`, who: null, what: own.members.missing });
  if (own.amountPerPersonYen?.status === "not_reported")
    out.push({ key: `${own.id}-a`, who: null, what: own.amountPerPersonYen.missing });
  for (const p of own.progress)
    if (p.doneCount.status === "not_reported") out.push({ key: p.id, who: null, what: p.doneCount.missing });
  if (c.stats && c.stats.done === null && c.stats.members !== null)
    out.push({ key: `${own.id}-p`, who: null, what: catalogText("incidents.missingProgress") });
  for (const child of c.children)
    for (const m of missingOf(child)) out.push({ ...m, key: m.key, who: m.who ?? child.cohort.label });
  return out;
};

export const IncidentRemediation = ({ incidentId }: { incidentId: string }) => {
  const { t } = useI18n();
  const cohorts = useQuery(incidentQueries.cohorts(incidentId));
  const stats = useQuery(incidentQueries.remediation(incidentId));
  return (
    <section className="panel incident-section" aria-labelledby="remediation-title">
      <h2 id="remediation-title">{t("incidents.sectionRemediation")}</h2>
      <QueryState
        query={cohorts}
        minHeight="var(--inc-remediation-height)"
        isEmpty={(d) => d.items.length === 0}
        empty={<p>{t("incidents.remediationNone")}</p>}
      >
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
                  <Totals top={top} />
                  {top.map((c) => (
                    <CohortCard key={c.cohort.id} joined={c} siblings={list.items} />
                  ))}
                  <AddCohort incidentId={incidentId} cohorts={list.items} />
                </>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </section>
  );
};

const Totals = ({ top }: { top: TJoined[] }) => {
  const { t, f } = useI18n();
  const financial = top.filter((c) => c.cohort.purpose === "financial");
  // With one cohort the card below already says it all; a total only helps when there is something to add up.
  if (financial.length < 2) return null;
  const members = sumKnown(financial.map((c) => c.stats?.members ?? null));
  const done = sumKnown(financial.map((c) => c.stats?.done ?? null));
  const owed = sumKnown(financial.map((c) => c.stats?.owedYen ?? null));
  const doneYen = sumKnown(financial.map((c) => c.stats?.doneYen ?? null));
  const notReported = financial.reduce((n, c) => n + (c.stats?.notReported ?? 0), 0);
  const unknownAmount = financial
    .filter((c) => c.cohort.amountPerPersonYen && exactValue(c.cohort.amountPerPersonYen) === null)
    .reduce((n, c) => n + (c.stats?.members ?? 0), 0);
  return (
    <div className="remediation-totals">
      <h3>{t("incidents.totalsTitle")}</h3>
      <dl className="stat-row">
        <Stat label={t("incidents.cohortMembers")}>
          <NumberValue value={members} unit="people" />
        </Stat>
        <Stat label={t("incidents.cohortDone")}>
          <NumberValue value={done} unit="people" />
          {notReported > 0 ? (
            <span className="stat-sub">{t("incidents.notReportedCount", { n: f.people(notReported) })}</span>
          ) : null}
        </Stat>
        <Stat label={t("incidents.cohortOwed")}>
          {owed === null ? <NotReported /> : <Derived value={owed} formula={t("incidents.owedFormula")} />}
          {unknownAmount > 0 && owed !== null ? (
            <span className="stat-sub">
              {t("incidents.unknownAmountNote", { n: f.people(unknownAmount) })}
            </span>
          ) : null}
        </Stat>
        <Stat label={t("incidents.cohortDoneYen")}>
          {doneYen === null ? (
            <NotReported />
          ) : (
            <Derived value={doneYen} formula={t("incidents.doneYenFormula")} />
          )}
        </Stat>
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

/** A yen figure computed here (members × amount): tagged like the record's own derived figures. */
const Derived = ({ value, formula }: { value: number; formula: string }) => {
  const { t, f } = useI18n();
  return (
    <span className="figure figure-derived" title={t("common.derivedTitle", { formula })}>
      {f.yen(value)} <span className="figure-tag">{t("common.derived")}</span>
    </span>
  );
};

const CohortCard = ({ joined, siblings }: { joined: TJoined; siblings: readonly TCohort[] }) => {
  const { t, tx, f } = useI18n();
  const { cohort, stats, children } = joined;
  const methods = cohort.methods
    .map((m) => t(`domain.method.${m}` as TMessageKey))
    .join(t("incidents.listSeparator"));
  const money = cohort.amountPerPersonYen !== null;
  const missing = missingOf(joined);
  return (
    <article className="cohort" aria-labelledby={`cohort-${cohort.id}`}>
      <header className="cohort-head">
        <h3 id={`cohort-${cohort.id}`}>{tx(cohort.label)}</h3>
        <span className={`status-chip cohort-${cohort.status}`}>
          {t(`domain.cohortStatus.${cohort.status}` as TMessageKey)}
        </span>
        <span className="figure-tag">{t(`domain.purpose.${cohort.purpose}` as TMessageKey)}</span>
        <SourceRef source={cohort.statusSource} />
      </header>
      <dl className="stat-row">
        <Stat label={t("incidents.cohortMembers")}>
          <FigureValue figure={cohort.members} unit="people" />
        </Stat>
        <Stat label={t("incidents.cohortMethods")}>{methods}</Stat>
        <Stat label={t("incidents.cohortAmount")}>
          {cohort.amountPerPersonYen ? (
            <FigureValue figure={cohort.amountPerPersonYen} unit="yen" />
          ) : (
            t("incidents.noMoney")
          )}
        </Stat>
        {money ? (
          <Stat label={t("incidents.cohortOwed")}>
            {stats?.owedYen == null ? (
              <NotReported />
            ) : (
              <Derived value={stats.owedYen} formula={t("incidents.owedFormula")} />
            )}
          </Stat>
        ) : null}
        <Stat label={t("incidents.cohortDone")}>
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
  if (cohort.progress.length === 0) {
    return <p className="cohort-progress-none">{t("incidents.progressNone")}</p>;
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
          header: t("incidents.colDoneCount"),
          align: "end",
          render: (p) => <FigureValue figure={p.doneCount} unit="people" />,
          csv: (p) => exactValue(p.doneCount) ?? t("common.notReported"),
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
  const unreported = items.filter((c) => c.cohort.members.status === "not_reported").length;
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
            key: "members",
            header: t("incidents.colMembers"),
            align: "end",
            render: (c) => <FigureValue figure={c.cohort.members} unit="people" />,
            csv: (c) => exactValue(c.cohort.members) ?? t("common.notReported"),
          },
          {
            key: "methods",
            header: t("incidents.cohortMethods"),
            render: (c) =>
              c.cohort.methods
                .map((m) => t(`domain.method.${m}` as TMessageKey))
                .join(t("incidents.listSeparator")),
            csv: (c) =>
              c.cohort.methods
                .map((m) => t(`domain.method.${m}` as TMessageKey))
                .join(t("incidents.listSeparator")),
          },
          {
            key: "status",
            header: t("incidents.colStatus"),
            render: (c) => t(`domain.cohortStatus.${c.cohort.status}` as TMessageKey),
            csv: (c) => t(`domain.cohortStatus.${c.cohort.status}` as TMessageKey),
          },
          sourceColumn(t("common.source"), (c: TJoined) => c.cohort.members.source),
        ]}
      />
      {unreported > 0 ? <p className="split-note">{t("incidents.splitNotReported")}</p> : null}
    </div>
  );
};
