import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { repoRoot } from "./server-process";

/*
 * Reads need a session, so a benchmark signs in like a user: it creates its own viewer account with the
 * project's `user:add` command (before the server opens the embedded database, which one process owns at a
 * time), then signs in and sends the session cookie with every request.
 */

export type TBenchUser = { username: string; password: string };

export const createBenchUser = async (
  database: { dataDir: string } | { databaseUrl: string },
  role: "viewer" | "editor" | "admin" = "viewer",
): Promise<TBenchUser> => {
  const user = {
    username: `bench-${randomBytes(3).toString("hex")}`,
    password: randomBytes(18).toString("base64url"),
  };
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_USERS: "0" };
  delete env.DATABASE_URL;
  if ("dataDir" in database) env.DATA_DIR = database.dataDir;
  else env.DATABASE_URL = database.databaseUrl;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/user-add.ts",
      "--role",
      role,
      "--username",
      user.username,
      "--password-stdin",
    ],
    { cwd: repoRoot, env, stdio: ["pipe", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin?.end(`${user.password}\n`);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`user:add failed (${code}): ${stderr.trim()}`);
  return user;
};

/** Signs in and returns the `Cookie` header value of the new session. */
export const signIn = async (baseUrl: string, user: TBenchUser) =>
  (await signInSession(baseUrl, user)).cookie;

/** Signs in and returns the session's cookie and CSRF token (what a write needs). */
export const signInSession = async (baseUrl: string, user: TBenchUser) => {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(user),
  });
  if (response.status !== 200)
    throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const setCookie = response.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0];
  if (!cookie) throw new Error("sign-in set no cookie");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
};
