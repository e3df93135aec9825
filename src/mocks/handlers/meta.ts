import type { TMockImpls } from "@/mocks/define";
import { buildOpenApiDocument } from "@/shared/openapi";

export const metaMocks = {
  // The mocks stand in for the server on its default engine.
  health: () => ({ status: "ok" }),
  openapi: () => buildOpenApiDocument(),
} satisfies TMockImpls;
