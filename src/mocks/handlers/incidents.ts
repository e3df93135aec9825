import { fail, type TMockImpls } from "@/mocks/define";
import { affectedTotal, firstDate, page } from "@/mocks/derive";
import { notFound } from "@/shared/http";

export const incidentMocks = {
  listIncidents: ({ data, query }) =>
    page(
      data.incidents
        .filter(
          (i) =>
            (query.vendorId === undefined || i.vendorIds.includes(query.vendorId)) &&
            (query.category === undefined || i.category === query.category) &&
            (query.status === undefined || i.status === query.status) &&
            (query.fiscalYear === undefined || i.fiscalYear === query.fiscalYear),
        )
        .map((i) => ({
          id: i.id,
          number: i.number,
          title: i.title,
          category: i.category,
          status: i.status,
          fiscalYear: i.fiscalYear,
          vendorIds: i.vendorIds,
          affectedTotal: affectedTotal(i),
          firstDate: firstDate(i),
        })),
      query,
    ),
  getIncident: ({ data, params }) =>
    data.incidents.find((i) => i.id === params.incidentId) ?? fail(notFound("incident", params.incidentId)),
} satisfies TMockImpls;
