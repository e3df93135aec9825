import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/server/db/migrate";
import { openDb } from "@/server/db/open-db";
import type { TDb } from "@/server/db/types";
import { ensureTestUser, TEST_PASSWORD } from "@/server/test/auth";
import { TEST_DATABASE_URL } from "@/server/test/open-test-db";
import { findFreePort } from "../../scripts/free-port";
import { spawnServer, stopGroup, waitForHealth } from "../../scripts/server-process";

/*
 * The real server on PostgreSQL while its connections drop: a write load runs, and meanwhile every
 * connection the server holds is killed (as a PostgreSQL restart or a network cut does). The server must
 * stay up, answer 503 (never 500) while it cannot reach the database, lose no write it acknowledged, and
 * take every write after recovery. With TEST_PG_RESTART_CMD (set by .ci/run) the same runs across a real
 * restart of the PostgreSQL server, in the `faults` project that runs alone after the others.
 */

const RESTART_CMD = process.env.TEST_PG_RESTART_CMD || undefined;
const REAL_RESTART = process.env.VITEST_PROJECT_FAULTS === "1";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type TSession = { cookie: string; csrf: string };

describe.skipIf(!TEST_DATABASE_URL || (REAL_RESTART && !RESTART_CMD))(
  REAL_RESTART
    ? "a PostgreSQL restart under a write load"
    : "dropped PostgreSQL connections under a write load",
  () => {
    const schema = `faults_${process.pid}_${randomBytes(4).toString("hex")}`;
    const appName = `bgd_faults_${randomBytes(4).toString("hex")}`;
    let admin: TDb;
    let server: ReturnType<typeof spawnServer>;
    let base: string;
    let session: TSession;
    const output: string[] = [];

    beforeAll(async () => {
      const url = new URL(TEST_DATABASE_URL as string);
      admin = await openDb({ databaseUrl: url.toString() });
      await admin.exec(`CREATE SCHEMA "${schema}"`);
      const scoped = await openDb({ databaseUrl: url.toString(), schema });
      await migrate(scoped);
      await ensureTestUser(scoped, "editor");
      await scoped.close();
      url.searchParams.set("options", `-c search_path=${schema}`);
      url.searchParams.set("application_name", appName);
      const port = await findFreePort(18700, 18799);
      base = `http://127.0.0.1:${port}`;
      server = spawnServer({ port, databaseUrl: url.toString(), detached: true, stdio: "pipe" });
      server.stdout?.on("data", (d) => output.push(String(d)));
      server.stderr?.on("data", (d) => output.push(String(d)));
      await waitForHealth(base, server, 60_000);
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "test-editor", password: TEST_PASSWORD }),
      });
      expect(login.status).toBe(200);
      session = {
        cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] as string,
        csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
      };
    }, 120_000);

    afterAll(async () => {
      if (server) await stopGroup(server);
      await admin?.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await admin?.close();
    });

    const createCase = async (title: string) => {
      try {
        const response = await fetch(`${base}/api/v1/cases`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            cookie: session.cookie,
            "x-csrf-token": session.csrf,
          },
          body: JSON.stringify({ title: { ja: title, en: title }, summary: null, status: "open" }),
          signal: AbortSignal.timeout(20_000),
        });
        await response.arrayBuffer();
        return response.status;
      } catch {
        return 0;
      }
    };

    const disrupt = async () => {
      if (REAL_RESTART) {
        execSync(RESTART_CMD as string, { stdio: "ignore", timeout: 60_000 });
        return;
      }
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = $1 AND pid <> pg_backend_pid()`,
        [appName],
      );
    };

    it("stays up, answers 503 rather than 500, loses no acknowledged write, and takes every write after", async () => {
      const acknowledged: string[] = [];
      const statuses: number[] = [];
      let stop = false;
      const worker = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const title = `load ${w}-${i}`;
          const status = await createCase(title);
          statuses.push(status);
          if (status === 200) acknowledged.push(title);
        }
      };
      const load = Promise.all([0, 1, 2, 3].map(worker));
      for (let round = 0; round < 3; round++) {
        await sleep(400);
        await disrupt();
      }
      await sleep(600);
      stop = true;
      await load;
      // The process is still the one that started, and it answers again.
      expect(server.exitCode, output.join("")).toBeNull();
      await waitForHealth(base, server, 60_000);
      expect(
        statuses.filter((s) => s >= 500 && s !== 503),
        output.join(""),
      ).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(0);
      // Every write after recovery succeeds.
      for (let i = 0; i < 10; i++) expect(await createCase(`after ${i}`)).toBe(200);
      const titles = new Set<string>();
      for (let offset = 0; ; offset += 500) {
        const list = await fetch(`${base}/api/v1/cases?limit=500&offset=${offset}`, {
          headers: { cookie: session.cookie },
        });
        const page = (await list.json()) as { items: { title: { ja: string } }[]; total: number };
        for (const c of page.items) titles.add(c.title.ja);
        if (offset + 500 >= page.total) break;
      }
      for (const title of acknowledged) expect(titles.has(title), title).toBe(true);
      for (let i = 0; i < 10; i++) expect(titles.has(`after ${i}`)).toBe(true);
    }, 180_000);
  },
);
