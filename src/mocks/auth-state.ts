import {
  LOGIN_WINDOW_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  signInWait,
} from "@/shared/access";
import type { TRole, TSession, TUser } from "@/shared/schemas/auth";

/*
 * Sign-in for the mocks: users, one session and failed sign-ins, in memory, with the server's rules
 * (lifetimes, throttling limits, the same answers through the shared checks in src/shared/access.ts).
 *
 * The session is "the current session" of this module, not a cookie. A mocked answer cannot set an
 * HttpOnly cookie in the browser, and msw/node does not reliably carry cookies between fetches, so a
 * module-level session is what behaves the same in both: one mock client, like one browser tab. Sign-in
 * through the login endpoint (or `signInMock`) sets it, logout (or `signOutMock`) ends it. The CSRF
 * token is still checked against it, as on the server.
 *
 * The demo credentials below exist in MOCK MODE ONLY (the real server never has a fixed password).
 */

export const MOCK_DEMO_USERS = [
  { username: "demo-viewer", password: "demo-password-viewer", role: "viewer", displayName: "Demo viewer" },
  { username: "demo-editor", password: "demo-password-editor", role: "editor", displayName: "Demo editor" },
  { username: "demo-admin", password: "demo-password-admin", role: "admin", displayName: "Demo admin" },
] as const satisfies readonly { username: string; password: string; role: TRole; displayName: string }[];

const DEMO_IDS: Record<TRole, string> = {
  viewer: "usr-demoviewer",
  editor: "usr-demoeditor",
  admin: "usr-demoadmin",
};
const DEMO_CREATED_AT = "2025-09-01T00:00:00.000Z";

/** The mock's one client address: per-address throttling counts every mock sign-in. */
export const MOCK_CLIENT_ADDRESS = "mock-client";

export type TMockUser = TUser & { password: string };

export type TMockSession = {
  userId: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
};

/** Who a handler answers: the current session and its user (null for a public endpoint). */
export type TMockSignedIn = { session: TMockSession; user: TMockUser };

type TFailure = { username: string; address: string; at: number };

type TState = { users: TMockUser[]; session: TMockSession | null; failures: TFailure[] };

const demoUsers = (): TMockUser[] =>
  MOCK_DEMO_USERS.map((u) => ({
    id: DEMO_IDS[u.role],
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    disabled: false,
    createdAt: DEMO_CREATED_AT,
    version: 1,
    password: u.password,
  }));

const state: TState = { users: demoUsers(), session: null, failures: [] };

let storage: Storage | null = null;
const STORAGE_KEY = "bgd-mock-session";

const persist = () => {
  if (!storage) return;
  if (state.session) storage.setItem(STORAGE_KEY, JSON.stringify(state.session));
  else storage.removeItem(STORAGE_KEY);
};

/**
 * Mock mode in the browser: keep the session in sessionStorage, so that reloading the page does not sign
 * the user out (the users themselves reset to the demo ones, as the dataset does).
 */
export const persistMockSessionIn = (store: Storage) => {
  storage = store;
  try {
    const saved = JSON.parse(store.getItem(STORAGE_KEY) ?? "null") as TMockSession | null;
    if (saved && state.users.some((u) => u.id === saved.userId)) state.session = saved;
  } catch {
    store.removeItem(STORAGE_KEY);
  }
};

const randomToken = () => {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
};

export const randomUserId = () => {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `usr-${Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("")}`;
};

export const mockUsers = () => state.users;

export const toUser = ({ password: _password, ...user }: TMockUser): TUser => ({ ...user });

/** The live session (its last-seen time moved on as the server does), or null; ends it when it is over. */
export const currentMockSession = (now = Date.now()): { session: TMockSession; user: TMockUser } | null => {
  const session = state.session;
  if (!session) return null;
  const user = state.users.find((u) => u.id === session.userId);
  if (!user || user.disabled || !(now < session.expiresAt && now < session.lastSeenAt + SESSION_IDLE_MS)) {
    state.session = null;
    persist();
    return null;
  }
  if (now - session.lastSeenAt >= SESSION_TOUCH_MS) {
    session.lastSeenAt = now;
    persist();
  }
  return { session, user };
};

export const startMockSession = (user: TMockUser, now = Date.now()): TMockSession => {
  state.session = {
    userId: user.id,
    csrfToken: randomToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + SESSION_ABSOLUTE_MS,
  };
  persist();
  return state.session;
};

export const endMockSession = () => {
  state.session = null;
  persist();
};

export const mockSessionBody = (session: TMockSession, user: TMockUser): TSession => ({
  user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
  csrfToken: session.csrfToken,
  expiresAt: new Date(Math.min(session.expiresAt, session.lastSeenAt + SESSION_IDLE_MS)).toISOString(),
});

/** Seconds to wait before a sign-in may be tried, by the server's rule (0: go ahead). */
export const mockThrottleWait = (username: string, now = Date.now()) => {
  const admins = state.users.filter((u) => u.role === "admin" && !u.disabled);
  const lastAdmin = admins.length === 1 && admins[0]?.username === username;
  return signInWait(state.failures, { username, address: MOCK_CLIENT_ADDRESS, now, lastAdmin });
};

export const recordMockFailure = (username: string, now = Date.now()) => {
  state.failures.push({ username, address: MOCK_CLIENT_ADDRESS, at: now });
};

/** A success forgives this client's attempts at the account (as the server forgives the pair); old ones go. */
export const clearMockFailures = (username: string, now = Date.now()) => {
  state.failures = state.failures.filter(
    (f) => !(f.username === username && f.address === MOCK_CLIENT_ADDRESS) && f.at > now - LOGIN_WINDOW_MS,
  );
};

/**
 * Back to the demo users, no failed sign-ins, and signed in as `role` (or signed out with null). The
 * browser worker starts signed out; src/mocks/node.ts (UI tests) starts, and resets to, an editor.
 */
export const resetMockAuth = (role: TRole | null) => {
  state.users = demoUsers();
  state.failures = [];
  state.session = null;
  if (role) signInMock(role);
  else persist();
};

/** Signs the mock client in as the demo user of `role`; returns the session (with its CSRF token). */
export const signInMock = (role: TRole): TSession => {
  const user = state.users.find((u) => u.id === DEMO_IDS[role]);
  if (!user) throw new Error(`no demo ${role} in the mock users`);
  if (user.disabled) throw new Error(`the demo ${role} is disabled`);
  return mockSessionBody(startMockSession(user), user);
};

export const signOutMock = () => endMockSession();
