import type { TMilestone } from "@/shared/schemas/incident";
import { MILESTONE_KINDS } from "@/shared/values";

const KIND_ORDER = new Map(MILESTONE_KINDS.map((k, i) => [k, i]));

/**
 * Timeline order, as the API orders steps: by date as written (a month-only "2025-07" sorts before the
 * days of July, which is as much as it says), then kind order, then position in the record.
 */
export const sortMilestones = (milestones: readonly TMilestone[]): TMilestone[] =>
  milestones
    .map((m, position) => ({ m, position }))
    .sort(
      (a, b) =>
        (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : 0) ||
        (KIND_ORDER.get(a.m.kind) ?? 0) - (KIND_ORDER.get(b.m.kind) ?? 0) ||
        a.position - b.position,
    )
    .map(({ m }) => m);
