import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { FigureValue } from "@/components/figure-value";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TSourceRef } from "@/shared/schemas/common";
import type { TMeeting } from "@/shared/schemas/meeting";
import { meetingQueries } from "../api/queries";
import { MeetingChangesFigures } from "./meeting-changes-figures";
import {
  changesInPeriod,
  previousMeeting,
  recordOnDay,
  type TChange,
  type TRecord,
  type TReopening,
} from "./meeting-changes-model";

/**
 * "What changed since the previous meeting": the headline figures side by side and the dated records in
 * between. When the meetings are closed, both come from what was frozen at closing (what the board was
 * shown); otherwise from today's record as it stood on the meeting day (what closing would freeze), and
 * the page says which. The first meeting in the record has no previous one: it lists everything recorded
 * up to it instead.
 */
export const MeetingChanges = ({
  meeting,
  record,
}: {
  meeting: TMeeting;
  record: UseQueryResult<TRecord>;
}) => {
  const { t } = useI18n();
  const id = useId();
  // A closed meeting's dated record is the one frozen with it; an open one's is today's.
  const snapshot = useQuery({
    ...meetingQueries.snapshot(meeting.id),
    enabled: meeting.closed !== null,
    select: (s): TRecord => s.record,
  });
  // Today's record as it stood on the meeting day: a fact learnt later (its source dated later) is not in.
  const live = useQuery({
    ...meetingQueries.record(),
    enabled: meeting.closed === null,
    select: (r): TRecord => recordOnDay(r, meeting.date),
  });
  const events: UseQueryResult<TRecord> = meeting.closed ? snapshot : live;
  return (
    <section className="panel meeting-section meeting-changes" aria-labelledby={`${id}-changes`}>
      <h2 id={`${id}-changes`}>{t("meetings.changesTitle")}</h2>
      <QueryState query={record} minHeight="16rem">
        {(live) => {
          const previous = previousMeeting(live.meetings, meeting);
          return (
            <>
              <h3 className="changes-subtitle">{t("meetings.figuresTitle")}</h3>
              <MeetingChangesFigures meeting={meeting} previous={previous} />
              <h3 className="changes-subtitle">{t("meetings.eventsTitle")}</h3>
              <QueryState query={events} minHeight="10rem">
                {(data) => (
                  <ChangesEvents
                    meeting={meeting}
                    previous={previous}
                    data={data}
                    frozen={meeting.closed !== null}
                  />
                )}
              </QueryState>
            </>
          );
        }}
      </QueryState>
    </section>
  );
};

const ChangesEvents = ({
  meeting,
  previous,
  data,
  frozen,
}: {
  meeting: TMeeting;
  previous: TMeeting | null;
  data: TRecord;
  frozen: boolean;
}) => {
  const { t, tx, f } = useI18n();
  const changes = changesInPeriod(data, previous?.date ?? null, meeting.date);
  return (
    <>
      <p className={frozen ? "figures-source figures-frozen" : "figures-source figures-live"}>
        <span className={frozen ? "frozen-tag" : "live-tag"}>
          {frozen ? t("meetings.tagFrozen") : t("meetings.tagLive")}
        </span>{" "}
        {frozen ? t("meetings.eventsFrozenLead") : t("meetings.eventsLiveLead")}
      </p>
      <p className="changes-lead">
        {previous ? (
          <>
            {t("meetings.changesSince", {
              title: tx(previous.title),
              date: f.date(previous.date),
              to: f.date(meeting.date),
            })}{" "}
            <Link to={`/meetings/${previous.id}`}>{t("meetings.changesPrevious")}</Link>
          </>
        ) : (
          t("meetings.changesFirst", { date: f.date(meeting.date) })
        )}
      </p>
      {changes.length === 0 ? (
        <p>{t("meetings.changesEmpty")}</p>
      ) : (
        <ChangesTable
          changes={changes}
          caption={
            previous
              ? t("meetings.changesCaption", {
                  from: f.date(previous.date),
                  to: f.date(meeting.date),
                  count: changes.length,
                })
              : t("meetings.changesCaptionFirst", { to: f.date(meeting.date), count: changes.length })
          }
          csvName={`meeting-${meeting.id}-changes`}
        />
      )}
      <p className="changes-note">{t("meetings.changesNote")}</p>
    </>
  );
};

/** A reopening says what it undid: a report not accepted, or a verification withdrawn. */
const REOPENED_LABEL: Record<TReopening, TPlainKey> = {
  not_accepted: "meetings.changeCommitmentReopenedNotAccepted",
  after_verified: "meetings.changeCommitmentReopenedAfterVerified",
  unknown: "meetings.changeCommitmentReopened",
};

