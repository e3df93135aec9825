import { NotReported } from "@/components/not-reported";
import { useI18n } from "@/i18n/i18n";
import type { TRemediationTotals } from "@/shared/schemas/stats";
import type { TVendorWords } from "./vendor-words";

/** Nobody reported done and every person's progress unreported: "not reported", not 0. */
export const doneUnreported = (r: TRemediationTotals) =>
  r.people > 0 && r.done === 0 && r.notReported === r.people;

/** "金銭の是正・会員" / "本人への通知・顧客": what one row of totals is about. */
export const useRemediationLabel = (words: TVendorWords) => {
  const { t } = useI18n();
  return (r: Pick<TRemediationTotals, "purpose" | "populationId">) =>
    t("vendors.remediationGroup", {
      purpose: t(`domain.purpose.${r.purpose}`),
      population: words.population(r.populationId),
    });
};

/**
 * Remediation per purpose and population: money put right (是正済み) and letters sent (送付済み) are
 * separate rows, as are members and customers; none is ever added to another.
 */
export const RemediationList = ({
  rows,
  words,
}: {
  rows: readonly TRemediationTotals[];
  words: TVendorWords;
}) => {
  const { t, f } = useI18n();
  const label = useRemediationLabel(words);
  if (rows.length === 0) return <span>{t("vendors.remediationNone")}</span>;
  return (
    <ul className="remediation-rows">
      {rows.map((r) => (
        <li key={`${r.purpose}:${r.populationId}`} data-purpose={r.purpose}>
          <span className="remediation-title">{label(r)}</span>
          <span className="remediation-figures">
            <span className="metric-value">{doneUnreported(r) ? <NotReported /> : f.people(r.done)}</span>{" "}
            <span className="metric-sub-inline">
              {r.purpose === "financial" ? t("vendors.doneFinancial") : t("vendors.doneNotification")}{" "}
              {t("vendors.remediationOf", {
                total: r.people > 0 ? f.people(r.people) : t("common.notReported"),
              })}
            </span>
          </span>
          {r.notReported > 0 ? (
            <span className="metric-flag">
              {t("vendors.remediationNotReported", { n: f.people(r.notReported) })}
            </span>
          ) : null}
          {/* Letters carry no money: a notification row never shows yen. */}
          {r.purpose === "financial" && r.owedYen > 0 ? (
            <span className="metric-sub">
              {t("vendors.remediationYen", { done: f.yen(r.doneYen), owed: f.yen(r.owedYen) })}
            </span>
          ) : null}
          {r.purpose === "financial" && r.peopleWithUnknownAmount > 0 ? (
            <span className="metric-sub">
              {t("vendors.remediationYenFloor", { n: f.people(r.peopleWithUnknownAmount) })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
};
