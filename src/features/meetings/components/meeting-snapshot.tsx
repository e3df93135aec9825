import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { BackLink } from "@/components/back-link";
import { DataTable, type TColumn } from "@/components/data-table";
import { NumberValue } from "@/components/figure-value";
import { NotFoundSection } from "@/components/not-found-section";
import { NotReported } from "@/components/not-reported";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { isNotFound } from "@/lib/not-found";
import { DEADLINE_STATE_ORDER } from "@/shared/deadlines";
import type { TDeadline, TDeadlineRule, TDeadlineState } from "@/shared/schemas/deadline";
import type { TMeeting } from "@/shared/schemas/meeting";
import type { TDayCounting } from "@/shared/schemas/settings";
import type { TMeetingSnapshot } from "@/shared/schemas/snapshot";
import { meetingQueries } from "../api/queries";
import { formatMoment } from "./meeting-close";
import "./meetings.css";

/**
 * /meetings/:meetingId/snapshot — what the board was shown at a closed meeting: the figures as of the
 * meeting day and the deadlines, exactly as frozen when the meeting was closed (later edits of the record
 * never change them).
 */
export const MeetingSnapshotView = ({ meetingId }: { meetingId: string }) => {
  const { t } = useI18n();
  const meeting = useQuery(meetingQueries.detail(meetingId));
  const snapshot = useQuery({ ...meetingQueries.snapshot(meetingId), enabled: meeting.data?.closed != null });
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
          <QueryState query={snapshot} minHeight="30rem">
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
const STATE_LABEL: Record<TDeadlineState, TMessageKey> = {
  met: "meetings.dlState_met",
  late: "meetings.dlState_late",
  overdue: "meetings.dlState_overdue",
  due_soon: "meetings.dlState_due_soon",
  upcoming: "meetings.dlState_upcoming",
  not_reported: "meetings.dlState_not_reported",
  done_no_due: "meetings.dlState_done_no_due",
};

const RULE_LABEL: Record<TDeadlineRule, TMessageKey> = {
  APPI_PRELIM: "meetings.dlRule_APPI_PRELIM",
  APPI_FINAL: "meetings.dlRule_APPI_FINAL",
  APPI_NOTICE: "meetings.dlRule_APPI_NOTICE",
  INS_FSA_LEAK: "meetings.dlRule_INS_FSA_LEAK",
  FSA_PLAN: "meetings.dlRule_FSA_PLAN",
  BOARD_REPORT: "meetings.dlRule_BOARD_REPORT",
  VENDOR_PROMISE: "meetings.dlRule_VENDOR_PROMISE",
};

const DAY_COUNTING_LABEL: Record<TDayCounting, TMessageKey> = {
  exclude_first_day: "meetings.dayCounting_exclude_first_day",
  include_first_day: "meetings.dayCounting_include_first_day",
};

const SnapshotPage = ({ meeting, snapshot }: { meeting: TMeeting; snapshot: TMeetingSnapshot }) => {
  const { t, tx, f, lang } = useI18n();
  const id = useId();
  const o = snapshot.overview;
  const d = snapshot.deadlines;
  const deadlines = [...d.items].sort(
    (a, b) =>
      DEADLINE_STATE_ORDER.indexOf(a.state) - DEADLINE_STATE_ORDER.indexOf(b.state) ||
      (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"),
  );
  const remediationTile = (key: "financial" | "notification", title: TMessageKey) => {
    const r = o.remediation[key];
    return (
      <div className="tile">
        <dt>{t(title)}</dt>
        <dd>
          <span className="num">
            {/* Nothing reported for any member is 未報告, never "0 done". */}
            {r.members > 0 && r.notReported >= r.members ? <NotReported /> : f.number(r.done)} /{" "}
            {f.people(r.members)}
          </span>
          {r.notReported > 0 && r.notReported < r.members ? (
            <span className="not-reported-part">
              {t("meetings.figNotReportedPart", { n: f.people(r.notReported) })}
            </span>
          ) : null}
        </dd>
      </div>
    );
  };
  const deadlineColumns: TColumn<TDeadline>[] = [
    { key: "label", header: t("meetings.dlColWhat"), render: (x) => tx(x.label), csv: (x) => tx(x.label) },
    {
      key: "rule",
      header: t("meetings.dlColRule"),
      render: (x) => t(RULE_LABEL[x.rule]),
      csv: (x) => t(RULE_LABEL[x.rule]),
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
      render: (x) => <span className={`deadline-state deadline-${x.state}`}>{t(STATE_LABEL[x.state])}</span>,
      csv: (x) => t(STATE_LABEL[x.state]),
    },
    {
      key: "done",
      header: t("meetings.dlColDone"),
      render: (x) => (x.doneDate ? <span className="nowrap">{f.date(x.doneDate)}</span> : "—"),
      csv: (x) => x.doneDate ?? "",
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
          <div className="tile">
            <dt>{t("meetings.figAffected")}</dt>
            <dd>
              <span className="num">{f.people(o.affected.cumulativeReported)}</span>
            </dd>
          </div>
          {remediationTile("financial", "meetings.figFinancialDone")}
          {remediationTile("notification", "meetings.figNotificationDone")}
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
                <Link to={`/incidents/${r.incidentId}`}>
                  {t("meetings.incidentNumber", { n: r.number })} {tx(r.title)}
                </Link>
              ),
              csv: (r) => `${t("meetings.incidentNumber", { n: r.number })} ${tx(r.title)}`,
            },
            {
              key: "total",
              header: t("meetings.snapshotAffectedCol"),
              align: "end",
              render: (r) => <NumberValue value={r.total} unit="people" />,
              csv: (r) => r.total ?? t("common.notReported"),
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
              count: deadlines.length,
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
