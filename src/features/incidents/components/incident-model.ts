import type { TFigure } from "@/shared/schemas/common";
import {
  type TIncident,
  type TMilestone,
  type TMilestoneKind,
  ZMilestoneKind,
} from "@/shared/schemas/incident";

/** The exact value of a figure; approximate and not-reported figures have none (never 0). */
export const exactValue = (figure: TFigure): number | null =>
  figure.status === "reported" || figure.status === "derived" ? figure.value : null;

/** Sum of the per-product counts, or null (未報告) when any part is missing or only approximate. */
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

const kindOrder = (kind: TMilestoneKind) => ZMilestoneKind.options.indexOf(kind);

/**
 * Timeline order: by date as written (a month-only "2025-07" sorts before the days of July, which is
 * as much as it says), then kind order, then position in the record.
 */
export const sortMilestones = (milestones: readonly TMilestone[]): TMilestone[] =>
  milestones
    .map((m, position) => ({ m, position }))
    .sort(
      (a, b) =>
        (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : 0) ||
        kindOrder(a.m.kind) - kindOrder(b.m.kind) ||
        a.position - b.position,
    )
    .map(({ m }) => m);

/** The milestones a board expects of every incident: when it happened, was found, and was reported. */
export const EXPECTED_MILESTONES = [
  "occurred",
  "detected",
  "reported_to_association",
  "reported_to_board",
] as const satisfies readonly TMilestoneKind[];

/** Expected milestones the record has no date for, shown as 未報告 rather than left out. */
export const missingMilestones = (milestones: readonly TMilestone[]): TMilestoneKind[] =>
  EXPECTED_MILESTONES.filter((kind) => !milestones.some((m) => m.kind === kind));
