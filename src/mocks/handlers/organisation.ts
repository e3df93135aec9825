import type { TMockImpls } from "@/mocks/define";

export const organisationMocks = {
  getOrganisation: ({ data }) => data.organisation,
} satisfies TMockImpls;
