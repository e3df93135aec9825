import type { HttpHandler } from "msw";
import { handlersFor, type TAllMockImpls } from "@/mocks/define";
import { authMocks } from "@/mocks/handlers/auth";
import { cohortMocks } from "@/mocks/handlers/cohorts";
import { commitmentMocks } from "@/mocks/handlers/commitments";
import { documentMocks } from "@/mocks/handlers/documents";
import { incidentMocks } from "@/mocks/handlers/incidents";
import { meetingMocks } from "@/mocks/handlers/meetings";
import { metaMocks } from "@/mocks/handlers/meta";
import { organisationMocks } from "@/mocks/handlers/organisation";
import { productMocks } from "@/mocks/handlers/products";
import { statsMocks } from "@/mocks/handlers/stats";
import { userMocks } from "@/mocks/handlers/users";
import { vendorMocks } from "@/mocks/handlers/vendors";
import type { TDataset } from "@/shared/schemas/dataset";
import { case2025 } from "@/shared/seed/case-2025";

/** Every endpoint of the contract must have exactly one mock: the type check fails otherwise. */
export const mockImplementations: TAllMockImpls = {
  ...metaMocks,
  ...organisationMocks,
  ...vendorMocks,
  ...productMocks,
  ...documentMocks,
  ...incidentMocks,
  ...cohortMocks,
  ...commitmentMocks,
  ...meetingMocks,
  ...statsMocks,
  ...authMocks,
  ...userMocks,
};

/** The handlers over any dataset (tests use a frozen copy to prove the mocks never change it). */
export const createHandlers = (data: Readonly<TDataset> = case2025): HttpHandler[] =>
  handlersFor(mockImplementations, data);

export const handlers = createHandlers();
