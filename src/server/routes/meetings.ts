import { getMeeting, listMeetings } from "@/server/repository/meetings";
import { found, type THandlers } from "@/server/routes/define";
import { notFound } from "@/shared/http";

export const meetingRoutes = {
  listMeetings: ({ db, query }) => listMeetings(db, query, query),
  getMeeting: async ({ db, params }) =>
    found(await getMeeting(db, params.meetingId), () => notFound("meeting", params.meetingId)),
} satisfies THandlers;
