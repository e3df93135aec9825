import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { DataTable, type TColumn } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { QueryState } from "@/components/query-state";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import type { TMeeting } from "@/shared/schemas/meeting";
import { meetingQueries } from "../api/queries";
import {
  compareHeadlines,
  headlineOf,
  type TFigureCell,
  type TFigureRow,
  type THeadline,
} from "./meeting-changes-model";

/**
 * A meeting's headline figures: frozen when it is closed (what the board was shown), otherwise computed
 * from today's record as of the meeting day (and labelled so).
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

const FIGURE_LABEL: Record<TFigureRow["key"], TMessageKey> = {
  affected: "meetings.figAffected",
  financialDone: "meetings.figFinancialDone",
  notificationDone: "meetings.figNotificationDone",
  commitmentsOpen: "meetings.figCommitmentsOpen",
  commitmentsVerified: "meetings.figCommitmentsVerified",
  commitmentsOverdue: "meetings.figCommitmentsOverdue",
  deadlinesOverdue: "meetings.figDeadlinesOverdue",
};

type TProps = { meeting: TMeeting; previous: TMeeting | null };

/** Headline figures of the previous meeting and this one side by side, with the change. */
export const MeetingChangesFigures = ({ meeting, previous }: TProps) => {
  const { t } = useI18n();
  const current = useHeadline(meeting);
  const before = useHeadline(previous);
  return (
    <QueryState query={current} waitFor={[before]} minHeight="18rem">
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
  const rows = compareHeadlines(before, now);
  const bothFrozen = now.source === "frozen" && (previous === null || before?.source === "frozen");
  const sourceTag = (h: THeadline) =>
    h.source === "frozen" ? t("meetings.tagFrozen") : t("meetings.tagLive");
  const amount = (v: number, unit: TFigureRow["unit"]) => (unit === "members" ? f.people(v) : f.number(v));
  const cellText = (row: TFigureRow, c: TFigureCell | null) => {
    if (!c) return "";
    if (c.value === null) {
      if (c.missing === "not_reported") return `${t("common.notReported")} / ${amount(c.of ?? 0, row.unit)}`;
      return t("meetings.figUnavailable");
    }
    const main =
      c.of !== undefined ? `${f.number(c.value)} / ${amount(c.of, row.unit)}` : amount(c.value, row.unit);
    return c.notReported
      ? `${main} (${t("meetings.figNotReportedPart", { n: f.people(c.notReported) })})`
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
      return <span className="figure-unavailable">{t("meetings.figUnavailable")}</span>;
    }
    return (
      <>
        <span className="num">
          {c.of !== undefined
            ? `${f.number(c.value)} / ${amount(c.of, row.unit)}`
            : amount(c.value, row.unit)}
        </span>
        {c.notReported ? (
          <span className="not-reported-part">
            {t("meetings.figNotReportedPart", { n: f.people(c.notReported) })}
          </span>
        ) : null}
      </>
    );
  };
  const deltaText = (row: TFigureRow) => {
    if (row.delta === null) {
      if (!before) return "";
      const stillUnreported =
        row.previous?.missing === "not_reported" && row.current.missing === "not_reported";
      return stillUnreported ? t("meetings.figStillNotReported") : t("meetings.figNoChangeKnown");
    }
    if (row.delta === 0) return t("meetings.figSame");
    return `${row.delta > 0 ? "+" : "−"}${amount(Math.abs(row.delta), row.unit)}`;
  };
  const columns: TColumn<TFigureRow>[] = [
    {
      key: "figure",
      header: t("meetings.colFigure"),
      render: (row) => t(FIGURE_LABEL[row.key]),
      csv: (row) => t(FIGURE_LABEL[row.key]),
    },
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
          : t("meetings.figuresLiveLead")}
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
