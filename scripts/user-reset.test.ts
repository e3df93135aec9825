import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyPassword } from "@/server/auth/passwords";
import { openDb } from "@/server/db/open-db";
import { queryAs } from "@/server/test/query-as";
import { repoRoot } from "./server-process";

// `npm run user:add -- --reset`: the out-of-band way back in for a locked-out or forgotten account.

const run = (args: string[], env: Record<string, string>, stdin?: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/user-add.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdin.end(stdin ?? "");
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });

describe("npm run user:add -- --reset", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bgd-user-reset-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("gives the account a new password, enables it, and forgets its failed sign-ins and sessions", async () => {
    const env = { DATA_DIR: join(dir, "data") };
    expect((await run(["--role", "admin", "--username", "root-admin"], env)).code).toBe(0);
    const db = await openDb({ dataDir: join(dir, "data") });
    try {
      await db.query(
        "INSERT INTO login_attempts (username, address, attempted_at, outcome) VALUES ('root-admin', 'x', now(), 'failed')",
      );
      await db.query("UPDATE users SET disabled = true WHERE username = 'root-admin'");
    } finally {
      await db.close();
    }
    const reset = await run(["--reset", "--username", "root-admin"], env);
    expect(reset.code, reset.stderr).toBe(0);
    const password = /Password \(shown once; store it now\): (\S+)/.exec(reset.stdout)?.[1] ?? "";
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    const after = await openDb({ dataDir: join(dir, "data") });
    try {
      const [user] = await queryAs<{ password_hash: string; disabled: boolean }>(
        after,
        "SELECT password_hash, disabled FROM users WHERE username = 'root-admin'",
      );
      expect(user?.disabled).toBe(false);
      expect(await verifyPassword(password, user?.password_hash ?? "")).toBe(true);
      expect(await after.query("SELECT 1 FROM login_attempts WHERE username = 'root-admin'")).toEqual([]);
      const [entry] = await queryAs<{ action: string; actor_username: string }>(
        after,
        "SELECT action, actor_username FROM audit_log ORDER BY seq DESC LIMIT 1",
      );
      expect(entry?.action).toBe("updateUser");
    } finally {
      await after.close();
    }
    // An account that does not exist, or a weak piped password, is refused.
    expect((await run(["--reset", "--username", "nobody-here"], env)).code).toBe(1);
    const weak = await run(
      ["--reset", "--username", "root-admin", "--password-stdin"],
      env,
      "password1234\n",
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/password/);
  }, 120_000);
});
