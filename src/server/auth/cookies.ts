import { SESSION_COOKIE } from "@/shared/schemas/auth";

/*
 * The session cookie: HttpOnly (scripts never see the token), SameSite=Strict (never sent on a request
 * that another site starts), Path=/, Secure except on a loopback host (the local demo speaks plain HTTP),
 * Max-Age as long as an idle session lasts (renewed each time the session is touched, never past its
 * absolute end: src/server/app.ts).
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Secure unless the request's host is a loopback name; `override` (COOKIE_SECURE) wins when set. */
export const cookieIsSecure = (requestUrl: string, override?: boolean) => {
  if (override !== undefined) return override;
  try {
    return !LOOPBACK.has(new URL(requestUrl).hostname.toLowerCase());
  } catch {
    return true;
  }
};

const attributes = (secure: boolean, maxAgeSeconds: number) =>
  `Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;

export const sessionCookie = (token: string, maxAgeSeconds: number, secure: boolean) =>
  `${SESSION_COOKIE}=${token}; ${attributes(secure, Math.max(0, Math.floor(maxAgeSeconds)))}`;

export const clearedSessionCookie = (secure: boolean) => `${SESSION_COOKIE}=; ${attributes(secure, 0)}`;

/** A cookie's value from a Cookie header (the first one of that name, if a client sends several). */
export const readCookie = (cookieHeader: string | undefined | null, name: string): string | null => {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
};

/** The session token from a Cookie header (the first one, if a client sends several). */
export const readSessionToken = (cookieHeader: string | undefined | null): string | null => {
  const value = readCookie(cookieHeader, SESSION_COOKIE);
  // Tokens are base64url; anything else cannot be a session of ours.
  return value !== null && /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
};
