import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TMeeting } from "@/shared/schemas/meeting";
import { meetingQueries } from "../api/queries";
import { People, peopleText } from "./attendance";
import "./meetings.css";

/** /meetings: the board meetings in the record, newest first, each opening its board pack. */
export const MeetingList = ({ canEdit = false }: { canEdit?: boolean }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "documents");
  const query = useQuery(meetingQueries.list());
  // The attendees are named: the table waits for the vendors' list (shared cache), or its rows would rewrap.
  const vendors = useQuery(referenceQueries.vendors());
  const kind = (m: TMeeting) =>
    m.kind === "regular" ? t("meetings.kindRegular") : t("meetings.kindExtraordinary");
  const attendeesText = (m: TMeeting) =>
    m.vendorAttendees.length === 0
      ? t("meetings.noAttendees")
      : m.vendorAttendees
          .map((a) =>
            t(a.role ? "meetings.attendee" : "meetings.attendeeNoRole", {
              vendor: names.vendor(a.vendorId),
              role: a.role ? tx(a.role) : "",
              count: peopleText(a.people, { t, tx, f }),
            }),
          )
          .join("、");
  const columns: TColumn<TMeeting>[] = [
    {
      key: "title",
      header: t("meetings.colMeeting"),
      render: (m) => (
        <>
          <Link to={`/meetings/${m.id}`}>{tx(m.title)}</Link>
          {m.closed ? (
            <>
              {" "}
              <span className="closed-badge">{t("meetings.closedBadge")}</span>
            </>
          ) : null}
        </>
      ),
      csv: (m) => (m.closed ? `${tx(m.title)} (${t("meetings.closedBadge")})` : tx(m.title)),
    },
    {
      key: "date",
      header: t("meetings.colDate"),
      render: (m) => <span className="nowrap">{f.date(m.date)}</span>,
      csv: (m) => m.date,
    },
    {
      key: "fiscalYear",
      header: t("meetings.colFiscalYear"),
      render: (m) => f.fiscalYear(m.fiscalYear),
      csv: (m) => m.fiscalYear,
    },
    { key: "kind", header: t("meetings.colKind"), render: kind, csv: kind },
    {
      key: "items",
      header: t("meetings.colItems"),
      align: "end",
      render: (m) => t("meetings.count", { n: f.number(m.items.length) }),
      csv: (m) => m.items.length,
    },
    {
      key: "resolutions",
      header: t("meetings.colResolutions"),
      align: "end",
      render: (m) => t("meetings.count", { n: f.number(m.resolutions.length) }),
      csv: (m) => m.resolutions.length,
    },
    {
      key: "attendees",
      header: t("meetings.colAttendees"),
      render: (m) =>
        m.vendorAttendees.length === 0 ? (
          t("meetings.noAttendees")
        ) : (
          <ul className="attendee-list">
            {m.vendorAttendees.map((a) => (
              <li key={a.vendorId}>
                {names.vendor(a.vendorId)} {a.role ? tx(a.role) : null} <People figure={a.people} />
              </li>
            ))}
          </ul>
        ),
      csv: attendeesText,
    },
  ];
  return (
    <div className="meetings-page">
      <PageHeader
        title={t("meetings.listTitle")}
        lead={t("meetings.listLead")}
        actions={
          <>
            {canEdit ? (
              <Link to="/meetings/new" className="button">
                {t("meetings.newMeeting")}
              </Link>
            ) : null}
            <PrintButton />
          </>
        }
      />
      <QueryState
        query={query}
        waitFor={[vendors]}
        minHeight="10rem"
        isEmpty={(d) => d.items.length === 0}
        empty={<p>{t("meetings.listEmpty")}</p>}
      >
        {(data) => (
          <DataTable
            caption={t("meetings.listCaption", { count: data.total })}
            rows={data.items}
            columns={columns}
            rowKey={(m) => m.id}
            csvName="board-meetings"
          />
        )}
      </QueryState>
    </div>
  );
};