const ChangesTable = ({
  changes,
  caption,
  csvName,
}: {
  changes: TChange[];
  caption: string;
  csvName: string;
}) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "documents");
  const kindLabel = (c: TChange) => {
    switch (c.kind) {
      case "milestone":
        return t("meetings.changeMilestone", {
          kind: t(`domain.milestone.${c.milestoneKind}`),
        });
      case "progress":
        return c.purpose === "financial"
          ? t("meetings.changeProgressFinancial")
          : t("meetings.changeProgressNotification");
      case "document":
        return t("meetings.changeDocument");
      case "commitment_made":
        return t("meetings.changeCommitmentMade");
      case "commitment_reported_done":
        return t("meetings.changeCommitmentDone");
      case "commitment_verified":
        return t("meetings.changeCommitmentVerified");
      default:
        return t(REOPENED_LABEL[c.reopening]);
    }
  };
  const whatText = (c: TChange) => {
    switch (c.kind) {
      case "milestone":
        return c.note ? tx(c.note) : "";
      case "progress":
        return `${tx(c.cohortLabel)}${c.note ? `:${tx(c.note)}` : ""}`;
      case "document":
        return t("meetings.documentTitle", { label: tx(c.label), title: tx(c.title) });
      default:
        return tx(c.text);
    }
  };
  const dateText = (c: TChange) => {
    const base =
      c.kind === "milestone" && c.endDate ? `${f.date(c.date)}〜${f.date(c.endDate)}` : f.date(c.date);
    return c.uncertain ? `${base}(${t("meetings.monthOnly")})` : base;
  };
  const sourceIds = (s: TSourceRef | null) => (s ? [s.documentId, ...s.cites] : []);
  const columns: TColumn<TChange>[] = [
    {
      key: "date",
      header: t("meetings.colWhen"),
      render: (c) => (
        <>
          <span className="nowrap">
            {c.kind === "milestone" && c.endDate ? `${f.date(c.date)}〜${f.date(c.endDate)}` : f.date(c.date)}
          </span>
          {c.uncertain ? <span className="uncertain-mark">{t("meetings.monthOnly")}</span> : null}
        </>
      ),
      csv: dateText,
    },
    { key: "kind", header: t("meetings.colKindOfRecord"), render: kindLabel, csv: kindLabel },
    {
      key: "what",
      header: t("meetings.colWhat"),
      render: (c) => {
        switch (c.kind) {
          case "document":
            return <Link to={`/documents/${c.documentId}`}>{whatText(c)}</Link>;
          case "progress":
            return (
              <>
                {whatText(c)}{" "}
                <span className="change-figure">
                  ({c.purpose === "financial" ? t("meetings.doneLabel") : t("meetings.sentLabel")}{" "}
                  <FigureValue figure={c.doneCount} unit="people" />)
                </span>
              </>
            );
          case "commitment_made":
          case "commitment_reported_done":
          case "commitment_verified":
          case "commitment_reopened":
            return <Link to={`/commitments?id=${c.commitmentId}`}>{whatText(c)}</Link>;
          default:
            return whatText(c);
        }
      },
      csv: (c) =>
        c.kind === "progress" && (c.doneCount.status === "reported" || c.doneCount.status === "derived")
          ? `${whatText(c)} (${t(c.purpose === "financial" ? "meetings.doneCount" : "meetings.sentCount", { count: f.people(c.doneCount.value) })})`
          : whatText(c),
    },
    {
      key: "incident",
      header: t("meetings.colIncident"),
      render: (c) =>
        c.incident ? (
          <Link to={`/incidents/${c.incident.id}`}>
            {t("meetings.incidentNumber", { n: c.incident.number })}
          </Link>
        ) : null,
      csv: (c) => (c.incident ? t("meetings.incidentNumber", { n: c.incident.number }) : ""),
    },
    {
      key: "source",
      header: t("meetings.colSource"),
      render: (c) => (
        <span className="source-ref">
          {sourceIds(c.source).map((docId, i) => (
            <span key={docId}>
              {i > 0 ? "・" : null}
              <Link to={`/documents/${docId}`}>{names.documentLabel(docId)}</Link>
            </span>
          ))}
          {c.outsideRecord ? <OutsideMark /> : null}
        </span>
      ),
      csv: (c) =>
        [sourceIds(c.source).join(" "), c.outsideRecord ? t("common.outsideRecord") : ""]
          .filter(Boolean)
          .join(" "),
    },
  ];
  return (
    <DataTable caption={caption} rows={changes} columns={columns} rowKey={(c) => c.key} csvName={csvName} />
  );
};
