import type { TQueryable } from "@/server/db/types";
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/shared/access";
import { epochMs } from "./sessions";

/*
 * Sign-in throttling over the login_attempts table (shared by every server instance): at most
 * MAX_FAILURES_PER_ACCOUNT failures per username and MAX_FAILURES_PER_ADDRESS per client address within
 * LOGIN_WINDOW_MS. Checked before the password is verified, so a throttled guess costs no hashing and
 * reveals nothing; a success clears the account's failures.
 */

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Seconds until the key is under its limit again, or 0 when it is under it now: the limit-th most recent
 * failure within the window is the one that has to leave it.
 */
const waitFor = async (
  db: TQueryable,
  column: "username" | "address",
  value: string,
  limit: number,
  now: number,
) => {
  const rows = await db.query<{ at: number }>(
    `SELECT ${epochMs("attempted_at")} AS at FROM login_attempts
     WHERE ${column} = $1 AND attempted_at > $2::timestamptz
     ORDER BY attempted_at DESC OFFSET $3 LIMIT 1`,
    [value, iso(now - LOGIN_WINDOW_MS), limit - 1],
  );
  const at = rows[0]?.at;
  return at === undefined ? 0 : Math.ceil((at + LOGIN_WINDOW_MS - now) / 1000);
};

/** Seconds to wait before this sign-in may be tried (0: go ahead). */
export const throttleWait = async (db: TQueryable, username: string, address: string, now: Date) => {
  const t = now.getTime();
  const [account, client] = await Promise.all([
    waitFor(db, "username", username, MAX_FAILURES_PER_ACCOUNT, t),
    waitFor(db, "address", address, MAX_FAILURES_PER_ADDRESS, t),
  ]);
  return Math.max(account, client);
};

export const recordFailure = async (db: TQueryable, username: string, address: string, now: Date) => {
  await db.query(
    "INSERT INTO login_attempts (username, address, attempted_at) VALUES ($1, $2, $3::timestamptz)",
    [username, address, iso(now.getTime())],
  );
};

export const clearFailures = async (db: TQueryable, username: string) => {
  await db.query("DELETE FROM login_attempts WHERE username = $1", [username]);
};

export const pruneAttempts = async (db: TQueryable, now: Date) => {
  await db.query("DELETE FROM login_attempts WHERE attempted_at <= $1::timestamptz", [
    iso(now.getTime() - LOGIN_WINDOW_MS),
  ]);
};
