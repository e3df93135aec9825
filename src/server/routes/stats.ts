import {
  affectedStats,
  commitmentStats,
  intervalStats,
  overview,
  remediationStats,
  remediationTimeline,
  vendorScorecards,
} from "@/server/repository/stats";
import type { THandlers } from "@/server/routes/define";
import { todayInTokyo } from "@/shared/dates";

export const statsRoutes = {
  getOverview: ({ db, query }) => overview(db, query.asOf ?? todayInTokyo()),
  getAffectedStats: ({ db, query }) => affectedStats(db, query.fiscalYear),
  getRemediationStats: ({ db, query }) => remediationStats(db, query.incidentId),
  getRemediationTimeline: ({ db, query }) => remediationTimeline(db, query.incidentId),
  getCommitmentStats: ({ db, query }) => commitmentStats(db, query, query.asOf ?? todayInTokyo()),
  getIntervalStats: ({ db, query }) => intervalStats(db, query.incidentId),
  getVendorScorecards: ({ db, query }) =>
    vendorScorecards(db, query.fiscalYear, query.asOf ?? todayInTokyo()),
} satisfies THandlers;
