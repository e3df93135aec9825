import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { formatMoment } from "@/i18n/format";
import { useI18n } from "@/i18n/i18n";
import { ApiError } from "@/lib/api-client";
import { errorText, refusalOf } from "@/lib/form-errors";
import { todayInTokyo } from "@/shared/dates";
import type { TMeeting } from "@/shared/schemas/meeting";
import { meetingMutations, meetingQueries } from "../api/queries";
import { ExcludedNote } from "./meeting-excluded";

/**
 * "締め済み": when and by whom, where to see what the board was shown, and — when the meeting was closed
 * after its day with later records already in — how much of the record its frozen figures leave out.
 */
export const ClosedBadge = ({ meeting }: { meeting: TMeeting }) => {
  const { t, lang } = useI18n();
  const snapshot = useQuery({ ...meetingQueries.snapshot(meeting.id), enabled: meeting.closed !== null });
  if (!meeting.closed) return null;
  return (
    <div className="closed-note" data-testid="closed-badge">
      <p>
        <span className="closed-badge">{t("meetings.closedBadge")}</span>{" "}
        {t("meetings.closedBy", { at: formatMoment(meeting.closed.at, lang), by: meeting.closed.byName })}
      </p>
      <p className="closed-explain">
        {t("meetings.closedExplain")}{" "}
        <Link to={`/meetings/${meeting.id}/snapshot`} className="no-print">
          {t("meetings.snapshotLink")}
        </Link>
      </p>
      {snapshot.data ? <ExcludedNote excluded={snapshot.data.excluded} date={snapshot.data.asOf} /> : null}
    </div>
  );
};

type TProps = {
  meeting: TMeeting;
  onCancel: () => void;
  onClosed: () => void;
};

/**
 * The confirmation before closing: what closing does (freezes the figures and the record as of the
 * meeting day — anything dated later is left out, however late the meeting is closed; no further edits;
 * cannot be undone), then the write. A refusal is said in words next to the buttons.
 */
export const CloseMeetingConfirm = ({ meeting, onCancel, onClosed }: TProps) => {
  const i18n = useI18n();
  const { t, tx, f } = i18n;
  const id = useId();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const future = meeting.date > todayInTokyo();
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const close = useMutation({
    ...meetingMutations.close(),
    // Every page has been read again by now (src/lib/query-client.ts): the meeting shows as closed.
    onSuccess: () => onClosed(),
    onError: (error) => {
      const refusal = refusalOf(error, null);
      if (refusal.conflict || (error instanceof ApiError && error.status === 409)) {
        // Someone else changed or closed it meanwhile: show the meeting as it is now before anything else.
        void queryClient.invalidateQueries();
      }
      if (refusal.conflict) setMessage(t("meetings.closeStale"));
      else setMessage(errorText(i18n, refusal.form ?? { code: "generic" }));
    },
  });
  return (
    <section className="panel close-confirm" aria-labelledby={`${id}-title`} data-testid="close-confirm">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t("meetings.closeTitle", { title: tx(meeting.title) })}
      </h2>
      <ul className="close-effects">
        <li>{t("meetings.closeEffectFreeze", { date: f.date(meeting.date) })}</li>
        <li>{t("meetings.closeEffectLater", { date: f.date(meeting.date) })}</li>
        <li>{t("meetings.closeEffectNoEdit")}</li>
        <li>{t("meetings.closeEffectCompare")}</li>
        <li>{t("meetings.closeEffectFinal")}</li>
      </ul>
      {future ? (
        <p className="form-error" role="alert">
          {t("meetings.closeFuture", { date: f.date(meeting.date) })}
        </p>
      ) : null}
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={future || close.isPending}
          aria-busy={close.isPending || undefined}
          onClick={() => {
            setMessage(null);
            close.mutate({ meetingId: meeting.id, body: { version: meeting.version } });
          }}
        >
          {close.isPending ? t("meetings.closing") : t("meetings.closeConfirm")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={onCancel}
          disabled={close.isPending}
        >
          {t("meetings.closeCancel")}
        </button>
      </div>
    </section>
  );
};
