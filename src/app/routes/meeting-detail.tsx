import { useParams } from "react-router";
import { useHasRole } from "@/features/auth/components/use-session";
import { MeetingDetail } from "@/features/meetings/components/meeting-detail";

export const MeetingDetailRoute = () => {
  const { meetingId = "" } = useParams();
  // Viewers get the board pack only; editors also get "edit" and "close" (the server refuses them anyway).
  const canEdit = useHasRole("editor");
  // Keyed by id so moving between meetings starts each page fresh.
  return <MeetingDetail key={meetingId} meetingId={meetingId} canEdit={canEdit} />;
};
