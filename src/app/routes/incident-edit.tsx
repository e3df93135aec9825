import { useParams } from "react-router";
import { RequireRole } from "@/features/auth/components/require-role";
import { IncidentEditor } from "@/features/incidents/components/incident-form";

/** Editors and admins only: anyone else gets the 403 page (the server refuses them too). */
export const IncidentNewRoute = () => (
  <RequireRole atLeast="editor">
    <IncidentEditor />
  </RequireRole>
);

export const IncidentEditRoute = () => {
  const { incidentId = "" } = useParams();
  return (
    <RequireRole atLeast="editor">
      <IncidentEditor key={incidentId} incidentId={incidentId} />
    </RequireRole>
  );
};
