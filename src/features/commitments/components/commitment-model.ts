import type { TMessageKey } from "@/i18n/catalog";
import type { useI18n } from "@/i18n/i18n";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import type { TCommitmentNames } from "./use-commitment-names";

export type TI18n = ReturnType<typeof useI18n>;

/** Plain-text renderings of a commitment's fields, shared by the cards, the table and the CSV. */
export const commitmentText = ({ t, tx, f }: TI18n, names: TCommitmentNames) => ({
  kind: (c: TCommitmentView) => t(`domain.commitmentKind.${c.kind}` as TMessageKey),
  status: (c: TCommitmentView) => t(`domain.commitmentStatus.${c.status}` as TMessageKey),
  text: (c: TCommitmentView) => tx(c.text),
  owedBy: (c: TCommitmentView) => c.owedByIds.map(names.vendor).join(t("commitments.separator")),
  incidents: (c: TCommitmentView) => c.incidentIds.map(names.incidentShort).join(t("commitments.separator")),
  madeIn: (c: TCommitmentView) =>
    [
      c.madeInDocumentId ? names.document(c.madeInDocumentId) : null,
      c.madeAtMeetingId ? names.meeting(c.madeAtMeetingId) : null,
    ]
      .filter((s): s is string => s !== null)
      .join("・") || t("commitments.placeUnknown"),
  // Month-only dates stay month-only: f.date never invents a day.
  madeOn: (c: TCommitmentView) => (c.madeOn ? f.date(c.madeOn) : t("common.dateUnknown")),
  due: (c: TCommitmentView) => (c.dueDate ? f.date(c.dueDate) : t("commitments.noDueDate")),
  evidence: (c: TCommitmentView) => (c.evidence ? tx(c.evidence) : t("common.notReported")),
  overdue: (c: TCommitmentView) => (c.overdue ? t("commitments.overdue") : ""),
  source: (c: TCommitmentView) => [c.source.documentId, ...c.source.cites].map(names.document).join(" / "),
});
