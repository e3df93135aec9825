import { Link } from "react-router";
import { NotReported } from "@/components/not-reported";
import { RecordHistory } from "@/components/record-history";
import { SourceRef } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import { catalogText } from "@/lib/catalog-text";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import { CommitmentActions } from "./commitment-actions";
import { NoDueDate, OverdueFlag } from "./commitment-flags";
import { CommitmentHistory } from "./commitment-history";
import { commitmentText } from "./commitment-model";
import { CommitmentStatusSteps } from "./commitment-status-steps";
import type { TCommitmentNames } from "./use-commitment-names";

const evidenceMissing = catalogText("commitments.evidenceMissing");

/** One promise or demand, with everything a board member needs to judge whether it is being kept. */
export const CommitmentCard = ({
  commitment: c,
  names,
}: {
  commitment: TCommitmentView;
  names: TCommitmentNames;
}) => {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const text = commitmentText(i18n, names);
  const titleId = `${c.id}-title`;
  return (
    <article
      id={c.id}
      className={`commitment-card${c.overdue ? " commitment-card-overdue" : ""}`}
      aria-labelledby={titleId}
    >
      <div className="commitment-card-head">
        <span className={`kind-badge kind-${c.kind}`}>{text.kind(c)}</span>
        <span className={`status-chip commitment-status-${c.status}`}>{text.status(c)}</span>
        {c.overdue ? <OverdueFlag /> : null}
      </div>
      <h3 id={titleId} className="commitment-text">
        {tx(c.text)}
      </h3>
      {c.quote ? (
        <figure className="commitment-quote">
          <figcaption>{t("commitments.quoteLabel")}</figcaption>
          <blockquote lang="ja">{c.quote}</blockquote>
        </figure>
      ) : null}
      <dl className="commitment-facts">
        <div>
          <dt>{t("commitments.owedBy")}</dt>
          <dd>
            {c.owedByIds.map((id, i) => (
              <span key={id}>
                {i > 0 ? t("commitments.separator") : null}
                <Link to={`/vendors/${id}`}>{names.vendor(id)}</Link>
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t("commitments.due")}</dt>
          <dd>{c.dueDate ? text.due(c) : <NoDueDate />}</dd>
        </div>
        <div>
          <dt>{t("commitments.evidence")}</dt>
          <dd>{c.evidence ? tx(c.evidence) : <NotReported missing={evidenceMissing} />}</dd>
        </div>
        <div>
          <dt>{t("commitments.madeOn")}</dt>
          <dd>{text.madeOn(c)}</dd>
        </div>
        <div>
          <dt>{c.kind === "board_demand" ? t("commitments.madeWhereDemand") : t("commitments.madeWhere")}</dt>
          <dd>
            {c.madeInDocumentId || c.madeAtMeetingId ? (
              <>
                {c.madeInDocumentId ? (
                  <Link to={`/documents/${c.madeInDocumentId}`}>{names.document(c.madeInDocumentId)}</Link>
                ) : null}
                {c.madeInDocumentId && c.madeAtMeetingId ? "・" : null}
                {c.madeAtMeetingId ? (
                  <Link to={`/meetings/${c.madeAtMeetingId}`}>{names.meeting(c.madeAtMeetingId)}</Link>
                ) : null}
              </>
            ) : (
              t("commitments.placeUnknown")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("commitments.incidents")}</dt>
          <dd>
            {c.incidentIds.length === 0
              ? t("common.none")
              : c.incidentIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 ? t("commitments.separator") : null}
                    <Link to={`/incidents/${id}`}>{names.incident(id)}</Link>
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      <div className="commitment-progress">
        <p className="commitment-progress-label">{t("commitments.progressLabel")}</p>
        <CommitmentStatusSteps commitment={c} />
      </div>
      <section className="commitment-history-box" aria-labelledby={`${c.id}-history`}>
        <h4 id={`${c.id}-history`} className="commitment-progress-label">
          {t("commitments.historyTitle")}
        </h4>
        <CommitmentHistory commitment={c} />
      </section>
      <p className="commitment-source">
        <SourceRef source={c.source} />
      </p>
      <CommitmentActions commitment={c} names={names} />
      <RecordHistory record={{ entityType: "commitment", entityId: c.id }} variant="card" />
    </article>
  );
};
