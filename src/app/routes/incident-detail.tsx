import { useParams } from "react-router";
import { IncidentClocks } from "@/features/deadlines/components/incident-clocks";
import { IncidentDetail } from "@/features/incidents/components/incident-detail";
import { todayInTokyo } from "@/shared/dates";

export const IncidentDetailRoute = () => {
  const { incidentId = "" } = useParams();
  // Keyed by id so moving between incidents starts each page fresh (no stale sections from the last one).
  return (
    <IncidentDetail
      key={incidentId}
      incidentId={incidentId}
      clocks={<IncidentClocks incidentId={incidentId} asOf={todayInTokyo()} />}
    />
  );
};
