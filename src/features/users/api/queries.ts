import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGetAll, apiSend, type TBodyOf } from "@/lib/api-client";

// Every user, however many pages they take.

export const userQueries = {
  all: () => ["users"] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), "list"] as const,
      queryFn: ({ signal }) => apiGetAll("listUsers", { signal }),
    }),
};

export const userMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...userQueries.all(), "create"] as const,
      mutationFn: (body: TBodyOf<"createUser">) => apiSend("createUser", { body }),
    }),
  update: () =>
    mutationOptions({
      mutationKey: [...userQueries.all(), "update"] as const,
      mutationFn: ({ userId, body }: { userId: string; body: TBodyOf<"updateUser"> }) =>
        apiSend("updateUser", { params: { userId }, body }),
    }),
  /** The signed-in user's own password (any role). */
  changeOwn: () =>
    mutationOptions({
      mutationKey: [...userQueries.all(), "changeOwnPassword"] as const,
      mutationFn: (body: TBodyOf<"changeOwnPassword">) => apiSend("changeOwnPassword", { body }),
    }),
};
