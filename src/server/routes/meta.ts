import type { THandlers } from "@/server/routes/define";
import { buildOpenApiDocument } from "@/shared/openapi";

export const metaRoutes = {
  health: async ({ db, version }) => ({ status: "ok", database: db.engine, version }),
  openapi: async () => buildOpenApiDocument(),
} satisfies THandlers;
