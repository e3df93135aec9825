import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { FigureValue } from "@/components/figure-value";
import { QueryState } from "@/components/query-state";
import { SourceRef } from "@/components/source-ref";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TIncident } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";
import { incidentQueries } from "../api/queries";

type TRelevant = { meeting: TMeeting; items: TMeeting["items"]; resolutions: TMeeting["resolutions"] };

/**
 * What the board has done about this incident: agenda items on it, and resolutions aimed at its vendors
 * or creating commitments about it. A resolution about "the series of incidents" belongs to each of them.
 */
export const relevantMeetings = (
  meetings: TMeeting[],
  incident: Pick<TIncident, "id" | "vendorIds">,
  commitmentIds: ReadonlySet<string>,
): TRelevant[] =>
  meetings
    .map((meeting) => ({
      meeting,
      items: meeting.items.filter((i) => i.incidentIds.includes(incident.id)),
      resolutions: meeting.resolutions.filter(
        (r) =>
          r.targetVendorIds.some((v) => incident.vendorIds.includes(v)) ||
          r.commitmentIds.some((c) => commitmentIds.has(c)),
      ),
    }))
    .filter((m) => m.items.length > 0 || m.resolutions.length > 0);

export const IncidentBoard = ({ incident }: { incident: TIncident }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  const meetings = useQuery(incidentQueries.meetings());
  const commitments = useQuery(incidentQueries.commitments(incident.id));
  return (
    <section className="panel incident-section" aria-labelledby="board-title">
      <h2 id="board-title">{t("incidents.sectionBoard")}</h2>
      <QueryState query={meetings} minHeight="var(--inc-board-height)">
        {(m) => (
          <QueryState query={commitments} minHeight="var(--inc-board-height)">
            {(c) => {
              const relevant = relevantMeetings(m.items, incident, new Set(c.items.map((x) => x.id)));
              if (relevant.length === 0) return <p>{t("incidents.boardNone")}</p>;
              return relevant.map(({ meeting, items, resolutions }) => (
                <div key={meeting.id} className="board-meeting">
                  <h3>
                    <Link to={`/meetings/${meeting.id}`}>{tx(meeting.title)}</Link>{" "}
                    <span className="board-date">{f.date(meeting.date)}</span>
                  </h3>
                  {meeting.vendorAttendees
                    .filter((a) => incident.vendorIds.includes(a.vendorId))
                    .map((a) => (
                      <p key={a.vendorId} className="board-attendance">
                        {t("incidents.boardAttendance")}: {names.vendor(a.vendorId)}
                        {a.role ? ` ${tx(a.role)}` : null} <FigureValue figure={a.people} unit="people" />
                      </p>
                    ))}
                  {items.length > 0 ? (
                    <>
                      <h4>{t("incidents.boardItems")}</h4>
                      <ul className="plain-list">
                        {items.map((i) => (
                          <li key={i.id}>{tx(i.title)}</li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {resolutions.length > 0 ? (
                    <>
                      <h4>{t("incidents.boardResolutions")}</h4>
                      <ul className="resolution-list">
                        {resolutions.map((r) => (
                          <li key={r.id}>
                            <span className={`resolution-kind resolution-${r.kind}`}>
                              {t(`domain.resolutionKind.${r.kind}` as TMessageKey)}
                            </span>{" "}
                            {tx(r.text)}
                            {r.quote ? (
                              <q className="commitment-quote" lang="ja">
                                {r.quote}
                              </q>
                            ) : null}
                            {r.note ? <span className="resolution-note">{tx(r.note)}</span> : null}{" "}
                            <SourceRef source={r.source} compact />
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </div>
              ));
            }}
          </QueryState>
        )}
      </QueryState>
    </section>
  );
};
