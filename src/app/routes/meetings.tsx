import { MeetingList } from "@/features/meetings/components/meeting-list";

export const MeetingsRoute = () => <MeetingList />;
