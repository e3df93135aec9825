import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { BackLink } from "@/components/back-link";
import { DataTable, type TColumn } from "@/components/data-table";
import { EditorLink, SavedNotice } from "@/components/editor-link";
import { ImpactTotals } from "@/components/impact-totals";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { isNotFound } from "@/lib/not-found";
import { usePopulations } from "@/lib/population-counts";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TCase } from "@/shared/schemas/case";
import type { TIncidentSummary } from "@/shared/schemas/incident";
import type { TCaseLine, TRemediationTotals } from "@/shared/schemas/stats";
import { caseQueries } from "../api/queries";
import { CaseNotFound, CaseStatusChip, NextDeadline } from "./case-parts";
import "./cases.css";

/**
 * One remediation total in words: "会員: 40名/46名 是正済み" for money put right, "送付済み" for letters and
 * notices (never added to money), with the amounts for money and what is not reported.
 */
const RemediationLine = ({ total }: { total: TRemediationTotals }) => {
  const i18n = useI18n();
  const { t, f } = i18n;
  const populations = usePopulations(i18n);
  const population = populations.label(total.populationId) ?? total.populationId;
  const people = f.people(total.people);
  // Nothing reported of the whole group: not "0 put right", which nobody said.
  if (total.done === 0 && total.notReported >= total.people && total.people > 0) {
    return (
      <li className="case-remediation">
        {t("cases.remediationAllNotReported", { population, total: people })}
      </li>
    );
  }
  // The number done is bare: each language puts its own unit around it ("40名/46名", "40 of 46 people").
  const words = { population, done: f.number(total.done), total: people };
  return (
    <li className="case-remediation">
      {total.purpose === "financial"
        ? t("cases.remediationFinancial", words)
        : t("cases.remediationNotification", words)}
      {total.purpose === "financial" && total.owedYen > 0 ? (
        <span className="case-sub">
          {t("cases.remediationYen", { done: f.yen(total.doneYen), owed: f.yen(total.owedYen) })}
          {total.peopleWithUnknownAmount > 0 ? ` ${t("cases.remediationYenFloor")}` : null}
        </span>
      ) : null}
      {total.notReported > 0 ? (
        <span className="case-sub">
          {t("cases.remediationNotReported", { n: f.people(total.notReported) })}
        </span>
      ) : null}
    </li>
  );
};

