import type { TEndpoint } from "./contract";
import { problem } from "./http";
import { CSRF_HEADER, ROLE_RANK, type TRole } from "./schemas/auth";
import type { TFieldError, TProblem } from "./schemas/problem";

/*
 * Who may call what, shared by the real server and the MSW mocks so that both refuse a request with the
 * same status and the same problem+json, in the same order: a cross-site write (403), not signed in (401),
 * role too low (403), a write without the session's CSRF token (403).
 */

/** A session lasts at most this long from sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** …and ends after this long without a request (sliding). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** A session's last-seen time is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** Failed sign-ins count for this long. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const isStateChanging = (method: string) => STATE_CHANGING.has(method.toUpperCase());

/** State-changing requests to endpoints behind sign-in carry the session's CSRF token (login does not). */
export const needsCsrf = (endpoint: Pick<TEndpoint, "method" | "access">) =>
  endpoint.access !== "public" && isStateChanging(endpoint.method);

/**
 * A request a browser sent from another site: `Sec-Fetch-Site` says so, or `Origin` names another host
 * (or is "null", as from a sandboxed frame). Requests without either (curl, tests) are not cross-site;
 * they still need the CSRF token.
 */
export const isCrossSite = (headers: Headers, requestHost: string): boolean => {
  const site = headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host.toLowerCase() !== requestHost.toLowerCase();
  } catch {
    return true;
  }
};

export const notSignedIn = () => problem(401, "Sign in to use this endpoint.");

export const roleTooLow = (role: TRole, needed: TRole) =>
  problem(403, `This needs the ${needed} role; you are signed in as ${role}.`);

export const csrfRefused = () =>
  problem(403, `The ${CSRF_HEADER} header is missing or does not match the session's token.`);

export const crossSiteRefused = () => problem(403, "Requests that change data must come from this site.");

export const badCredentials = () => problem(401, "The username or password is wrong.");

export const tooManyAttempts = (retryAfterSeconds: number) =>
  problem(
    429,
    `Too many failed sign-in attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`,
  );

export const usernameTaken = (username: string) =>
  problem(409, `The username "${username}" is taken.`, [
    { in: "body", field: "username", code: "taken", message: "this username is taken" },
  ]);

/** A write that carried a stale version: the record as it is now goes with the answer. */
export const staleVersion = (current: Record<string, unknown> & { version: number }): TProblem => ({
  ...problem(
    409,
    `Someone else changed this record (now at version ${current.version}); review it and apply your change again.`,
  ),
  current,
});

export const lastAdmin = (fields: ("role" | "disabled")[]) => {
  const message = "the last active administrator must stay an active administrator";
  const errors: TFieldError[] = fields.map((field) => ({ in: "body", field, code: "last_admin", message }));
  return problem(
    400,
    "This would leave no active administrator: make another user an administrator first.",
    errors,
  );
};

export type TAccessCheck = {
  /** The signed-in user's role, or null when the request carries no valid session. */
  role: TRole | null;
  /** The request's CSRF header equals the session's token (compared in constant time by the caller). */
  csrfValid: boolean;
  crossSite: boolean;
};

/** The refusal for a request to `endpoint`, or null when it may go on. */
export const accessProblem = (
  endpoint: Pick<TEndpoint, "method" | "access">,
  check: TAccessCheck,
): TProblem | null => {
  if (isStateChanging(endpoint.method) && check.crossSite) return crossSiteRefused();
  if (endpoint.access === "public") return null;
  if (check.role === null) return notSignedIn();
  if (ROLE_RANK[check.role] < ROLE_RANK[endpoint.access]) return roleTooLow(check.role, endpoint.access);
  if (needsCsrf(endpoint) && !check.csrfValid) return csrfRefused();
  return null;
};
