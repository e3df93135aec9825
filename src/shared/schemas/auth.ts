import { z } from "zod";

/** Who may do what: viewer (board member) reads; editor (secretariat) records; admin also manages users. */
export const ZRole = z.enum(["viewer", "editor", "admin"]);
export type TRole = z.infer<typeof ZRole>;

/** The access an endpoint needs: `public` needs no sign-in; otherwise the least role allowed. */
export const ZAccess = z.enum(["public", "viewer", "editor", "admin"]);
export type TAccess = z.infer<typeof ZAccess>;

export const ROLE_RANK: Record<TAccess, number> = { public: 0, viewer: 1, editor: 2, admin: 3 };

/** The header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = "x-csrf-token";
export const SESSION_COOKIE = "bgd_session";

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "3–40 characters: letters, digits, dot, hyphen, underscore");

/** NUL (PostgreSQL text cannot hold it) or half of a UTF-16 pair: not text that can be stored or compared. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);
const NOT_STORABLE = "contains characters that cannot be stored";

/** The name others see in the audit trail and on closed meetings. */
const ZDisplayName = z.string().trim().min(1, "required").max(80).refine(storable, NOT_STORABLE);

/** Long passphrases are welcome; the upper bound only keeps hashing cheap for the server. */
/**
 * A new password: at least 12 characters, not mostly spaces, not one or two characters repeated. The
 * server also refuses common and breached passwords and ones built from the user's own name
 * (src/server/auth/password-strength.ts); the mocks apply the rules that need no word list.
 */
export const ZPassword = z
  .string()
  .min(12, "at least 12 characters")
  .max(256, "at most 256 characters")
  .refine((p) => p.trim().length >= 12, {
    message: "at least 12 characters besides spaces",
    params: { code: "too_short" },
  })
  .refine((p) => new Set(p.toLowerCase()).size >= 5, {
    message: "at least 5 different characters",
    params: { code: "too_few_distinct" },
  });

/** Whether a password contains the user's name (or their name contains it): the first thing an attacker tries. */
export const mentionsUser = (password: string, names: readonly string[]) => {
  const p = password.toLowerCase();
  return names.some((name) => {
    const n = name.trim().toLowerCase();
    return n.length >= 3 && (p.includes(n) || n.includes(p));
  });
};

export const ZUser = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  disabled: z.boolean(),
  createdAt: z.string(),
  version: z.number().int().min(1),
});
export type TUser = z.infer<typeof ZUser>;

export const ZSession = z.strictObject({
  user: ZUser.pick({ id: true, username: true, displayName: true, role: true }),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type TSession = z.infer<typeof ZSession>;

export const ZLoginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, "required").max(40).refine(storable, NOT_STORABLE),
  password: z.string().min(1, "required").max(256),
});

export const ZUserCreateBody = z.strictObject({
  username: ZUsername,
  displayName: ZDisplayName,
  role: ZRole,
  password: ZPassword,
});

export const ZUserUpdateBody = z
  .strictObject({
    /** The version the editor saw: a stale one gets 409 with the current record. */
    version: z.number().int().min(1),
    displayName: ZDisplayName.optional(),
    role: ZRole.optional(),
    disabled: z.boolean().optional(),
    password: ZPassword.optional(),
  })
  .refine((b) => Object.keys(b).length > 1, { message: "nothing to change", path: [] });

export const ZOk = z.strictObject({ ok: z.literal(true) });

/** A user changing their own password: the current one proves it is them, not a borrowed session. */
export const ZPasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, "required").max(256),
  newPassword: ZPassword,
});
