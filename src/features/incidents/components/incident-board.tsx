import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { FigureValue } from "@/components/figure-value";
import { QueryState } from "@/components/query-state";
import { SourceRef } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TIncident } from "@/shared/schemas/incident";
import { incidentQueries } from "../api/queries";
import { involvedVendors, relevantMeetings } from "./incident-model";

/**
 * What the board did about this incident: the meetings that had it on an agenda item, who of its vendors
 * attended, the items, and the resolutions made under them (see relevantMeetings).
 */
export const IncidentBoard = ({ incident }: { incident: TIncident }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  const meetings = useQuery(incidentQueries.meetings());
  return (
    <section className="panel incident-section" aria-labelledby="board-title">
      <h2 id="board-title">{t("incidents.sectionBoard")}</h2>
      <QueryState query={meetings} minHeight="var(--inc-board-height)">
        {(m) => {
          const relevant = relevantMeetings(m.items, incident.id);
          const involved = involvedVendors(incident);
          if (relevant.length === 0) return <p>{t("incidents.boardNone")}</p>;
          return relevant.map(({ meeting, items, resolutions }) => (
            <div key={meeting.id} className="board-meeting">
              <h3>
                <Link to={`/meetings/${meeting.id}`}>{tx(meeting.title)}</Link>{" "}
                <span className="board-date">{f.date(meeting.date)}</span>
              </h3>
              {meeting.vendorAttendees
                .filter((a) => involved.includes(a.vendorId))
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
                          {t(`domain.resolutionKind.${r.kind}`)}
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
    </section>
  );
};
