import type { QueryClient } from "@tanstack/react-query";
import { importQueries } from "@/features/imports/api/queries";
import { organisationQueries } from "@/features/organisation/api/queries";
import { userQueries } from "@/features/users/api/queries";
import { referenceQueries } from "@/lib/reference-queries";

/** `/admin/users` (administrators): the users. */
export const usersPage = (queryClient: QueryClient) => {
  void queryClient.prefetchQuery(userQueries.list());
};

/** `/import` (editors): the cohorts a report may name and the documents it may cite. */
export const importPage = (queryClient: QueryClient) => {
  void queryClient.prefetchQuery(importQueries.cohorts());
  void queryClient.prefetchQuery(referenceQueries.documents());
};

/** `/admin/organisation` (administrators): the organisation's settings (the shell has usually read them). */
export const organisationPage = (queryClient: QueryClient) => {
  void queryClient.prefetchQuery(organisationQueries.settings());
};
