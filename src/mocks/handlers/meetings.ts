import { fail, type TMockImpls } from "@/mocks/define";
import { compareText, page } from "@/mocks/derive";
import { notFound } from "@/shared/http";

export const meetingMocks = {
  listMeetings: ({ data, query }) =>
    page(
      data.meetings
        .filter((m) => query.fiscalYear === undefined || m.fiscalYear === query.fiscalYear)
        .sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id)),
      query,
    ),
  getMeeting: ({ data, params }) =>
    data.meetings.find((m) => m.id === params.meetingId) ?? fail(notFound("meeting", params.meetingId)),
} satisfies TMockImpls;
