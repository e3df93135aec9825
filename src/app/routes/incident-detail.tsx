import { useParams } from "react-router";
import { IncidentDetail } from "@/features/incidents/components/incident-detail";

export const IncidentDetailRoute = () => {
  const { incidentId = "" } = useParams();
  // Keyed by id so moving between incidents starts each page fresh (no stale sections from the last one).
  return <IncidentDetail key={incidentId} incidentId={incidentId} />;
};
