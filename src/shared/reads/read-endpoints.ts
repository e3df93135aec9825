import {
  caseReads,
  cohortReads,
  commitmentReads,
  deadlineReads,
  documentReads,
  incidentReads,
  meetingReads,
  organisationReads,
  serviceReads,
  vendorReads,
} from "./records";
import { statsReads } from "./stats";

/** Every read of the record, by endpoint: the server's routes and the mocks' handlers are both built from it. */
export const readEndpoints = {
  ...organisationReads,
  ...caseReads,
  ...vendorReads,
  ...serviceReads,
  ...documentReads,
  ...incidentReads,
  ...cohortReads,
  ...commitmentReads,
  ...meetingReads,
  ...deadlineReads,
  ...statsReads,
};

export type TReadEndpointName = keyof typeof readEndpoints;
