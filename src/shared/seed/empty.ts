import type { TDataset } from "../schemas/dataset";
import { blankOrganisation } from "../schemas/organisation";

/** A record with nothing in it but the organisation's default settings: where a real organisation starts. */
export const emptyDataset = (): TDataset => ({
  organisation: blankOrganisation(),
  cases: [],
  vendors: [],
  services: [],
  documents: [],
  incidents: [],
  cohorts: [],
  commitments: [],
  meetings: [],
  regulatoryActions: [],
});
