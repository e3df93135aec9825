import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useLocation } from "react-router";
import { BackLink } from "@/components/back-link";
import { NotFoundSection } from "@/components/not-found-section";
import { OutsideMark } from "@/components/outside-mark";
import { PageHeader, PrintButton } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { RecordHistory } from "@/components/record-history";
import { SourceRef } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TMeeting } from "@/shared/schemas/meeting";
import { meetingQueries } from "../api/queries";
import { People } from "./attendance";
import { MeetingChanges } from "./meeting-changes";
import { recordOnDay } from "./meeting-changes-model";
import { ClosedBadge, CloseMeetingConfirm } from "./meeting-close";
import "./meetings.css";

/**
 * /meetings/:meetingId — one meeting as a board pack: presented, attended, resolved (each resolution under
 * the agenda item it was made on, or for the whole meeting), changed since last time — its figures as of
 * its own day. `canEdit` (the route knows the session's role) adds the editor's controls: edit and close.
 */
export const MeetingDetail = ({ meetingId, canEdit = false }: { meetingId: string; canEdit?: boolean }) => {
  const { t } = useI18n();
  const query = useQuery(meetingQueries.detail(meetingId));
  // Names (vendors, documents) and the dated record (incident titles, commitment texts) are asked for with
  // the meeting, and the page appears once they are in (or have failed): a title replacing its id would
  // rewrap the header, the summary and every item below it.
  const vendors = useQuery(referenceQueries.vendors());
  const documents = useQuery(referenceQueries.documents());
  const organisation = useQuery(referenceQueries.organisation());
  const record = useQuery(meetingQueries.record());
  if (isNotFound(query.error)) {
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
    <QueryState query={query} waitFor={[vendors, documents, organisation, record]} minHeight="30rem">
      {(meeting) => <MeetingPage meeting={meeting} canEdit={canEdit} />}
    </QueryState>
  );
};

