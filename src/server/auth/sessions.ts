import { z } from "zod";
import { firstRow } from "@/server/db/rows";
import type { TQueryable } from "@/server/db/types";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from "@/shared/access";
import { type TRole, type TSession, ZRole } from "@/shared/schemas/auth";
import { hashToken, newToken } from "./tokens";

/*
 * Sessions in the database, so that every server instance sees the same ones. The cookie carries a random
 * token; the table keeps only its sha256. A session ends SESSION_ABSOLUTE_MS after sign-in, or
 * SESSION_IDLE_MS after its last request, or when its user is disabled or deleted. Times come from the
 * caller's clock (injectable in tests), never from the database's now().
 */

export type TSessionInfo = {
  /** sha256 of the token (the row's key). */
  id: string;
  userId: string;
  username: string;
  displayName: string;
  role: TRole;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
};

/** Epoch milliseconds of a timestamptz, the same on PGlite and PostgreSQL. */
export const epochMs = (column: string) => `round(extract(epoch FROM ${column}) * 1000)::int8`;

const iso = (ms: number) => new Date(ms).toISOString();

/** When the session ends if no further request comes: the idle limit or the absolute one, whichever is first. */
export const sessionEnd = (s: Pick<TSessionInfo, "lastSeenAt" | "expiresAt">) =>
  Math.min(s.expiresAt, s.lastSeenAt + SESSION_IDLE_MS);

export const sessionBody = (s: TSessionInfo): TSession => ({
  user: { id: s.userId, username: s.username, displayName: s.displayName, role: s.role },
  csrfToken: s.csrfToken,
  expiresAt: iso(sessionEnd(s)),
});

export const createSession = async (
  db: TQueryable,
  user: { id: string; username: string; displayName: string; role: TRole },
  now: Date,
): Promise<{ token: string; session: TSessionInfo }> => {
  const token = newToken();
  const session: TSessionInfo = {
    id: hashToken(token),
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    csrfToken: newToken(),
    createdAt: now.getTime(),
    lastSeenAt: now.getTime(),
    expiresAt: now.getTime() + SESSION_ABSOLUTE_MS,
  };
  await db.query(
    `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz, $5::timestamptz)`,
    [session.id, user.id, session.csrfToken, iso(session.createdAt), iso(session.expiresAt)],
  );
  return { token, session };
};

const ZSessionRow = z.object({
  id: z.string(),
  user_id: z.string(),
  username: z.string(),
  display_name: z.string(),
  role: ZRole,
  csrf_token: z.string(),
  created_at: z.coerce.number(),
  last_seen_at: z.coerce.number(),
  expires_at: z.coerce.number(),
});

/** The live session of `token`, its last-seen time moved on (at most once a minute); null otherwise. */
export const findSession = async (db: TQueryable, token: string, now: Date): Promise<TSessionInfo | null> => {
  const t = now.getTime();
  const row = await firstRow(
    db,
    ZSessionRow,
    `SELECT s.id, s.user_id, u.username, u.display_name, u.role, s.csrf_token,
       ${epochMs("s.created_at")} AS created_at, ${epochMs("s.last_seen_at")} AS last_seen_at,
       ${epochMs("s.expires_at")} AS expires_at
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND NOT u.disabled`,
    [hashToken(token)],
  );
  if (!row) return null;
  // Compared here rather than in SQL so that both sides of a boundary use the same millisecond arithmetic.
  if (!(t < row.expires_at && t < row.last_seen_at + SESSION_IDLE_MS)) {
    await db.query("DELETE FROM sessions WHERE id = $1", [row.id]);
    return null;
  }
  let lastSeenAt = row.last_seen_at;
  if (t - lastSeenAt >= SESSION_TOUCH_MS) {
    lastSeenAt = t;
    await db.query("UPDATE sessions SET last_seen_at = $2::timestamptz WHERE id = $1", [row.id, iso(t)]);
  }
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt,
    expiresAt: row.expires_at,
  };
};

export const deleteSession = async (db: TQueryable, id: string) => {
  await db.query("DELETE FROM sessions WHERE id = $1", [id]);
};

export const deleteSessionByToken = (db: TQueryable, token: string) => deleteSession(db, hashToken(token));

/** Deletes sessions past either limit (run now and then: they are refused anyway). */
export const pruneSessions = async (db: TQueryable, now: Date) => {
  await db.query(
    "DELETE FROM sessions WHERE expires_at <= $1::timestamptz OR last_seen_at <= $2::timestamptz",
    [iso(now.getTime()), iso(now.getTime() - SESSION_IDLE_MS)],
  );
};
