import { getCommitment, listCommitments } from "@/server/repository/commitments";
import { found, type THandlers } from "@/server/routes/define";
import { todayInTokyo } from "@/shared/dates";
import { notFound } from "@/shared/http";

export const commitmentRoutes = {
  listCommitments: ({ db, query }) => listCommitments(db, query, query.asOf ?? todayInTokyo(), query),
  getCommitment: async ({ db, params, query }) =>
    found(await getCommitment(db, params.commitmentId, query.asOf ?? todayInTokyo()), () =>
      notFound("commitment", params.commitmentId),
    ),
} satisfies THandlers;
