import type { HttpHandler } from "msw";
import { handlersFor, type TAllMockImpls } from "@/mocks/define";
import { auditMocks } from "@/mocks/handlers/audit";
import { authMocks } from "@/mocks/handlers/auth";
import { cohortMocks } from "@/mocks/handlers/cohorts";
import { commitmentMocks } from "@/mocks/handlers/commitments";
import { deadlineMocks } from "@/mocks/handlers/deadlines";
import { documentMocks } from "@/mocks/handlers/documents";
import { editMocks } from "@/mocks/handlers/edits";
import { importMocks } from "@/mocks/handlers/imports";
import { incidentMocks } from "@/mocks/handlers/incidents";
import { meetingMocks } from "@/mocks/handlers/meetings";
import { metaMocks } from "@/mocks/handlers/meta";
import { organisationMocks } from "@/mocks/handlers/organisation";
import { productMocks } from "@/mocks/handlers/products";
import { settingMocks } from "@/mocks/handlers/settings";
import { snapshotMocks } from "@/mocks/handlers/snapshots";
import { statsMocks } from "@/mocks/handlers/stats";
import { userMocks } from "@/mocks/handlers/users";
import { vendorMocks } from "@/mocks/handlers/vendors";
import { createMockStore, type TMockStore } from "@/mocks/store";
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
  ...editMocks,
  ...auditMocks,
  ...deadlineMocks,
  ...settingMocks,
  ...importMocks,
  ...snapshotMocks,
};

/**
 * The handlers over any dataset, each call with a record of its own (tests use a frozen copy to prove the
 * mocks never change it in place).
 */
export const createHandlers = (data: Readonly<TDataset> | TMockStore = case2025): HttpHandler[] =>
  handlersFor(mockImplementations, data);

/** The record the app's mocks (browser and UI tests) write to; reset it with resetMockStore. */
export const mockStore = createMockStore(case2025);

export const handlers = createHandlers(mockStore);
