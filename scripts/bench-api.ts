import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { createBenchUser, signIn, signInSession, type TBenchUser } from "./bench-auth";
import { findFreePort } from "./free-port";
import {
  killGroupNow,
  makeTempDataDir,
  removeDir,
  repoRoot,
  spawnServer,
  stopGroup,
  waitForHealth,
} from "./server-process";

/*
 * API benchmark of the real server (src/server/main.ts via tsx, nothing built): cold start, resident memory
 * and throughput/latency of the main endpoints, on a fresh embedded PGlite and, when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set, on PostgreSQL. Loopback only, bounded in time; prints figures, asserts nothing.
 *
 *   npm run bench:api                      BENCH_DURATION=5 (seconds per endpoint), BENCH_CONNECTIONS=10
 */

const durationS = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const host = "127.0.0.1";
const endpoints = [
  "/api/v1/stats/overview",
  "/api/v1/stats/remediation",
  "/api/v1/stats/affected",
  "/api/v1/stats/intervals",
  "/api/v1/incidents",
  "/api/v1/commitments",
  "/api/v1/incidents/inc-1",
];
const startTimeoutMs = 120_000;
// Two engines × (start + warm-up + each endpoint) with a wide margin; past it everything is torn down.
const hardLimitMs = 2 * (startTimeoutMs + 30_000 + endpoints.length * (durationS + 10) * 1000);

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

const cleanUpNow = () => {
  for (const child of running) killGroupNow(child);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
};
process.on("exit", cleanUpNow);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping`);
    process.exit(130);
  });
}
setTimeout(() => {
  console.error(`bench: time limit of ${Math.round(hardLimitMs / 1000)} s reached, stopping`);
  process.exit(1);
}, hardLimitMs).unref();

type TMemory = { rssMb: number; peakRssMb: number };

const readMemory = async (pid: number): Promise<TMemory> => {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakRssMb: kb("VmHWM") / 1024 };
};

type TRow = { path: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };

/** Sequential writes by one editor (each a whole transaction with its audit entry), then a full verify. */
type TWrites = {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  verifyMs: number;
  entries: number;
};

type TEngineResult = {
  engine: string;
  writes: TWrites;
  reportedEngine: string;
  coldStartMs: number;
  afterWarmUp: TMemory;
  afterLoad: TMemory;
  rows: TRow[];
};

const pad = (value: string, width: number, left = false) =>
  left ? value.padEnd(width) : value.padStart(width);

const printResult = (r: TEngineResult) => {
  const mb = (m: TMemory) => `${m.rssMb.toFixed(1)} MB (peak ${m.peakRssMb.toFixed(1)} MB)`;
  console.log(`\n== ${r.engine} (server reports: ${r.reportedEngine})`);
  console.log(`cold start (spawn → first 200 from /api/health): ${r.coldStartMs.toFixed(0)} ms`);
  console.log(`RSS after warm-up: ${mb(r.afterWarmUp)}`);
  console.log(`RSS after load:    ${mb(r.afterLoad)}`);
  const width = Math.max(...r.rows.map((row) => row.path.length), 8);
  console.log(
    `${pad("endpoint", width, true)}  ${pad("req/s", 8)}  ${pad("p50 ms", 7)}  ${pad("p99 ms", 7)}  ${pad("non-2xx", 8)}  ${pad("errors", 7)}`,
  );
  for (const row of r.rows) {
    console.log(
      `${pad(row.path, width, true)}  ${pad(row.rps.toFixed(0), 8)}  ${pad(String(row.p50), 7)}  ${pad(String(row.p99), 7)}  ${pad(String(row.non2xx), 8)}  ${pad(String(row.errors), 7)}`,
    );
  }
  const w = r.writes;
  console.log(
    `writes (PUT /api/v1/cohorts/:id, one client, sequential): ${w.count} in a row, ${w.perSecond.toFixed(0)}/s, p50 ${w.p50.toFixed(1)} ms, p99 ${w.p99.toFixed(1)} ms`,
  );
  console.log(
    `audit verification of ${w.entries} entries (GET /api/v1/audit/verify): ${w.verifyMs.toFixed(0)} ms`,
  );
};

const WRITE_COUNT = Number(process.env.BENCH_WRITES ?? 200);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Edits one cohort back and forth: each write reads back the version the previous one produced. */
const benchWrites = async (baseUrl: string, editor: TBenchUser): Promise<TWrites> => {
  const { cookie, csrfToken } = await signInSession(baseUrl, editor);
  const headers = { cookie, "x-csrf-token": csrfToken, origin: baseUrl, "content-type": "application/json" };
  const path = `${baseUrl}/api/v1/cohorts/coh-3-refund`;
  const cohort = (await (await fetch(path, { headers })).json()) as Record<string, unknown> & {
    version: number;
    label: { ja: string; en: string };
  };
  const { id: _id, progress: _progress, version: _version, ...draft } = cohort;
  let version = cohort.version;
  const times: number[] = [];
  for (let i = 0; i < WRITE_COUNT; i += 1) {
    const label = { ...cohort.label, en: `${cohort.label.en} (${i % 2})` };
    const t0 = performance.now();
    const response = await fetch(path, {
      method: "PUT",
      headers,
      body: JSON.stringify({ ...draft, label, version }),
    });
    const body = (await response.json()) as { version?: number };
    times.push(performance.now() - t0);
    if (response.status !== 200 || body.version === undefined)
      throw new Error(`write ${i} answered ${response.status}`);
    version = body.version;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  const t0 = performance.now();
  const verify = (await (await fetch(`${baseUrl}/api/v1/audit/verify`, { headers })).json()) as {
    ok: boolean;
    entries: number;
  };
  const verifyMs = performance.now() - t0;
  if (!verify.ok) throw new Error("the audit log does not verify after the write benchmark");
  return {
    count: WRITE_COUNT,
    perSecond: (WRITE_COUNT * 1000) / total,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    verifyMs,
    entries: verify.entries,
  };
};

const benchEngine = async (
  engine: string,
  database: { dataDir: string } | { databaseUrl: string },
): Promise<TEngineResult> => {
  const port = await findFreePort(18300, 18349, host);
  const baseUrl = `http://${host}:${port}`;
  const user = await createBenchUser(database);
  // An administrator writes (editors may) and verifies the audit log (administrators only).
  const writer = await createBenchUser(database, "admin");
  const started = performance.now();
  const child = spawnServer({ port, host, ...database, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  running.add(child);
  let stderrTail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-4000);
  });
  try {
    try {
      await waitForHealth(baseUrl, child, startTimeoutMs);
    } catch (error) {
      if (stderrTail) console.error(`server stderr (last lines):\n${stderrTail}`);
      throw error;
    }
    // Cold start excludes the user:add step above, which is the benchmark's own set-up.
    const coldStartMs = performance.now() - started;
    const cookie = await signIn(baseUrl, user);
    const headers = { cookie };
    const pid = child.pid as number;

    for (const path of endpoints) {
      for (let i = 0; i < 20; i += 1) {
        const response = await fetch(baseUrl + path, { headers });
        await response.arrayBuffer();
        if (i === 0 && response.status !== 200) console.warn(`warning: ${path} answered ${response.status}`);
      }
    }
    const afterWarmUp = await readMemory(pid);

    const rows: TRow[] = [];
    for (const path of endpoints) {
      const result = await autocannon({
        url: baseUrl + path,
        headers,
        connections,
        duration: durationS,
        timeout: 10,
      });
      rows.push({
        path,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    }
    const afterLoad = await readMemory(pid);
    const writes = await benchWrites(baseUrl, writer);
    return {
      engine,
      writes,
      reportedEngine: "databaseUrl" in database && database.databaseUrl ? "postgres" : "pglite",
      coldStartMs,
      afterWarmUp,
      afterLoad,
      rows,
    };
  } finally {
    await stopGroup(child);
    running.delete(child);
  }
};

const withoutPassword = (url: string) => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
};

