import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { DataTable, type TColumn } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { referenceQueries } from "@/lib/reference-queries";
import type { TMeeting } from "@/shared/schemas/meeting";
import { meetingQueries } from "../api/queries";
import {
  compareHeadlines,
  headlineOf,
  type TFigureCell,
  type TFigureRow,
  type TFigureSubject,
  type THeadline,
} from "./meeting-changes-model";

/**
 * A meeting's headline figures: frozen when it is closed (what the board was shown), otherwise computed
 * from today's record as of the meeting day — every case that existed that day, as the snapshot takes
 * them — and labelled so.
 */
export const useHeadline = (meeting: TMeeting | null): UseQueryResult<THeadline> => {
  const closed = meeting?.closed != null;
  const frozen = useQuery({
    ...meetingQueries.snapshot(meeting?.id ?? ""),
    enabled: meeting !== null && closed,
    select: (s) => headlineOf(s.overview, s.deadlines, "frozen"),
  });
  const live = useQuery({
    ...meetingQueries.liveFigures(meeting?.date ?? ""),
    enabled: meeting !== null && !closed,
    select: (l) => headlineOf(l.overview, l.deadlines, "live"),
  });
  return closed ? frozen : live;
};

const PLAIN_LABEL: Record<
  "commitmentsOpen" | "commitmentsVerified" | "commitmentsOverdue" | "deadlinesOverdue",
  TPlainKey
> = {
  commitmentsOpen: "meetings.figCommitmentsOpen",
  commitmentsVerified: "meetings.figCommitmentsVerified",
  commitmentsOverdue: "meetings.figCommitmentsOverdue",
  deadlinesOverdue: "meetings.figDeadlinesOverdue",
};

/**
 * A row's figure in words, naming its population from the organisation's own list (会員, 顧客…): people
 * of different populations, and people and records, are separate rows, never one sum.
 */
export const useFigureLabel = () => {
  const { t, tx } = useI18n();
  const organisation = useQuery(referenceQueries.organisation());
  const populations = organisation.data?.populations ?? [];
  const people = (populationId: string | null) => {
    const p = populations.find((x) => x.id === populationId);
    return p ? tx(p.name) : (populationId ?? "");
  };
  const order = (populationId: string | null) => {
    const at = populations.findIndex((x) => x.id === populationId);
    return at < 0 ? populations.length : at;
  };
  const label = (subject: TFigureSubject) => {
    switch (subject.kind) {
      case "affected":
        if (subject.unit === "people")
          return t("meetings.figAffectedPeople", { people: people(subject.populationId) });
        return subject.populationId === null
          ? t("meetings.figAffectedRecordsAll")
          : t("meetings.figAffectedRecords", { people: people(subject.populationId) });
      case "remediation":
        return subject.purpose === "financial"
          ? t("meetings.figFinancialDone", { people: people(subject.populationId) })
          : t("meetings.figNotificationDone", { people: people(subject.populationId) });
      default:
        return t(PLAIN_LABEL[subject.kind]);
    }
  };
  return { label, order, query: organisation };
};

type TProps = { meeting: TMeeting; previous: TMeeting | null };

/** Headline figures of the previous meeting and this one side by side, with the change. */
export const MeetingChangesFigures = ({ meeting, previous }: TProps) => {
  const { t } = useI18n();
  const current = useHeadline(meeting);
  const before = useHeadline(previous);
  const labels = useFigureLabel();
  return (
    <QueryState query={current} waitFor={[before, labels.query]} minHeight="18rem">
      {(now) => (
        <>
          <FiguresTable meeting={meeting} previous={previous} now={now} before={before.data ?? null} />
          {previous && before.isError ? (
            <p className="form-error" role="alert">
              {t("meetings.figPreviousFailed")}{" "}
              <button type="button" className="button button-secondary" onClick={() => void before.refetch()}>
                {t("common.retry")}
              </button>
            </p>
          ) : null}
        </>
      )}
    </QueryState>
  );
};

/** The number of a cell in its unit: 名 for people, 件 for records, a plain count otherwise. */
const useAmount = () => {
  const { f } = useI18n();
  return (v: number, unit: TFigureRow["unit"]) =>
    unit === "people" ? f.people(v) : unit === "records" ? f.records(v) : f.number(v);
};

