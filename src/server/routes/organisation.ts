import { getOrganisation } from "@/server/repository/organisation";
import type { THandlers } from "@/server/routes/define";

export const organisationRoutes = {
  getOrganisation: async ({ db }) => {
    const organisation = await getOrganisation(db);
    // Seeding stores the organisation first: without it the database was never set up, a server fault.
    if (!organisation) throw new Error("the organisation is not loaded; was the database seeded?");
    return organisation;
  },
} satisfies THandlers;
