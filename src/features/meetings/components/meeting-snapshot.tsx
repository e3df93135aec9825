import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { BackLink } from "@/components/back-link";
import { DataTable, type TColumn } from "@/components/data-table";
import { FigureValue } from "@/components/figure-value";
import { NotFoundSection } from "@/components/not-found-section";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { formatMoment } from "@/i18n/format";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import { DEADLINE_STATE_ORDER } from "@/shared/deadlines";
import type { TDeadline, TDeadlineRule, TDeadlineState } from "@/shared/schemas/deadline";
import type { TImpactTotal } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";
import type { TDayCounting } from "@/shared/schemas/settings";
import type { TMeetingSnapshot } from "@/shared/schemas/snapshot";
import { meetingQueries } from "../api/queries";
import { useFigureLabel } from "./meeting-changes-figures";
import { ExcludedNote } from "./meeting-excluded";
import "./meetings.css";

/**
 * /meetings/:meetingId/snapshot — what the board was shown at a closed meeting: the figures as of the
 * meeting day (people and records, each population and purpose apart; figures from outside the record
 * beside, never in the totals) and the deadlines with whose duty each was, exactly as frozen when the
 * meeting was closed (later edits of the record never change them), and how much the record held dated
 * after the day and left out.
 */
export const MeetingSnapshotView = ({ meetingId }: { meetingId: string }) => {
  const { t } = useI18n();
  const meeting = useQuery(meetingQueries.detail(meetingId));
  const snapshot = useQuery({ ...meetingQueries.snapshot(meetingId), enabled: meeting.data?.closed != null });
  // The frozen figures are named (populations, vendors): the page appears once those names are in.
  const organisation = useQuery(referenceQueries.organisation());
  const vendors = useQuery(referenceQueries.vendors());
  if (isNotFound(meeting.error)) {
    return (
      <NotFoundSection
        title={t("meetings.notFoundTitle")}
        body={t("meetings.notFoundBody", { id: meetingId })}
        backTo="/meetings"
        backLabel={t("meetings.backToList")}
      />
    );
  }
  return (
    <QueryState query={meeting} minHeight="30rem">
      {(m) =>
        m.closed ? (
          <QueryState query={snapshot} waitFor={[organisation, vendors]} minHeight="30rem">
            {(s) => <SnapshotPage meeting={m} snapshot={s} />}
          </QueryState>
        ) : (
          <NotFoundSection
            title={t("meetings.snapshotNotClosedTitle")}
            body={t("meetings.snapshotNotClosedBody")}
            backTo={`/meetings/${m.id}`}
            backLabel={t("meetings.backToMeeting")}
          />
        )
      }
    </QueryState>
  );
};

// Records over the enums: a new rule or state fails the type check until it has words.
export const STATE_LABEL: Record<TDeadlineState, TPlainKey> = {
  met: "meetings.dlState_met",
  late: "meetings.dlState_late",
  overdue: "meetings.dlState_overdue",
  due_soon: "meetings.dlState_due_soon",
  upcoming: "meetings.dlState_upcoming",
  not_reported: "meetings.dlState_not_reported",
  done_no_due: "meetings.dlState_done_no_due",
};

// The organisation's own filing missing from the record is 未記録: no vendor was to report it.
const stateLabel = (d: { state: TDeadlineState; owner: string }): TPlainKey =>
  d.state === "not_reported" && d.owner === "organisation"
    ? "meetings.dlState_not_recorded"
    : STATE_LABEL[d.state];

export const RULE_LABEL: Record<TDeadlineRule, TPlainKey> = {
  APPI_PRELIM: "meetings.dlRule_APPI_PRELIM",
  APPI_FINAL: "meetings.dlRule_APPI_FINAL",
  APPI_NOTICE: "meetings.dlRule_APPI_NOTICE",
  INS_FSA_LEAK: "meetings.dlRule_INS_FSA_LEAK",
  FSA_PLAN: "meetings.dlRule_FSA_PLAN",
  BOARD_REPORT: "meetings.dlRule_BOARD_REPORT",
  VENDOR_PROMISE: "meetings.dlRule_VENDOR_PROMISE",
};

