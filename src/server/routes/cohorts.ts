import { getCohort, listCohorts } from "@/server/repository/cohorts";
import { found, type THandlers } from "@/server/routes/define";
import { notFound } from "@/shared/http";

export const cohortRoutes = {
  listCohorts: ({ db, query }) => listCohorts(db, query, query),
  getCohort: async ({ db, params }) =>
    found(await getCohort(db, params.cohortId), () => notFound("cohort", params.cohortId)),
} satisfies THandlers;
