import { fail, type TMockImpls } from "@/mocks/define";
import { cohortsInOrder, page } from "@/mocks/derive";
import { notFound } from "@/shared/http";

export const cohortMocks = {
  listCohorts: ({ data, query }) =>
    page(
      cohortsInOrder(data).filter(
        (c) =>
          (query.incidentId === undefined || c.incidentId === query.incidentId) &&
          (query.status === undefined || c.status === query.status),
      ),
      query,
    ),
  getCohort: ({ data, params }) =>
    data.cohorts.find((c) => c.id === params.cohortId) ?? fail(notFound("cohort", params.cohortId)),
} satisfies TMockImpls;