/** The case's portfolio line as figures: affected, remediation, open commitments, next deadline. */
const CaseFigures = ({ line }: { line: TCaseLine }) => {
  const { t, f } = useI18n();
  return (
    <dl className="case-figures">
      <div className="case-figure tile">
        <dt>{t("cases.figAffected")}</dt>
        <dd>
          <ImpactTotals totals={line.affected} outside={line.outside} />
        </dd>
      </div>
      <div className="case-figure tile">
        <dt>{t("cases.figRemediation")}</dt>
        <dd>
          {line.remediation.length === 0 ? (
            t("cases.figRemediationNone")
          ) : (
            <ul className="case-remediations">
              {line.remediation.map((r) => (
                <RemediationLine key={`${r.purpose}:${r.populationId}`} total={r} />
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="case-figure tile">
        <dt>{t("cases.figCommitments")}</dt>
        <dd>
          <span className="case-figure-number">
            {t("cases.commitmentsOpen", { n: f.number(line.openCommitments) })}
          </span>
          {line.overdueCommitments > 0 ? (
            <span className="case-sub case-overdue-text">
              {t("cases.commitmentsOverdue", { n: f.number(line.overdueCommitments) })}
            </span>
          ) : null}
        </dd>
      </div>
      <div className="case-figure tile">
        <dt>{t("cases.figNextDeadline")}</dt>
        <dd>
          <NextDeadline deadline={line.nextDeadline} />
        </dd>
      </div>
    </dl>
  );
};

const CaseIncidents = ({ caseId }: { caseId: string }) => {
  const i18n = useI18n();
  const { t, tx, f } = i18n;
  const id = useId();
  const names = useReferenceNames("vendors");
  const vendors = useQuery(referenceQueries.vendors());
  const populations = usePopulations(i18n);
  const query = useQuery(caseQueries.incidents(caseId));
  const vendorList = (r: TIncidentSummary) => r.vendorIds.map(names.vendor).join(t("cases.listSeparator"));
  const columns: TColumn<TIncidentSummary>[] = [
    {
      key: "number",
      header: t("cases.colNumber"),
      render: (r) => <span className="nowrap">{t("cases.incidentNumber", { n: r.number })}</span>,
      csv: (r) => r.number,
    },
    {
      key: "title",
      header: t("cases.colIncident"),
      render: (r) => <Link to={`/incidents/${r.id}`}>{tx(r.title)}</Link>,
      csv: (r) => tx(r.title),
    },
    {
      key: "category",
      header: t("cases.colCategory"),
      render: (r) => t(`domain.category.${r.category}`),
      csv: (r) => t(`domain.category.${r.category}`),
    },
    { key: "vendors", header: t("cases.colVendors"), render: vendorList, csv: vendorList },
    {
      key: "firstDate",
      header: t("cases.colFirstDate"),
      render: (r) => (
        <span className="nowrap">{r.firstDate ? f.date(r.firstDate) : t("cases.dateUnknown")}</span>
      ),
      csv: (r) => r.firstDate ?? "",
    },
    {
      key: "affected",
      header: t("cases.colAffected"),
      render: (r) => <ImpactTotals totals={r.affected} />,
      csv: (r) => r.affected.map(populations.total).join(t("cases.listSeparator")),
    },
    {
      key: "status",
      header: t("cases.colStatus"),
      render: (r) => (
        <span className={`status-chip status-${r.status}`}>{t(`domain.incidentStatus.${r.status}`)}</span>
      ),
      csv: (r) => t(`domain.incidentStatus.${r.status}`),
    },
  ];
  return (
    <section className="case-section" aria-labelledby={`${id}-incidents`}>
      <div className="case-section-head">
        <h2 id={`${id}-incidents`}>{t("cases.incidentsTitle")}</h2>
        <EditorLink to={`/incidents/new?caseId=${encodeURIComponent(caseId)}`}>
          {t("cases.addIncident")}
        </EditorLink>
      </div>
      <QueryState
        query={query}
        waitFor={[vendors, populations.query]}
        minHeight="8rem"
        isEmpty={(d) => d.items.length === 0}
        empty={<p>{t("cases.incidentsEmpty")}</p>}
      >
        {(data) => (
          <DataTable
            caption={t("cases.incidentsCaption", { count: f.number(data.total) })}
            captionHidden
            rows={data.items}
            columns={columns}
            rowKey={(r) => r.id}
            csvName={`case-${caseId}-incidents`}
          />
        )}
      </QueryState>
    </section>
  );
};

const CaseBody = ({ aCase }: { aCase: TCase }) => {
  const i18n = useI18n();
  const { t, tx, f } = i18n;
  const id = useId();
  const names = useReferenceNames("vendors");
  const populations = usePopulations(i18n);
  const figures = useQuery(caseQueries.figures(aCase.id));
  const scoped = encodeURIComponent(aCase.id);
  return (
    <article className="case-page">
      <BackLink to="/cases" label={t("cases.backToList")} />
      <PageHeader
        title={tx(aCase.title)}
        lead={
          <>
            <p className="case-status-line">
              <CaseStatusChip status={aCase.status} />
            </p>
            <p>
              {aCase.summary ? (
                tx(aCase.summary)
              ) : (
                <span className="case-none">{t("cases.summaryNone")}</span>
              )}
            </p>
            {figures.data?.line && figures.data.line.vendorIds.length > 0 ? (
              <p>
                <span className="page-meta-label">{t("cases.vendorsLabel")}</span>
                {figures.data.line.vendorIds.map(names.vendor).join(t("cases.listSeparator"))}
              </p>
            ) : null}
          </>
        }
        actions={
          <>
            <EditorLink to={`/cases/${scoped}/edit`}>{t("cases.edit")}</EditorLink>
            <PrintButton />
          </>
        }
      />
      <SavedNotice />
      {/* A case with no incident yet has nothing to show on a scoped overview. */}
      {figures.data?.line ? (
        <nav className="case-links no-print" aria-label={t("cases.linksTitle")}>
          <Link className="button button-secondary" to={`/?caseId=${scoped}`}>
            {t("cases.linkOverview")}
          </Link>
          <Link className="button button-secondary" to={`/?caseId=${scoped}#deadlines`}>
            {t("cases.linkDeadlines")}
          </Link>
        </nav>
      ) : null}
      <section className="case-section" aria-labelledby={`${id}-figures`}>
        <h2 id={`${id}-figures`}>
          {t("cases.figuresTitle")}
          {figures.data ? (
            <span className="case-asof">{t("cases.figuresAsOf", { date: f.date(figures.data.asOf) })}</span>
          ) : null}
        </h2>
        <QueryState query={figures} waitFor={[populations.query]} minHeight="9rem">
          {(data) => (data.line ? <CaseFigures line={data.line} /> : <p>{t("cases.figIncidentsNone")}</p>)}
        </QueryState>
      </section>
      <CaseIncidents caseId={aCase.id} />
    </article>
  );
};

/** /cases/:caseId: the case, its figures (computed once, by the API), its incidents, and scoped views. */
export const CaseDetail = ({ caseId }: { caseId: string }) => {
  const query = useQuery(caseQueries.detail(caseId));
  if (isNotFound(query.error)) return <CaseNotFound caseId={caseId} />;
  return (
    <QueryState query={query} minHeight="30rem">
      {(aCase) => <CaseBody aCase={aCase} />}
    </QueryState>
  );
};
