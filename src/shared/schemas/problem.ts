import { z } from "zod";

/** RFC 9457 problem details, with one entry per invalid field. */
export const ZFieldError = z.strictObject({
  in: z.enum(["path", "query", "body", "header"]),
  field: z.string(),
  code: z.string(),
  message: z.string(),
  /** For a file upload (an import): the file's line the error is on (1 = the header of a CSV). */
  line: z.number().int().min(1).optional(),
  /** Values the message is built from, so a client can say it in its user's language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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

/** Only whether the service answers: which engine and version it runs tell an attacker what to try. */
export const ZHealth = z.strictObject({ status: z.literal("ok") });
