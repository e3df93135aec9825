import { z } from "zod";

/** RFC 9457 problem details, with one entry per invalid field. */
export const ZFieldError = z.strictObject({
  in: z.enum(["path", "query", "body", "header"]),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type TFieldError = z.infer<typeof ZFieldError>;

export const ZProblem = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(ZFieldError).optional(),
  /** On a 409 for a stale `version`: the record as it is now, so the client can show both and re-apply. */
  current: z.record(z.string(), z.unknown()).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZHealth = z.strictObject({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  version: z.string(),
});
