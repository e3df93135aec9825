import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyPassword } from "@/server/auth/passwords";
import { openDb } from "@/server/db/open-db";
import { queryAs } from "@/server/test/query-as";
import { repoRoot } from "./server-process";

// The CLI as a process, on an embedded database of its own.

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

describe("npm run user:add", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bgd-user-add-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates users from a piped password or a generated one, refuses a taken name and bad input", async () => {
    const env = { DATA_DIR: join(dir, "data") };
    const piped = await run(
      ["--role", "admin", "--username", "Alice", "--display-name", "Alice A.", "--password-stdin"],
      env,
      "a piped admin passphrase\n",
    );
    expect(piped).toMatchObject({ code: 0, stderr: "" });
    expect(piped.stdout).toMatch(/^Created admin "alice" \(usr-[a-z0-9]{16}\)/);
    expect(piped.stdout).not.toContain("passphrase");

    const generated = await run(["--role", "viewer", "--username", "bob"], env);
    expect(generated.code).toBe(0);
    const password = /Password \(shown once; store it now\): (\S+)/.exec(generated.stdout)?.[1] ?? "";
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);

    const taken = await run(["--role", "editor", "--username", "BOB"], env);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('The username "bob" is taken.');
    for (const [args, stdin, message] of [
      [["--role", "owner", "--username", "carol"], "", "--role must be"],
      [["--role", "viewer"], "", "--username"],
      [["--role", "viewer", "--username", "carol", "--password-stdin"], "short\n", "at least 12"],
      [["--role", "viewer", "--username", "carol", "--colour", "red"], "", "Unknown option"],
    ] as const) {
      const bad = await run([...args], env, stdin);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toContain(message);
    }

    const db = await openDb({ dataDir: env.DATA_DIR });
    try {
      const rows = await queryAs<{
        username: string;
        display_name: string;
        role: string;
        password_hash: string;
      }>(db, "SELECT username, display_name, role, password_hash FROM users ORDER BY username");
      expect(rows.map((r) => [r.username, r.display_name, r.role])).toEqual([
        ["alice", "Alice A.", "admin"],
        ["bob", "bob", "viewer"],
      ]);
      expect(await verifyPassword("a piped admin passphrase", rows[0]?.password_hash ?? "")).toBe(true);
      expect(await verifyPassword(password, rows[1]?.password_hash ?? "")).toBe(true);
    } finally {
      await db.close();
    }
  });
});
