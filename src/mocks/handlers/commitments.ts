import { fail, type TMockImpls } from "@/mocks/define";
import { commitmentView, compareText, page } from "@/mocks/derive";
import { todayInTokyo } from "@/shared/dates";
import { notFound } from "@/shared/http";

export const commitmentMocks = {
  listCommitments: ({ data, query }) => {
    const asOf = query.asOf ?? todayInTokyo();
    const overdue = query.overdue === undefined ? undefined : query.overdue === "true";
    return page(
      data.commitments
        .map((c) => commitmentView(c, asOf))
        .filter(
          (c) =>
            (query.vendorId === undefined || c.owedByIds.includes(query.vendorId)) &&
            (query.incidentId === undefined || c.incidentIds.includes(query.incidentId)) &&
            (query.kind === undefined || c.kind === query.kind) &&
            (query.status === undefined || c.status === query.status) &&
            (query.dueBefore === undefined ||
              (c.dueDate !== null && compareText(c.dueDate, query.dueBefore) < 0)) &&
            (overdue === undefined || c.overdue === overdue),
        ),
      query,
    );
  },
  getCommitment: ({ data, params, query }) => {
    const commitment = data.commitments.find((c) => c.id === params.commitmentId);
    if (!commitment) return fail(notFound("commitment", params.commitmentId));
    return commitmentView(commitment, query.asOf ?? todayInTokyo());
  },
} satisfies TMockImpls;
