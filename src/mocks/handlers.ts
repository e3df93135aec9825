import type { HttpHandler } from "msw";
import { handlersFor, type TAllMockImpls } from "@/mocks/define";
import { auditMocks } from "@/mocks/handlers/audit";
import { authMocks } from "@/mocks/handlers/auth";
import { editMocks } from "@/mocks/handlers/edits";
import { importMocks } from "@/mocks/handlers/imports";
import { metaMocks } from "@/mocks/handlers/meta";
import { readMocks } from "@/mocks/handlers/reads";
import { settingMocks } from "@/mocks/handlers/settings";
import { snapshotMocks } from "@/mocks/handlers/snapshots";
import { userMocks } from "@/mocks/handlers/users";
import { createMockStore, type TMockStore } from "@/mocks/store";
import type { TDataset } from "@/shared/schemas/dataset";
import { case2025 } from "@/shared/seed/case-2025";

/** Every endpoint of the contract must have exactly one mock: the type check fails otherwise. */
export const mockImplementations: TAllMockImpls = {
  ...metaMocks,
  ...readMocks,
  ...authMocks,
  ...userMocks,
  ...editMocks,
  ...auditMocks,
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
