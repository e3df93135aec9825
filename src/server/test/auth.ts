import { randomBytes, scryptSync } from "node:crypto";
import { hashPassword } from "@/server/auth/passwords";
import type { TQueryable } from "@/server/db/types";
import { getUserByUsername, insertUser } from "@/server/repository/users";
import { contract } from "@/shared/contract";
import { CSRF_HEADER, SESSION_COOKIE, type TRole, type TSession } from "@/shared/schemas/auth";
import type { TRequester } from "./request";

/*
 * Users and sessions for server tests: `test-viewer`, `test-editor`, `test-admin` (or any name) with one
 * known password, signed in through the real login endpoint, and a requester that sends the session's
 * cookie and CSRF token with every request.
 */

export const TEST_PASSWORD = "correct horse battery staple";

let testHash: Promise<string> | undefined;

/** Creates the user unless it exists (hashing once per test file: scrypt is slow on purpose). */
export const ensureTestUser = async (
  db: TQueryable,
  role: TRole,
  username = `test-${role}`,
  now = new Date(),
) => {
  testHash ??= hashPassword(TEST_PASSWORD);
  const created = await insertUser(
    db,
    { username, displayName: `Test ${role}`, role, passwordHash: await testHash },
    now,
  );
  const user = created ?? (await getUserByUsername(db, username));
  if (!user) throw new Error(`could not create ${username}`);
  return user;
};

/**
 * A hash of `password` at the lowest cost the server still verifies (N=2^10), made here and never by
 * the server: for tests that send many wrong passwords to one account (each check costs what the
 * stored hash costs). A successful sign-in replaces it at today's cost (needsRehash), as it would an
 * old hash.
 */
export const cheapHash = (password: string) => {
  const b64 = (x: Buffer) => x.toString("base64").replace(/=+$/, "");
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFC"), salt, 64, { N: 2 ** 10, r: 8, p: 1 });
  return `$scrypt$ln=10,r=8,p=1$${b64(salt)}$${b64(key)}`;
};

/** Creates a user whose stored hash is cheap (see cheapHash), unless it exists. */
export const ensureCheapUser = async (db: TQueryable, role: TRole, username: string, now = new Date()) => {
  const created = await insertUser(
    db,
    { username, displayName: `Test ${role}`, role, passwordHash: cheapHash(TEST_PASSWORD) },
    now,
  );
  const user = created ?? (await getUserByUsername(db, username));
  if (!user) throw new Error(`could not create ${username}`);
  return user;
};

export type TSignedIn = { cookie: string; csrfToken: string; session: TSession; setCookie: string };

/** Signs in through POST /api/v1/auth/login; fails the test unless it answers 200 with a cookie. */
export const signIn = async (
  app: TRequester,
  username: string,
  password = TEST_PASSWORD,
  headers: Record<string, string> = {},
): Promise<TSignedIn> => {
  const response = await app.request(contract.login.path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}: ${text}`);
  const setCookie = response.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  if (!cookie.startsWith(`${SESSION_COOKIE}=`))
    throw new Error(`sign-in set no session cookie: ${setCookie}`);
  const session = JSON.parse(text) as TSession;
  return { cookie, csrfToken: session.csrfToken, session, setCookie };
};

/** Adds the session's cookie (and, unless `csrf` is false, its CSRF token) to a request. */
export const withSession = (
  who: Pick<TSignedIn, "cookie" | "csrfToken">,
  init: RequestInit = {},
  csrf = true,
) => {
  const headers = new Headers(init.headers);
  headers.set("cookie", who.cookie);
  if (csrf) headers.set(CSRF_HEADER, who.csrfToken);
  return { ...init, headers };
};

/** A requester that sends every request as `who`. */
export const as = (
  app: TRequester,
  who: Pick<TSignedIn, "cookie" | "csrfToken">,
  csrf = true,
): TRequester => ({
  request: (path, init) => app.request(path, withSession(who, init, csrf)),
});

/** Creates `test-<role>`, signs in and returns a requester acting as them. */
export const signedIn = async (app: TRequester, db: TQueryable, role: TRole, csrf = true) => {
  await ensureTestUser(db, role);
  return as(app, await signIn(app, `test-${role}`), csrf);
};
