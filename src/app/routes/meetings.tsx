import { useHasRole } from "@/features/auth/components/use-session";
import { MeetingList } from "@/features/meetings/components/meeting-list";

export const MeetingsRoute = () => <MeetingList canEdit={useHasRole("editor")} />;
