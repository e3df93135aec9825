import { z } from "zod";
import type { TDb, TQueryable } from "@/server/db/types";
import { LOGIN_WINDOW_MS, signInWait } from "@/shared/access";
import { epochMs } from "./sessions";

/*
 * Sign-in throttling over the login_attempts table (shared by every server instance), by the shared rule
 * `signInWait` (src/shared/access.ts). An attempt is reserved before its password is checked, in one
 * transaction holding a lock per account and per address: of thirty guesses sent at once, only as many
 * as the rule lets through reach the (slow, on purpose) password check. A throttled guess costs no
 * hashing and reveals nothing.
 */

const iso = (ms: number) => new Date(ms).toISOString();

const ZAttempt = z.object({ username: z.string(), address: z.string(), at: z.coerce.number() });
const ZId = z.object({ id: z.coerce.number() });

export type TReservation = { wait: number; id: null } | { wait: 0; id: number };

/** Whether `username` is the one administrator left who can sign in (never locked out account-wide). */
const isLastAdmin = async (q: TQueryable, username: string) => {
  const rows = await q.query(
    `SELECT count(*) FILTER (WHERE username = $1) AS me, count(*) AS admins
     FROM users WHERE role = 'admin' AND NOT disabled`,
    [username],
  );
  const row = z.object({ me: z.coerce.number(), admins: z.coerce.number() }).parse(rows[0]);
  return row.me === 1 && row.admins === 1;
};

/** Reserves an attempt (or says how long to wait), atomically per account and per address. */
export const reserveSignIn = (db: TDb, username: string, address: string, now: Date): Promise<TReservation> =>
  db.transaction(async (tx) => {
    // Account first, then address, always in this order: two reservations never wait on each other.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`sign-in account:${username}`]);
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`sign-in address:${address}`]);
    const t = now.getTime();
    const rows = await tx.query(
      `SELECT username, address, ${epochMs("attempted_at")} AS at FROM login_attempts
       WHERE (username = $1 OR address = $2) AND attempted_at > $3::timestamptz`,
      [username, address, iso(t - LOGIN_WINDOW_MS)],
    );
    const attempts = rows.map((row) => ZAttempt.parse(row));
    const wait = signInWait(attempts, {
      username,
      address,
      now: t,
      lastAdmin: await isLastAdmin(tx, username),
    });
    if (wait > 0) return { wait, id: null };
    const inserted = await tx.query(
      `INSERT INTO login_attempts (username, address, attempted_at, outcome)
       VALUES ($1, $2, $3::timestamptz, 'pending') RETURNING id`,
      [username, address, iso(t)],
    );
    return { wait: 0, id: ZId.parse(inserted[0]).id };
  });

/** A wrong password: the reservation stays, as a failure. */
export const recordFailure = async (db: TQueryable, id: number) => {
  await db.query("UPDATE login_attempts SET outcome = 'failed' WHERE id = $1", [id]);
};

/** The right password: this address's attempts at this account are forgiven (others' stay). */
export const clearFailures = async (db: TQueryable, username: string, address: string) => {
  await db.query("DELETE FROM login_attempts WHERE username = $1 AND address = $2", [username, address]);
};

/** Out of band (`npm run user:add -- --reset`): every attempt at an account is forgotten. */
export const clearAccountAttempts = async (db: TQueryable, username: string) => {
  await db.query("DELETE FROM login_attempts WHERE username = $1", [username]);
};

export const pruneAttempts = async (db: TQueryable, now: Date) => {
  await db.query("DELETE FROM login_attempts WHERE attempted_at <= $1::timestamptz", [
    iso(now.getTime() - LOGIN_WINDOW_MS),
  ]);
};
