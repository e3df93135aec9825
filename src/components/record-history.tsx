import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatMoment } from "@/i18n/format";
import { useI18n } from "@/i18n/i18n";
import { HISTORY_LIMIT, recordAuditQueries, type TAuditRef } from "@/lib/audit-queries";
import {
  actionLabel,
  actorName,
  changedFields,
  changeWords,
  entityTypeLabel,
  recordName,
} from "@/lib/audit-text";
import type { TAuditEntry } from "@/shared/schemas/audit";
import { QueryState } from "./query-state";
import "./record-history.css";

/** More changed fields than this in one entry are summed up ("and 4 more fields"). */
const MAX_LINES = 6;

type TProps = {
  record: TAuditRef;
  /** Records shown on the same page whose changes belong to its history too (a vendor's schemes). */
  related?: readonly TAuditRef[];
  /** An incident: also its remediation groups, whose progress is recorded on them. */
  withCohorts?: boolean;
  /** "page": a section at the end of a detail page (h2); "card": inside a card whose title is an h3. */
  variant?: "page" | "card";
};

/**
 * "Each record's page shows its history": who changed what, and when, in words, newest first. Collapsed
 * by default and only fetched when opened, so a page (or a list of cards) costs nothing until asked.
 */
export const RecordHistory = ({ record, related = [], withCohorts = false, variant = "page" }: TProps) => {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const Heading = variant === "page" ? "h2" : "h4";
  return (
    <section
      className={`record-history record-history-${variant}${variant === "page" ? " panel" : ""} no-print`}
      aria-labelledby={id}
    >
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <Heading id={id} className="record-history-title">
            {t("audit.historyTitle")}
          </Heading>{" "}
          <span className="record-history-hint">{t("audit.historyHint")}</span>
        </summary>
        {open ? (
          <HistoryList
            record={record}
            refs={[record, ...related]}
            cohortsOf={withCohorts && record.entityType === "incident" ? record.entityId : undefined}
          />
        ) : null}
      </details>
    </section>
  );
};

const HistoryList = ({
  record,
  refs,
  cohortsOf,
}: {
  record: TAuditRef;
  refs: readonly TAuditRef[];
  cohortsOf: string | undefined;
}) => {
  const { t } = useI18n();
  const query = useQuery(recordAuditQueries.history(refs, cohortsOf));
  return (
    <QueryState
      query={query}
      minHeight="3rem"
      isEmpty={(data) => data.entries.length === 0}
      empty={<p className="record-history-empty">{t("audit.historyEmpty")}</p>}
    >
      {(data) => (
        <>
          <ol className="record-history-list" aria-label={t("audit.historyCaption")}>
            {data.entries.map((entry) => (
              <HistoryEntry key={entry.seq} entry={entry} record={record} />
            ))}
          </ol>
          {data.limited ? (
            <p className="record-history-note">{t("audit.historyLimited", { n: HISTORY_LIMIT })}</p>
          ) : null}
        </>
      )}
    </QueryState>
  );
};

const HistoryEntry = ({ entry, record }: { entry: TAuditEntry; record: TAuditRef }) => {
  const i18n = useI18n();
  // A creation lists no fields: the record's page shows what it was created with.
  const changes = entry.before === null ? [] : changedFields(entry);
  const other = entry.entityType !== record.entityType || entry.entityId !== record.entityId;
  return (
    <li className="record-history-entry">
      <p className="record-history-head">
        <time dateTime={entry.at}>{formatMoment(entry.at, i18n.lang)}</time>
        <span className="record-history-who">{actorName(i18n, entry.actor)}</span>
        <span className="record-history-action">{actionLabel(i18n, entry.action)}</span>
        {other ? (
          <span className="record-history-record">
            {entityTypeLabel(i18n, entry.entityType)}
            {i18n.lang === "ja" ? ":" : ": "}
            {recordName(i18n, entry)}
          </span>
        ) : null}
      </p>
      {changes.length > 0 ? (
        <ul className="record-history-changes">
          {changes.slice(0, MAX_LINES).map((change) => (
            <li key={change.field}>{changeWords(i18n, entry.entityType, change)}</li>
          ))}
          {changes.length > MAX_LINES ? (
            <li>{i18n.t("audit.changeMore", { n: changes.length - MAX_LINES })}</li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
};
