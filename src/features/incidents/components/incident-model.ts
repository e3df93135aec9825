import type { TMessageKey } from "@/i18n/catalog";
import { translate } from "@/i18n/i18n";
import { exactValue } from "@/shared/schemas/common";
import type { TIncident, TMilestone, TMilestoneKind } from "@/shared/schemas/incident";

/** Sum of the per-service counts, or null (未報告) when any part is missing or only approximate. */
export const affectedTotal = (incident: Pick<TIncident, "affected">): number | null => {
  if (incident.affected.length === 0) return null;
  let sum = 0;
  for (const entry of incident.affected) {
    const value = exactValue(entry.count);
    if (value === null) return null;
    sum += value;
  }
  return sum;
};

/** The milestones a board expects of every incident: when it happened, was found, and was reported. */
export const EXPECTED_MILESTONES = [
  "occurred",
  "detected",
  "reported_to_organisation",
  "reported_to_board",
] as const satisfies readonly TMilestoneKind[];

/** Expected milestones the record has no date for, shown as 未報告 rather than left out. */
export const missingMilestones = (milestones: readonly TMilestone[]): TMilestoneKind[] =>
  EXPECTED_MILESTONES.filter((kind) => !milestones.some((m) => m.kind === kind));

/** "the date of <milestone>" in both languages: what is missing when an expected milestone has no date. */
export const missingMilestoneText = (kind: string) => {
  const text = (lang: "ja" | "en") =>
    translate(lang, "incidents.missingMilestoneDate", {
      milestone: translate(lang, `domain.milestone.${kind}` as TMessageKey),
    });
  return { ja: text("ja"), en: text("en") };
};
