import { chmod, writeFile } from "node:fs/promises";
import { generatePassword, hashPassword } from "@/server/auth/passwords";
import { lockSchema } from "@/server/db/migrate";
import type { TDb } from "@/server/db/types";
import { withEditLock } from "@/server/edits/run-edit";
import { DEMO_START_ACTOR } from "@/server/edits/system-actor";
import { auditUserCreated, countUsers, insertUser } from "@/server/repository/users";
import type { TRole } from "@/shared/schemas/auth";

/*
 * The embedded demo's accounts: on a database without users, one per role with a random password, written
 * to a file only the owner can read. Never a fixed password; never on PostgreSQL (a real deployment
 * creates its first admin with `npm run user:add`).
 *
 * Their creation is logged like any user's (by the "system" actor "demo start"): accounts decide who can
 * change the record, so the trail must account for every account that later appears in it as an actor.
 */

export const DEMO_ACCOUNTS: readonly { username: string; role: TRole; displayName: string; can: string }[] = [
  { username: "demo-viewer", role: "viewer", displayName: "Demo viewer", can: "reads everything" },
  { username: "demo-editor", role: "editor", displayName: "Demo editor", can: "records and changes" },
  { username: "demo-admin", role: "admin", displayName: "Demo admin", can: "also manages users" },
];

export const CREDENTIALS_FILE = "demo-credentials.txt";

export type TDemoAccount = { username: string; password: string; role: TRole; can: string };

/** Creates the demo accounts when the database has no user at all; null when it already has some. */
export const createDemoUsers = async (db: TDb, now = new Date()): Promise<TDemoAccount[] | null> => {
  const accounts = DEMO_ACCOUNTS.map((a) => ({ ...a, password: generatePassword() }));
  // Hashing takes a while: before the transaction, not while holding its lock.
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  // The edit lock first (as every write takes it), then the schema's: servers starting together take turns.
  return withEditLock(db, async (tx) => {
    await lockSchema(tx);
    if ((await countUsers(tx)) > 0) return null;
    for (const [i, a] of accounts.entries()) {
      const user = await insertUser(
        tx,
        { username: a.username, displayName: a.displayName, role: a.role, passwordHash: hashes[i] as string },
        now,
      );
      if (user) await auditUserCreated(tx, user, now, DEMO_START_ACTOR);
    }
    return accounts.map(({ username, password, role, can }) => ({ username, password, role, can }));
  });
};

export const credentialsText = (accounts: TDemoAccount[], url: string) =>
  [
    "# Demo accounts of the embedded demo database. Keep this file private; anyone with it can sign in.",
    `# Sign in at ${url} with one of these (username, password, role):`,
    ...accounts.map((a) => `${a.username.padEnd(12)} ${a.password}  ${a.role}: ${a.can}`),
    "",
  ].join("\n");

/** Writes the credentials readable by the owner only (0600, also when the file was already there). */
export const writeCredentials = async (path: string, text: string) => {
  await writeFile(path, text, { mode: 0o600 });
  await chmod(path, 0o600);
};
