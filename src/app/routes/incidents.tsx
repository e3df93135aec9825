import { IncidentList } from "@/features/incidents/components/incident-list";

export const IncidentsRoute = () => <IncidentList />;