const MeetingPage = ({ meeting, canEdit }: { meeting: TMeeting; canEdit: boolean }) => {
  const { t, tx, f } = useI18n();
  const id = useId();
  const location = useLocation();
  const [closing, setClosing] = useState(false);
  const [justClosed, setJustClosed] = useState(false);
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const editable = canEdit && !meeting.closed;
  // Presenters may be the organisation itself (its secretariat) as well as vendors.
  const names = useReferenceNames("vendors", "documents", "organisation");
  // Incident titles and commitment texts come from the dated record; until it loads, ids stand in.
  const record = useQuery(meetingQueries.record());
  const incident = (incidentId: string) => record.data?.incidents.find((i) => i.id === incidentId);
  // A resolution's demands are shown as they stood on the meeting day: frozen with a closed meeting, or
  // today's record taken back to the day (a demand verified a year later was open at the meeting).
  const snapshot = useQuery({ ...meetingQueries.snapshot(meeting.id), enabled: meeting.closed !== null });
  const onDay = meeting.closed
    ? snapshot.data?.record.commitments
    : record.data
      ? recordOnDay(record.data, meeting.date).commitments
      : undefined;
  const commitment = (commitmentId: string) => record.data?.commitments.find((c) => c.id === commitmentId);
  const commitmentOnDay = (commitmentId: string) => onDay?.find((c) => c.id === commitmentId);
  const itemNumber = new Map(meeting.items.map((item, i) => [item.id, i + 1]));
  const resolutionsOf = (itemId: string) => meeting.resolutions.filter((r) => r.itemId === itemId);
  // "For the whole meeting" is said only beside resolutions that are under an item: alone, it is noise.
  const anyUnderItem = meeting.resolutions.some((r) => r.itemId !== null);

  return (
    <article className="meeting-page">
      <BackLink to="/meetings" label={t("meetings.backToList")} />
      <PageHeader
        title={tx(meeting.title)}
        lead={
          <p className="page-meta meeting-meta">
            <span>
              <span className="page-meta-label">{t("meetings.heldOn")}</span>
              <time dateTime={meeting.date}>{f.date(meeting.date)}</time>
            </span>
            <span>
              {meeting.kind === "regular" ? t("meetings.kindRegular") : t("meetings.kindExtraordinary")}
            </span>
            <SourceRef source={meeting.source} />
          </p>
        }
        actions={
          <>
            {editable ? (
              <>
                <Link to={`/meetings/${meeting.id}/edit`} className="button button-secondary">
                  {t("meetings.edit")}
                </Link>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-expanded={closing}
                  onClick={() => setClosing(true)}
                >
                  {t("meetings.close")}
                </button>
              </>
            ) : null}
            <PrintButton />
          </>
        }
      />
      {saved || justClosed ? (
        <p className="saved-note no-print" role="status">
          {justClosed ? t("meetings.closedNow") : t("meetings.savedNow")}
        </p>
      ) : null}
      {editable && closing ? (
        <CloseMeetingConfirm
          meeting={meeting}
          onCancel={() => setClosing(false)}
          onClosed={() => {
            setClosing(false);
            setJustClosed(true);
          }}
        />
      ) : null}
      <ClosedBadge meeting={meeting} />

      <dl className="meeting-summary">
        <div className="tile">
          <dt>{t("meetings.summaryItems")}</dt>
          <dd>{t("meetings.count", { n: f.number(meeting.items.length) })}</dd>
        </div>
        <div className="tile">
          <dt>{t("meetings.summaryAttendees")}</dt>
          <dd>
            {meeting.vendorAttendees.length === 0
              ? t("meetings.noAttendees")
              : meeting.vendorAttendees.map((a) => (
                  <span key={a.vendorId} className="summary-attendee">
                    {names.vendor(a.vendorId)} <People figure={a.people} />
                  </span>
                ))}
          </dd>
        </div>
        <div className="tile">
          <dt>{t("meetings.summaryResolutions")}</dt>
          <dd>{t("meetings.count", { n: f.number(meeting.resolutions.length) })}</dd>
        </div>
      </dl>

      <section className="panel meeting-section" aria-labelledby={`${id}-items`}>
        <h2 id={`${id}-items`}>{t("meetings.itemsTitle")}</h2>
        {meeting.items.length === 0 ? (
          <p>{t("meetings.itemsEmpty")}</p>
        ) : (
          <ol className="meeting-items">
            {meeting.items.map((item) => (
              <li key={item.id} className="meeting-item">
                <h3>{tx(item.title)}</h3>
                <dl className="item-facts">
                  <div>
                    <dt>{t("meetings.presentedBy")}</dt>
                    <dd>
                      {item.presentedByIds.length === 0
                        ? t("meetings.none")
                        : item.presentedByIds.map(names.party).join(t("meetings.nameSeparator"))}
                    </dd>
                  </div>
                  <div>
                    <dt>{t("meetings.relatedIncidents")}</dt>
                    <dd>
                      {item.incidentIds.length === 0 ? (
                        t("meetings.none")
                      ) : (
                        <ul className="inline-list">
                          {item.incidentIds.map((incidentId) => {
                            const i = incident(incidentId);
                            return (
                              <li key={incidentId}>
                                <Link to={`/incidents/${incidentId}`}>
                                  {i
                                    ? `${t("meetings.incidentNumber", { n: i.number })} ${tx(i.title)}`
                                    : incidentId}
                                </Link>
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t("meetings.relatedDocuments")}</dt>
                    <dd>
                      {item.documentIds.length === 0 ? (
                        t("meetings.none")
                      ) : (
                        <ul className="inline-list">
                          {item.documentIds.map((documentId) => {
                            const d = names.document(documentId);
                            return (
                              <li key={documentId}>
                                <Link to={`/documents/${documentId}`}>
                                  {d
                                    ? t("meetings.documentTitle", { label: tx(d.label), title: tx(d.title) })
                                    : documentId}
                                </Link>
                                {d?.outsideRecord ? <OutsideMark /> : null}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </dd>
                  </div>
                </dl>
                {item.note ? <p className="item-note">{tx(item.note)}</p> : null}
                {resolutionsOf(item.id).length > 0 ? (
                  <div className="item-resolutions">
                    <p className="item-resolutions-title">{t("meetings.itemResolutions")}</p>
                    <ul>
                      {resolutionsOf(item.id).map((r) => (
                        <li key={r.id}>
                          <span className={`resolution-kind resolution-${r.kind}`}>
                            {t(`domain.resolutionKind.${r.kind}`)}
                          </span>{" "}
                          <a href={`#resolution-${r.id}`}>{tx(r.text)}</a>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel meeting-section" aria-labelledby={`${id}-attendees`}>
        <h2 id={`${id}-attendees`}>{t("meetings.attendeesTitle")}</h2>
        {meeting.vendorAttendees.length === 0 ? (
          <p>{t("meetings.attendeesEmpty")}</p>
        ) : (
          <ul className="attendees">
            {meeting.vendorAttendees.map((a) => (
              <li key={a.vendorId} data-testid={`attendee-${a.vendorId}`}>
                <Link to={`/vendors/${a.vendorId}`}>{names.vendor(a.vendorId)}</Link>{" "}
                {a.role ? <span>{tx(a.role)}</span> : null}{" "}
                <strong>
                  <People figure={a.people} />
                </strong>{" "}
                <SourceRef source={a.people.source} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel meeting-section" aria-labelledby={`${id}-resolutions`}>
        <h2 id={`${id}-resolutions`}>{t("meetings.resolutionsTitle")}</h2>
        {meeting.resolutions.length === 0 ? (
          <p>{t("meetings.resolutionsEmpty")}</p>
        ) : (
          <ol className="resolutions">
            {meeting.resolutions.map((r) => (
              <li
                key={r.id}
                id={`resolution-${r.id}`}
                className="resolution"
                data-testid={`resolution-${r.id}`}
              >
                {anyUnderItem ? (
                  <p className="resolution-under">
                    {r.itemId !== null && itemNumber.has(r.itemId)
                      ? t("meetings.resolutionUnderItem", {
                          n: f.number(itemNumber.get(r.itemId) ?? 0),
                          title: tx(
                            meeting.items.find((item) => item.id === r.itemId)?.title ?? { ja: "", en: "" },
                          ),
                        })
                      : t("meetings.resolutionWholeMeeting")}
                  </p>
                ) : null}
                <p className="resolution-head">
                  <span className={`resolution-kind resolution-${r.kind}`}>
                    {t(`domain.resolutionKind.${r.kind}`)}
                  </span>{" "}
                  <span className="resolution-text">{tx(r.text)}</span>
                </p>
                {r.quote ? (
                  <blockquote className="resolution-quote" lang="ja">
                    <span className="resolution-quote-label">{t("meetings.quote")}</span>「{r.quote}」
                  </blockquote>
                ) : null}
                {r.targetVendorIds.length > 0 ? (
                  <p className="resolution-targets">
                    {t("meetings.targets")}:{" "}
                    {r.targetVendorIds.map((v, i) => (
                      <span key={v}>
                        {i > 0 ? "、" : null}
                        <Link to={`/vendors/${v}`}>{names.vendor(v)}</Link>
                      </span>
                    ))}
                  </p>
                ) : null}
                {r.commitmentIds.length > 0 ? (
                  <div className="resolution-commitments">
                    <p className="resolution-commitments-title">{t("meetings.linkedCommitments")}</p>
                    <ul>
                      {r.commitmentIds.map((cid) => {
                        const c = commitment(cid);
                        const then = commitmentOnDay(cid);
                        return (
                          <li key={cid}>
                            <Link to={`/commitments?id=${cid}`}>{c ? tx(c.text) : cid}</Link>
                            {then ? (
                              <span className="commitment-state">
                                {t("meetings.commitmentStatus", {
                                  status: t(`domain.commitmentStatus.${then.status}`),
                                })}
                              </span>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ) : null}
                {r.note ? <p className="resolution-note">{tx(r.note)}</p> : null}
                <p className="resolution-source">
                  <SourceRef source={r.source} />
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <MeetingChanges meeting={meeting} record={record} />
      <RecordHistory record={{ entityType: "meeting", entityId: meeting.id }} />
    </article>
  );
};
