import { getIncident, listIncidents } from "@/server/repository/incidents";
import { found, type THandlers } from "@/server/routes/define";
import { notFound } from "@/shared/http";

export const incidentRoutes = {
  listIncidents: ({ db, query }) => listIncidents(db, query, query),
  getIncident: async ({ db, params }) =>
    found(await getIncident(db, params.incidentId), () => notFound("incident", params.incidentId)),
} satisfies THandlers;
