import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { QueryState } from "@/components/query-state";
import { formatMoment } from "@/i18n/format";
import { useI18n } from "@/i18n/i18n";
import type { TAuditVerification } from "@/shared/schemas/audit";
import { auditQueries } from "../api/queries";

/** How much of the last hash to show and to copy into the minutes: enough that no forgery matches it. */
export const HASH_PREFIX = 16;

/**
 * The first thing on the page: is the log intact? Intact: how many entries, and the last hash to note
 * in the board minutes. Not intact: each problem, naming its entry, in red.
 */
export const AuditVerification = () => {
  const { t } = useI18n();
  const id = useId();
  const query = useQuery(auditQueries.verify());
  return (
    <section className="panel audit-verification" aria-labelledby={id}>
      <div className="audit-section-head">
        <h2 id={id}>{t("audit.verifyTitle")}</h2>
        <button
          type="button"
          className="button button-secondary no-print"
          onClick={() => void query.refetch()}
          disabled={query.isFetching}
        >
          {query.isFetching ? t("audit.verifying") : t("audit.verifyAgain")}
        </button>
      </div>
      <QueryState query={query} minHeight="7.5rem">
        {(v) => (v.ok ? <Intact verification={v} /> : <Tampered verification={v} />)}
      </QueryState>
    </section>
  );
};

const CheckedAt = ({ at }: { at: string }) => {
  const { t, lang } = useI18n();
  return <p className="audit-checked">{t("audit.checkedAt", { at: formatMoment(at, lang) })}</p>;
};

const Intact = ({ verification: v }: { verification: TAuditVerification }) => {
  const { t, tp } = useI18n();
  const prefix = v.lastHash?.slice(0, HASH_PREFIX) ?? null;
  return (
    // A live region: after "verify again" the new result (and its time) is announced.
    <div className="audit-result audit-result-ok" aria-live="polite">
      <p className="audit-result-title">
        <span aria-hidden="true">✓ </span>
        {t("audit.verifyOk")}
      </p>
      <p>
        {v.entries > 0 ? tp("audit.verifyOkDetail", v.entries, { seq: v.lastSeq }) : t("audit.verifyEmpty")}
      </p>
      {prefix ? (
        <>
          <dl className="audit-hash">
            <dt>{t("audit.lastHash")}</dt>
            <dd>
              <code>{prefix}</code>
            </dd>
          </dl>
          <p className="audit-hash-help">{t("audit.lastHashHelp", { seq: v.lastSeq })}</p>
          <p className="audit-hash-help">
            {t("audit.lastHashCommand")}{" "}
            <code className="audit-command">{`npm run audit:verify -- --anchor ${v.lastSeq}:${prefix}`}</code>
          </p>
        </>
      ) : null}
      <CheckedAt at={v.checkedAt} />
    </div>
  );
};

const Tampered = ({ verification: v }: { verification: TAuditVerification }) => {
  const { t, tp } = useI18n();
  return (
    <div className="audit-result audit-result-bad" role="alert">
      <p className="audit-result-title">
        <span aria-hidden="true">✗ </span>
        {tp("audit.verifyFailed", v.problems.length)}
      </p>
      <p>{t("audit.verifyFailedLead")}</p>
      <ul className="audit-problems">
        {v.problems.map((p) => (
          <li key={`${p.seq}-${p.kind}`}>{t(`audit.problem_${p.kind}`, { seq: p.seq })}</li>
        ))}
      </ul>
      <CheckedAt at={v.checkedAt} />
    </div>
  );
};
