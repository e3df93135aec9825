import { mutationOptions } from "@tanstack/react-query";
import { apiSend, type TBodyOf } from "@/lib/api-client";
import { referenceQueries } from "@/lib/reference-queries";

/*
 * The organisation's settings. Reading them is the reference query every page shares (the header, the
 * i18n words, the forms' choices), so this page edits the very data those show; a save refreshes every
 * query (src/lib/query-client.ts), and with it the header and every text that says {org}, {board}, {people}.
 */
export const organisationQueries = {
  all: () => referenceQueries.all(),
  settings: () => referenceQueries.organisation(),
};

export const organisationMutations = {
  update: () =>
    mutationOptions({
      mutationKey: ["organisation", "update"] as const,
      mutationFn: (body: TBodyOf<"updateOrganisation">) => apiSend("updateOrganisation", { body }),
    }),
};