const DAY_COUNTING_LABEL: Record<TDayCounting, TPlainKey> = {
  exclude_first_day: "meetings.dayCounting_exclude_first_day",
  include_first_day: "meetings.dayCounting_include_first_day",
};

/** Whose duty a frozen deadline was: the organisation itself, or every vendor it names. */
const useDeadlineOwner = () => {
  const { t } = useI18n();
  const names = useReferenceNames("organisation", "vendors");
  const organisation = useQuery(referenceQueries.organisation());
  return (d: TDeadline) =>
    d.owner === "organisation"
      ? organisation.data
        ? names.party(organisation.data.id)
        : t("meetings.dlOwnerOrganisation")
      : d.vendorIds.map(names.vendor).join(t("meetings.nameSeparator")) || t("meetings.dlOwnerVendor");
};

const SnapshotPage = ({ meeting, snapshot }: { meeting: TMeeting; snapshot: TMeetingSnapshot }) => {
  const { t, tx, f, lang } = useI18n();
  const id = useId();
  const labels = useFigureLabel();
  const owner = useDeadlineOwner();
  const o = snapshot.overview;
  const d = snapshot.deadlines;
  const deadlines = [...d.items].sort(
    (a, b) =>
      DEADLINE_STATE_ORDER.indexOf(a.state) - DEADLINE_STATE_ORDER.indexOf(b.state) ||
      (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"),
  );
  const caseTitle = (caseId: string) => {
    const c = snapshot.record.cases.find((x) => x.id === caseId);
    return c ? tx(c.title) : caseId;
  };
  const amount = (value: number, unit: "people" | "records") =>
    unit === "people" ? f.people(value) : f.records(value);
  const totalText = (total: TImpactTotal) =>
    total.confirmedNone
      ? t("common.confirmedNone")
      : total.complete
        ? amount(total.value, total.unit)
        : t("meetings.figAtLeast", { n: amount(total.value, total.unit) });
  const totalsLine = (totals: TImpactTotal[]) =>
    totals
      .map(
        (total) =>
          `${labels.label({ kind: "affected", unit: total.unit, populationId: total.populationId })} ${totalText(total)}`,
      )
      .join(t("meetings.nameSeparator"));
  const deadlineColumns: TColumn<TDeadline>[] = [
    {
      key: "label",
      header: t("meetings.dlColWhat"),
      render: (x) => (
        <span className="snapshot-dl-what">
          <strong>{t(RULE_LABEL[x.rule])}</strong>
          <span>{tx(x.label)}</span>
        </span>
      ),
      csv: (x) => `${t(RULE_LABEL[x.rule])}: ${tx(x.label)}`,
    },
    {
      key: "owner",
      header: t("meetings.dlColOwner"),
      render: (x) => (
        <span className="snapshot-dl-owner">
          <span className="snapshot-dl-owner-kind">
            {x.owner === "organisation" ? t("meetings.dlOwnerOrganisation") : t("meetings.dlOwnerVendor")}
          </span>
          {x.owner === "vendor" ? <span>{owner(x)}</span> : null}
        </span>
      ),
      csv: (x) => (x.owner === "vendor" ? owner(x) : t("meetings.dlOwnerOrganisation")),
    },
    {
      key: "due",
      header: t("meetings.dlColDue"),
      render: (x) =>
        x.dueDate ? (
          <span className="nowrap">
            {f.date(x.dueDate)}
            {x.guideline ? <span className="figure-tag">{t("meetings.dlGuideline")}</span> : null}
          </span>
        ) : (
          // The rule fixes no day ("promptly"): not a date the vendor failed to report.
          <span className="figure-unavailable">{t("meetings.dlNoDueDate")}</span>
        ),
      csv: (x) => x.dueDate ?? t("meetings.dlNoDueDate"),
    },
    {
      key: "state",
      header: t("meetings.dlColState"),
      render: (x) => <span className={`deadline-state deadline-${x.state}`}>{t(stateLabel(x))}</span>,
      csv: (x) => t(stateLabel(x)),
    },
    {
      key: "done",
      header: t("meetings.dlColDone"),
      render: (x) => (x.doneDate ? <span className="nowrap">{f.date(x.doneDate)}</span> : "—"),
      csv: (x) => x.doneDate ?? "",
    },
    {
      key: "basis",
      header: t("meetings.dlColRule"),
      // As the API gave it that day (the law of the organisation's legal form, the guideline, the order).
      render: (x) => <span className="snapshot-dl-basis">{tx(x.basis)}</span>,
      csv: (x) => tx(x.basis),
    },
  ];
  return (
    <article className="meeting-page meeting-snapshot">
      <BackLink to={`/meetings/${meeting.id}`} label={t("meetings.backToMeeting")} />
      <PageHeader
        title={t("meetings.snapshotTitle", { title: tx(meeting.title) })}
        lead={
          <div className="frozen-lead">
            <p>
              <span className="frozen-tag">{t("meetings.tagFrozen")}</span>{" "}
              {t("meetings.snapshotAsOf", { date: f.date(snapshot.asOf) })}
            </p>
            <p className="page-meta">
              {t("meetings.snapshotTaken", {
                at: formatMoment(snapshot.takenAt, lang),
                by: snapshot.takenByName,
              })}
            </p>
            <ExcludedNote excluded={snapshot.excluded} date={snapshot.asOf} />
          </div>
        }
        actions={<PrintButton />}
      />

      <section className="panel meeting-section" aria-labelledby={`${id}-figures`}>
        <h2 id={`${id}-figures`}>{t("meetings.snapshotFigures")}</h2>
        <dl className="snapshot-tiles">
          <div className="tile">
            <dt>{t("meetings.figIncidents")}</dt>
            <dd>
              <span className="num">
                {t("meetings.countOpenOf", {
                  open: f.number(o.incidents.open),
                  n: f.number(o.incidents.total),
                })}
              </span>
            </dd>
          </div>
          {o.affected.totals.map((total) => (
            <div className="tile" key={`${total.unit}:${total.populationId ?? ""}`}>
              <dt>
                {labels.label({ kind: "affected", unit: total.unit, populationId: total.populationId })}
              </dt>
              <dd>
                <span className="num">{totalText(total)}</span>
                {!total.complete && !total.confirmedNone ? (
                  <span className="not-reported-part">{t("meetings.figPartlyNotReported")}</span>
                ) : null}
              </dd>
            </div>
          ))}
          {o.remediation.map((r) => (
            <div className="tile" key={`${r.purpose}:${r.populationId}`}>
              <dt>
                {labels.label({ kind: "remediation", purpose: r.purpose, populationId: r.populationId })}
              </dt>
              <dd>
                <span className="num">
                  {/* Nothing reported for any of them is 未報告, never "0 done". */}
                  {r.people > 0 && r.notReported >= r.people ? <NotReported /> : f.number(r.done)} /{" "}
                  {f.people(r.people)}
                </span>
                {r.notReported > 0 && r.notReported < r.people ? (
                  <span className="not-reported-part">
                    {t("meetings.figNotReportedPart", { n: f.people(r.notReported) })}
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
          <div className="tile">
            <dt>{t("meetings.figCommitments")}</dt>
            <dd className="tile-lines">
              <span>{t("meetings.figCommitmentsOpenN", { n: f.number(o.commitments.open) })}</span>
              <span>
                {t("meetings.figCommitmentsReportedN", { n: f.number(o.commitments.vendorReportedDone) })}
              </span>
              <span>{t("meetings.figCommitmentsVerifiedN", { n: f.number(o.commitments.verified) })}</span>
              <span>{t("meetings.figCommitmentsOverdueN", { n: f.number(o.commitments.overdue) })}</span>
            </dd>
          </div>
          <div className="tile">
            <dt>{t("meetings.figDeadlines")}</dt>
            <dd className="tile-lines">
              <span>{t("meetings.figDeadlinesOverdueN", { n: f.number(d.counts.overdue) })}</span>
              <span>
                {t("meetings.figDeadlinesSoonN", { n: f.number(d.counts.dueSoon), days: d.withinDays })}
              </span>
              <span>{t("meetings.figDeadlinesNotReportedN", { n: f.number(d.counts.notReported) })}</span>
            </dd>
          </div>
        </dl>
        {o.affected.outside.length > 0 ? (
          <div className="snapshot-outside">
            <p className="snapshot-outside-title">{t("meetings.snapshotOutsideTitle")}</p>
            <ul>
              {o.affected.outside.map((x) => {
                const incident = o.affected.byIncident.find((i) => i.incidentId === x.incidentId);
                return (
                  <li key={x.impactId}>
                    {incident ? `${t("meetings.incidentNumber", { n: incident.number })} ` : null}
                    <FigureValue figure={x.count} unit={x.unit} /> <OutsideMark />
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {o.portfolio.length > 1 ? (
          <DataTable
            caption={t("meetings.snapshotCasesCaption", { date: f.date(snapshot.asOf) })}
            rows={o.portfolio}
            rowKey={(c) => c.caseId}
            csvName={`meeting-${meeting.id}-snapshot-cases`}
            columns={[
              {
                key: "case",
                header: t("meetings.colCase"),
                render: (c) => tx(c.title),
                csv: (c) => tx(c.title),
              },
              {
                key: "incidents",
                header: t("meetings.figIncidents"),
                align: "end",
                render: (c) =>
                  t("meetings.countOpenOf", { open: f.number(c.openIncidents), n: f.number(c.incidents) }),
                csv: (c) => `${c.openIncidents}/${c.incidents}`,
              },
              {
                key: "affected",
                header: t("meetings.snapshotAffectedCol"),
                render: (c) => totalsLine(c.affected) || "—",
                csv: (c) => totalsLine(c.affected),
              },
              {
                key: "commitments",
                header: t("meetings.colCommitmentsOpen"),
                align: "end",
                render: (c) => f.number(c.openCommitments),
                csv: (c) => c.openCommitments,
              },
            ]}
          />
        ) : null}
        <DataTable
          caption={t("meetings.snapshotAffectedCaption", { date: f.date(snapshot.asOf) })}
          rows={o.affected.byIncident}
          rowKey={(r) => r.incidentId}
          csvName={`meeting-${meeting.id}-snapshot-affected`}
          columns={[
            {
              key: "incident",
              header: t("meetings.colIncident"),
              render: (r) => (
                <>
                  <Link to={`/incidents/${r.incidentId}`}>
                    {t("meetings.incidentNumber", { n: r.number })} {tx(r.title)}
                  </Link>
                  {o.portfolio.length > 1 ? (
                    <span className="cell-block cell-soft">{caseTitle(r.caseId)}</span>
                  ) : null}
                </>
              ),
              csv: (r) => `${t("meetings.incidentNumber", { n: r.number })} ${tx(r.title)}`,
            },
            {
              key: "total",
              header: t("meetings.snapshotAffectedCol"),
              render: (r) =>
                r.totals.length === 0 ? (
                  <NotReported />
                ) : (
                  <ul className="snapshot-totals">
                    {r.totals.map((total) => (
                      <li key={`${total.unit}:${total.populationId ?? ""}`}>
                        {labels.label({
                          kind: "affected",
                          unit: total.unit,
                          populationId: total.populationId,
                        })}{" "}
                        <strong className="num">{totalText(total)}</strong>
                      </li>
                    ))}
                  </ul>
                ),
              csv: (r) => (r.totals.length === 0 ? t("common.notReported") : totalsLine(r.totals)),
            },
          ]}
        />
      </section>

      <section className="panel meeting-section snapshot-deadlines" aria-labelledby={`${id}-deadlines`}>
        <h2 id={`${id}-deadlines`}>{t("meetings.snapshotDeadlines")}</h2>
        {deadlines.length === 0 ? (
          <p>{t("meetings.snapshotNoDeadlines")}</p>
        ) : (
          <DataTable
            caption={t("meetings.snapshotDeadlinesCaption", {
              date: f.date(d.asOf),
              days: d.withinDays,
              count: d.total,
            })}
            rows={deadlines}
            rowKey={(x) => x.key}
            columns={deadlineColumns}
            csvName={`meeting-${meeting.id}-snapshot-deadlines`}
          />
        )}
        <p className="changes-note">
          {t("meetings.snapshotDayCounting", {
            rule: t(DAY_COUNTING_LABEL[d.dayCounting]),
          })}
        </p>
      </section>

      <p className="changes-note">{t("meetings.snapshotNote")}</p>
    </article>
  );
};
