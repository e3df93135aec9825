import { useParams } from "react-router";
import { RequireRole } from "@/features/auth/components/require-role";
import { MeetingEditor } from "@/features/meetings/components/meeting-form";

/** /meetings/new and /meetings/:meetingId/edit: editors only (anyone else gets the 403 page). */
export const MeetingEditRoute = () => {
  const { meetingId } = useParams();
  return (
    <RequireRole atLeast="editor">
      <MeetingEditor key={meetingId ?? "new"} meetingId={meetingId} />
    </RequireRole>
  );
};
