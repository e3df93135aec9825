import type { TMockImpls } from "@/mocks/define";
import { buildOpenApiDocument } from "@/shared/openapi";
import { APP_VERSION } from "@/shared/version";

export const metaMocks = {
  // The mocks stand in for the server on its default engine.
  health: () => ({ status: "ok", database: "pglite", version: APP_VERSION }),
  openapi: () => buildOpenApiDocument(),
} satisfies TMockImpls;
