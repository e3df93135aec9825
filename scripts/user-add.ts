import { parseArgs } from "node:util";
import { passwordStrengthProblems } from "@/server/auth/password-strength";
import { generatePassword } from "@/server/auth/passwords";
import { clearAccountAttempts } from "@/server/auth/throttle";
import { migrate } from "@/server/db/migrate";
import { DEFAULT_DATA_DIR, openDb } from "@/server/db/open-db";
import { USER_ADD_ACTOR } from "@/server/edits/system-actor";
import { createUser, getUserByUsername, updateUser } from "@/server/repository/users";
import { ZPassword, ZRole, ZUsername } from "@/shared/schemas/auth";

/*
 * Creates a user, e.g. the first administrator:
 *
 *   npm run user:add -- --role admin --username alice [--display-name "Alice"]
 *   printf '%s\n' "$PASSWORD" | npm run user:add -- --role editor --username bob --password-stdin
 *   npm run user:add -- --reset --username alice     (a locked-out or forgotten account, out of band)
 *
 * --reset gives an existing account a new password (generated, or --password-stdin), enables it again,
 * ends its sessions and forgets its failed sign-ins: the way back in when the last administrator is
 * throttled or has forgotten the password. It needs the server's own access to the database.
 *
 * Without --password-stdin a strong random password is generated and printed once. Uses the database the
 * server uses: DATABASE_URL (PostgreSQL) or else the embedded one in DATA_DIR (default ./data), migrated
 * first. The embedded database belongs to one process at a time: stop the server before adding a user to it.
 */

const USAGE = [
  "usage: npm run user:add -- --role viewer|editor|admin --username <name> [--display-name <name>] [--password-stdin]",
  "       npm run user:add -- --reset --username <name> [--password-stdin]",
].join("\n");

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const readStdin = async () => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the line's end, not part of the password.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
};

const parse = () => {
  try {
    return parseArgs({
      options: {
        role: { type: "string" },
        username: { type: "string" },
        "display-name": { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        reset: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
};
const { values } = parse();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const reset = values.reset;
const role = ZRole.safeParse(values.role);
if (!reset && !role.success) fail(`--role must be viewer, editor or admin\n${USAGE}`);
const username = ZUsername.safeParse(values.username ?? "");
if (!username.success) fail(`--username: ${username.error.issues[0]?.message ?? "required"}\n${USAGE}`);
const displayName = (values["display-name"] ?? username.data).trim();
if (displayName.length < 1 || displayName.length > 80) fail("--display-name must be 1–80 characters");

let password: string;
let generated = false;
if (values["password-stdin"]) {
  if (process.stdin.isTTY) fail("--password-stdin reads the password from a pipe, not the terminal");
  const parsed = ZPassword.safeParse(await readStdin());
  if (!parsed.success) fail(`password: ${parsed.error.issues[0]?.message}`);
  const weak = passwordStrengthProblems(parsed.data, [username.data, displayName]);
  if (weak.length > 0) fail(`password: ${weak[0]?.message}`);
  password = parsed.data;
} else {
  password = generatePassword();
  generated = true;
}

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR;
const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir });
let code = 0;
try {
  await migrate(db);
  if (reset) {
    const found = await getUserByUsername(db, username.data);
    if (!found) throw new Error(`there is no user "${username.data}"`);
    const result = await updateUser(
      db,
      found.id,
      { version: found.version, password, disabled: false },
      null,
      { now: new Date(), actor: USER_ADD_ACTOR },
    );
    if (result.kind !== "ok") throw new Error(`the account could not be reset (${result.kind})`);
    await clearAccountAttempts(db, username.data);
    console.log(
      `Reset "${found.username}": new password, enabled, signed out everywhere, sign-in throttle cleared.`,
    );
    if (generated) console.log(`Password (shown once; store it now): ${password}`);
    await db.close();
    process.exit(0);
  }
  if (!role.success) throw new Error("--role is required");
  const user = await createUser(
    db,
    { username: username.data, displayName, role: role.data, password },
    new Date(),
    // The audit log names the command, not a person: whoever ran it had the server's own access.
    USER_ADD_ACTOR,
  );
  if (!user) {
    console.error(`The username "${username.data}" is taken.`);
    code = 1;
  } else {
    const where = databaseUrl ? "postgres" : `pglite (${dataDir})`;
    console.log(`Created ${user.role} "${user.username}" (${user.id}) in ${where}.`);
    if (generated) console.log(`Password (shown once; store it now): ${password}`);
  }
} catch (error) {
  console.error(`user:add failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await db.close().catch(() => undefined);
}
process.exit(code);
