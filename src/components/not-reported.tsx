import { useI18n } from "@/i18n/i18n";
import type { TText } from "@/shared/schemas/common";

/** The honest answer where the vendor gave no figure: visibly different from 0, and says what is missing. */
export const NotReported = ({ missing }: { missing?: TText | null }) => {
  const { t, tx } = useI18n();
  const label = t("common.notReported");
  return (
    <span
      className="not-reported"
      title={missing ? t("common.notReportedTitle", { missing: tx(missing) }) : undefined}
    >
      {label}
      {missing ? <span className="visually-hidden">{`: ${tx(missing)}`}</span> : null}
    </span>
  );
};
