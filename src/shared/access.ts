import type { TEndpoint } from "./contract";
import { problem } from "./http";
import { CSRF_HEADER, ROLE_RANK, type TAccess, type TRole } from "./schemas/auth";
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

/** Sign-in attempts count for this long. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Attempts one address may make at one account without waiting; after that, each doubles the wait. */
export const FREE_ATTEMPTS_PER_PAIR = 5;
/** Attempts at one account from all addresses before it waits out the window (never the last admin). */
export const MAX_ATTEMPTS_PER_ACCOUNT = 50;
/** Attempts from one address at all accounts before it waits out the window. */
export const MAX_ATTEMPTS_PER_ADDRESS = 100;

/** A sign-in attempt counted by the throttle: failed, or still being checked (a password is being hashed). */
export type TSignInAttempt = { username: string; address: string; at: number };

/**
 * Seconds to wait before `username` may be tried from `address` (0: go ahead), given the attempts of the
 * window for that account or that address (failed or in progress). Shared by the server and the mocks.
 *
 *   - One address at one account: the first FREE_ATTEMPTS_PER_PAIR go at once; after that the wait
 *     doubles with each attempt (1 s, 2 s, 4 s… up to the window), counted from the latest. An attacker
 *     elsewhere slows only themselves: the owner's own address is another pair.
 *   - One account from all addresses: past MAX_ATTEMPTS_PER_ACCOUNT (ten times the free attempts) it
 *     waits until the oldest leaves the window — except the last active administrator, who would lock
 *     everyone out of administration (`npm run user:add -- --reset` clears a throttle out of band).
 *   - One address at all accounts: past MAX_ATTEMPTS_PER_ADDRESS, likewise.
 *
 * In-progress attempts count, so that concurrent guesses cannot all pass the check before any is recorded:
 * the server reserves an attempt under a lock per account and per address before checking the password.
 */
export const signInWait = (
  attempts: readonly TSignInAttempt[],
  request: { username: string; address: string; now: number; lastAdmin: boolean },
): number => {
  const { username, address, now } = request;
  const recent = attempts.filter((a) => a.at > now - LOGIN_WINDOW_MS);
  const seconds = (ms: number) => (ms <= 0 ? 0 : Math.ceil(ms / 1000));
  const untilLeaves = (list: TSignInAttempt[], limit: number) => {
    if (list.length < limit) return 0;
    const times = list.map((a) => a.at).sort((x, y) => y - x);
    const gate = times[limit - 1] as number;
    return seconds(gate + LOGIN_WINDOW_MS - now);
  };
  const pair = recent.filter((a) => a.username === username && a.address === address);
  let pairWait = 0;
  if (pair.length >= FREE_ATTEMPTS_PER_PAIR) {
    const latest = Math.max(...pair.map((a) => a.at));
    const delay = Math.min(2 ** (pair.length - FREE_ATTEMPTS_PER_PAIR) * 1000, LOGIN_WINDOW_MS);
    pairWait = seconds(latest + delay - now);
  }
  const accountWait = request.lastAdmin
    ? 0
    : untilLeaves(
        recent.filter((a) => a.username === username),
        MAX_ATTEMPTS_PER_ACCOUNT,
      );
  const addressWait = untilLeaves(
    recent.filter((a) => a.address === address),
    MAX_ATTEMPTS_PER_ADDRESS,
  );
  return Math.max(pairWait, accountWait, addressWait);
};

/** Whether a role reaches the rank an endpoint (or a view) needs. */
export const hasRole = (role: TRole | null | undefined, needed: TAccess) =>
  role !== null && role !== undefined && ROLE_RANK[role] >= ROLE_RANK[needed];

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
    retryAfterSeconds < 60
      ? `Too many sign-in attempts. Try again in ${Math.max(1, retryAfterSeconds)} second(s).`
      : `Too many sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
  );

/** A new password the rules refuse (a name of the user's in it; on the server also a common one). */
export const weakPassword = (errors: TFieldError[]) =>
  problem(422, "The new password is too easy to guess; see errors.", errors);

/** A password change whose current password is wrong. */
export const wrongCurrentPassword = () =>
  problem(422, "The current password is wrong.", [
    {
      in: "body",
      field: "currentPassword",
      code: "wrong_password",
      message: "the current password is wrong",
    },
  ]);

/** The field error of a password that contains one of the user's names (server and mocks alike). */
export const mentionsUserError = (field: string): TFieldError => ({
  in: "body",
  field,
  code: "mentions_user",
  message: "must not contain the user's name",
});

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
