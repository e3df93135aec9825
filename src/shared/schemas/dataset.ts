import { z } from "zod";
import { ZCase } from "./case";
import { ZCohort } from "./cohort";
import { ZCommitment } from "./commitment";
import { ZSourceDocument } from "./document";
import { ZIncident } from "./incident";
import { ZMeeting } from "./meeting";
import { ZOrganisation } from "./organisation";
import { ZService } from "./service";
import { ZRegulatoryAction, ZVendor } from "./vendor";

/** The whole record as loaded into an empty database or served by the mocks. */
export const ZDataset = z.strictObject({
  organisation: ZOrganisation,
  cases: z.array(ZCase),
  vendors: z.array(ZVendor),
  services: z.array(ZService),
  documents: z.array(ZSourceDocument),
  incidents: z.array(ZIncident),
  cohorts: z.array(ZCohort),
  commitments: z.array(ZCommitment),
  meetings: z.array(ZMeeting),
  regulatoryActions: z.array(ZRegulatoryAction),
});
export type TDataset = z.infer<typeof ZDataset>;
/** A dataset as written by hand: defaults (versions, closing state) may be left out. */
export type TDatasetInput = z.input<typeof ZDataset>;
