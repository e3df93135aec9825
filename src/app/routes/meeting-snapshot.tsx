import { useParams } from "react-router";
import { MeetingSnapshotView } from "@/features/meetings/components/meeting-snapshot";

export const MeetingSnapshotRoute = () => {
  const { meetingId = "" } = useParams();
  return <MeetingSnapshotView key={meetingId} meetingId={meetingId} />;
};