const FiguresTable = ({
  meeting,
  previous,
  now,
  before,
}: {
  meeting: TMeeting;
  previous: TMeeting | null;
  now: THeadline;
  before: THeadline | null;
}) => {
  const { t, f } = useI18n();
  const labels = useFigureLabel();
  const amount = useAmount();
  const rows = compareHeadlines(before, now, labels.order);
  const bothFrozen = now.source === "frozen" && (previous === null || before?.source === "frozen");
  const sourceTag = (h: THeadline) =>
    h.source === "frozen" ? t("meetings.tagFrozen") : t("meetings.tagLive");
  const cellText = (row: TFigureRow, c: TFigureCell | null) => {
    if (!c) return "";
    if (c.value === null) {
      if (c.missing === "not_reported") return `${t("common.notReported")} / ${amount(c.of ?? 0, row.unit)}`;
      if (c.missing === "not_recorded") return t("meetings.figNotRecorded");
      return t("meetings.figUnavailable");
    }
    if (c.confirmedNone) return t("common.confirmedNone");
    const main =
      c.of !== undefined ? `${f.number(c.value)} / ${amount(c.of, row.unit)}` : amount(c.value, row.unit);
    if (c.floor) return `${main} (${t("meetings.figPartlyNotReported")})`;
    return c.notReported
      ? `${main} (${t("meetings.figNotReportedPart", { n: amount(c.notReported, row.unit) })})`
      : main;
  };
  const cellView = (row: TFigureRow, c: TFigureCell | null) => {
    if (!c) return null;
    if (c.value === null) {
      if (c.missing === "not_reported") {
        return (
          <span className="num">
            <NotReported /> / {amount(c.of ?? 0, row.unit)}
          </span>
        );
      }
      if (c.missing === "not_recorded") {
        return <span className="figure-unavailable">{t("meetings.figNotRecorded")}</span>;
      }
      return <span className="figure-unavailable">{t("meetings.figUnavailable")}</span>;
    }
    if (c.confirmedNone) return <span className="figure figure-none">{t("common.confirmedNone")}</span>;
    return (
      <>
        <span className="num">
          {c.of !== undefined
            ? `${f.number(c.value)} / ${amount(c.of, row.unit)}`
            : amount(c.value, row.unit)}
        </span>
        {c.floor ? (
          <span className="not-reported-part">{t("meetings.figPartlyNotReported")}</span>
        ) : c.notReported ? (
          <span className="not-reported-part">
            {t("meetings.figNotReportedPart", { n: amount(c.notReported, row.unit) })}
          </span>
        ) : null}
      </>
    );
  };
  const deltaText = (row: TFigureRow) => {
    if (row.delta === null) {
      if (!before) return "";
      if (row.previous?.missing === "not_recorded" && row.current.value !== null)
        return t("meetings.figNewlyRecorded");
      const stillUnreported =
        row.previous?.missing === "not_reported" && row.current.missing === "not_reported";
      return stillUnreported ? t("meetings.figStillNotReported") : t("meetings.figNoChangeKnown");
    }
    if (row.delta === 0) return t("meetings.figSame");
    return `${row.delta > 0 ? "+" : "−"}${amount(Math.abs(row.delta), row.unit)}`;
  };
  const label = (row: TFigureRow) => labels.label(row.subject);
  const columns: TColumn<TFigureRow>[] = [
    { key: "figure", header: t("meetings.colFigure"), render: label, csv: label },
    ...(previous && before
      ? [
          {
            key: "previous",
            header: t("meetings.colWithSource", {
              col: t("meetings.colPreviousMeeting", { date: f.date(previous.date) }),
              source: sourceTag(before),
            }),
            render: (row: TFigureRow) => cellView(row, row.previous),
            csv: (row: TFigureRow) => cellText(row, row.previous),
            align: "end" as const,
          },
        ]
      : []),
    {
      key: "current",
      header: t("meetings.colWithSource", {
        col: t("meetings.colThisMeeting", { date: f.date(meeting.date) }),
        source: sourceTag(now),
      }),
      render: (row) => cellView(row, row.current),
      csv: (row) => cellText(row, row.current),
      align: "end" as const,
    },
    ...(previous && before
      ? [
          {
            key: "delta",
            header: t("meetings.colChange"),
            render: (row: TFigureRow) => <span className="num">{deltaText(row)}</span>,
            csv: deltaText,
            align: "end" as const,
          },
        ]
      : []),
  ];
  return (
    <div className="changes-figures" data-testid="changes-figures">
      <p className={bothFrozen ? "figures-source figures-frozen" : "figures-source figures-live"}>
        <span className={bothFrozen ? "frozen-tag" : "live-tag"}>
          {bothFrozen ? t("meetings.tagFrozen") : t("meetings.tagLive")}
        </span>{" "}
        {bothFrozen
          ? previous
            ? t("meetings.figuresFrozenLead")
            : t("meetings.figuresFrozenLeadFirst")
          : t("meetings.figuresLiveLead", { date: f.date(meeting.date) })}
      </p>
      <DataTable
        caption={
          previous
            ? t("meetings.figuresCaption", { from: f.date(previous.date), to: f.date(meeting.date) })
            : t("meetings.figuresCaptionFirst", { to: f.date(meeting.date) })
        }
        rows={rows}
        columns={columns}
        rowKey={(row) => row.key}
        csvName={`meeting-${meeting.id}-figures`}
      />
    </div>
  );
};
