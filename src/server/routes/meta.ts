import type { THandlers } from "@/server/routes/define";
import { buildOpenApiDocument } from "@/shared/openapi";

export const metaRoutes = {
  // A query that reaches the database: while it is down the dispatcher answers 503.
  health: async ({ db }) => {
    await db.query("SELECT 1");
    return { status: "ok" as const };
  },
  openapi: async () => buildOpenApiDocument(),
} satisfies THandlers;
