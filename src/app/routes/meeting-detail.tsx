import { useParams } from "react-router";
import { MeetingDetail } from "@/features/meetings/components/meeting-detail";

export const MeetingDetailRoute = () => {
  const { meetingId = "" } = useParams();
  // Keyed by id so moving between meetings starts each page fresh.
  return <MeetingDetail key={meetingId} meetingId={meetingId} />;
};