/** A scratch database beside the given one, so the benchmark never seeds or alters the caller's data. */
const scratchDatabase = async (url: string) => {
  const name = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    console.warn(
      `warning: cannot create a scratch database (${(error as Error).message}); benchmarking ${withoutPassword(url)} as is`,
    );
    return { url, drop: async () => {} };
  } finally {
    await admin.end();
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

const main = async () => {
  console.log(
    `API benchmark: node ${process.version}, ${cpus().length} CPUs, ${connections} connections, ${durationS} s per endpoint`,
  );
  const results: TEngineResult[] = [];

  const dataDir = await makeTempDataDir("bench-pglite-");
  tempDirs.add(dataDir);
  try {
    const result = await benchEngine("PGlite (fresh temporary DATA_DIR)", { dataDir });
    printResult(result);
    results.push(result);
  } finally {
    await removeDir(dataDir);
    tempDirs.delete(dataDir);
  }

  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const scratch = await scratchDatabase(pgUrl);
    try {
      const result = await benchEngine(`PostgreSQL (${withoutPassword(scratch.url)})`, {
        databaseUrl: scratch.url,
      });
      printResult(result);
      results.push(result);
    } finally {
      await scratch.drop();
    }
  } else {
    console.log("\n== PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
  }

  const outDir = join(repoRoot, ".bench");
  await mkdir(outDir, { recursive: true });
  await writeFile(
    join(outDir, "api.json"),
    `${JSON.stringify({ at: new Date().toISOString(), durationS, connections, results }, null, 2)}\n`,
  );
  console.log("\nfigures written to .bench/api.json");
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
