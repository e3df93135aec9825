import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { apiGet, apiSend, type TBodyOf } from "@/lib/api-client";

// An association's dashboard has a handful of users: one page holds them all.
const ALL = { limit: 500 } as const;

export const userQueries = {
  all: () => ["users"] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), "list"] as const,
      queryFn: ({ signal }) => apiGet("listUsers", { query: ALL, signal }),
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
};
