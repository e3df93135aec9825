import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { contract } from "@/shared/contract";
import { todayInTokyo } from "@/shared/dates";
import { overviewRequests as firstScreen } from "@/shared/first-screen";
import { signInSession } from "./bench-auth";
import { byLabel, runLoad, summarise, type TLoadRequest, type TSample, type TSummary } from "./bench-load";
import { scratchDatabase, seedScaled, type TBenchDatabase, withoutPassword } from "./bench-seed";
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
 * API benchmark of the real server (src/server/main.ts via tsx, nothing built) as the record grows: a
 * synthetic record 1×, 10× and 100× a year's case (scripts/scale-dataset.ts), on the embedded PGlite and,
 * when a PostgreSQL URL is given, on a scratch database beside it. For each scale × engine: the first start
 * (spawn → /api/health), the first overview read (the record loaded), the overview's reads (as the page asks
 * for them, compressed as a browser accepts) at 1, 10 and 100 concurrent connections with their sizes,
 * progress reports one at a time and from 10 writers at once, the whole overview right after a write (the
 * answers computed again), the server's CPU time per read and per write (less sensitive than latency to a
 * busy machine), and its resident memory. Loopback only, bounded in time; prints one table, asserts nothing.
 *
 *   npm run bench:api [-- --pg <url>] [--no-pg] [--scales 1,10,100] [--read-seconds 5] [--writes 60]
 *
 * PostgreSQL: --pg, else BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL. The URL's own database is
 * never written: each run creates `bench_<random>` beside it and drops it. Figures go to .bench/api.json.
 */

const { values: args } = parseArgs({
  options: {
    pg: { type: "string" },
    "no-pg": { type: "boolean", default: false },
    scales: { type: "string", default: "1,10,100" },
    "read-seconds": { type: "string", default: "5" },
    writes: { type: "string", default: "60" },
  },
  strict: true,
});

const scales = (args.scales ?? "").split(",").map(Number);
if (scales.some((s) => !Number.isInteger(s) || s < 1)) {
  console.error("--scales takes whole numbers ≥ 1, e.g. 1,10,100");
  process.exit(2);
}
const readMs = Number(args["read-seconds"]) * 1000;
const writeCount = Number(args.writes);
if (!(readMs > 0) || !Number.isInteger(writeCount) || writeCount < 10) {
  console.error("--read-seconds takes a number of seconds > 0, --writes a whole number ≥ 10");
  process.exit(2);
}
const pgUrl = args["no-pg"]
  ? undefined
  : args.pg ||
    process.env.BENCH_DATABASE_URL ||
    process.env.DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    undefined;

const host = "127.0.0.1";
const CONCURRENCY = [1, 10, 100] as const;
const WRITERS = 10;
const AFTER_WRITE_ROUNDS = 10;
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
const startTimeoutMs = 120_000;
// Past this everything is torn down: the run is meant to take well under ten minutes.
const hardLimitMs = 20 * 60_000;

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();
/** Scratch PostgreSQL databases to drop however the run ends. */
const scratchDrops = new Set<() => Promise<void>>();
const cleanUpNow = () => {
  for (const child of running) killGroupNow(child);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
};
process.on("exit", cleanUpNow);
const stopEarly = async (message: string, code: number) => {
  console.error(message);
  for (const child of running) killGroupNow(child);
  const drops = Promise.allSettled([...scratchDrops].map((drop) => drop()));
  await Promise.race([drops, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  process.exit(code);
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void stopEarly(`\nbench: ${signal}, stopping`, 130));
}
setTimeout(
  () => void stopEarly(`bench: time limit of ${Math.round(hardLimitMs / 1000)} s reached, stopping`, 1),
  hardLimitMs,
).unref();

const readRssMb = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
};

/** CPU time the process has used (user + system), in ms; /proc counts in ticks of 10 ms on Linux. */
const readCpuMs = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/**
 * How busy the machine was (other processes included): the 1-minute load average and the share of the
 * last 10 s in which some task waited for a CPU (Linux pressure stall information; null where absent).
 */
const readMachine = async () => {
  const psi = await readFile("/proc/pressure/cpu", "utf8").catch(() => "");
  const some = /^some avg10=([\d.]+)/m.exec(psi)?.[1];
  return { loadAvg1: loadavg()[0] as number, cpuPressure: some === undefined ? null : Number(some) };
};

/** The overview's record reads as the page's loader asks for them (src/app/page-data/overview.ts). */
// Exactly what the overview asks for (the shared first-screen list), so the bench follows the page.
const overviewRequests = (asOf: string): TLoadRequest[] =>
  firstScreen({ asOf, caseStatus: "open" }).map(({ name, query }) => {
    const search = new URLSearchParams(Object.entries(query ?? {}).map(([k, v]) => [k, String(v)]));
    const path = contract[name].path;
    return { label: path.replace("/api/v1/", ""), path: search.size ? `${path}?${search}` : path };
  });

/** `cpuMs`: the server process's CPU time per request (less sensitive than latency to a busy machine). */
type TReadRun = TSummary & { cpuMs: number; endpoints: Record<string, TSummary> };

type TWrites = TSummary & { writers: number; cpuMs: number };

type TResult = {
  scale: number;
  engine: "pglite" | "postgres";
  records: number;
  seedMs: number;
  startMs: number;
  firstReadMs: number;
  /** Each overview read's answer: JSON bytes, and bytes as sent to a browser (compressed). */
  bytes: Record<string, number>;
  wireBytes: Record<string, number>;
  rssSeededMb: number;
  rssAfterMb: number;
  reads: Record<string, TReadRun>;
  writes: { sequential: TWrites; concurrent: TWrites };
  /** Sampled after the reads at 100 connections. */
  machine: { loadAvg1: number; cpuPressure: number | null };
  /** A write, then the whole overview (its reads at once, as the page asks): what the board waits for. */
  overviewAfterWrite: TSummary;
};

type TCohortAnswer = { version: number; people: { value?: number } };

type TSession = { cookie: string; csrfToken: string };

/** Progress reports on one cohort, one after another: each sends the version the previous one produced. */
const cohortWriter = async (baseUrl: string, session: TSession, cohortId: string, today: string) => {
  const headers = {
    cookie: session.cookie,
    "x-csrf-token": session.csrfToken,
    origin: baseUrl,
    "content-type": "application/json",
  };
  const url = `${baseUrl}/api/v1/cohorts/${cohortId}`;
  const cohort = (await (await fetch(url, { headers })).json()) as TCohortAnswer;
  let version = cohort.version;
  let i = 0;
  const source = { documentId: "doc-1-1", cites: [] };
  return async (): Promise<TSample> => {
    i += 1;
    const body = {
      version,
      date: today,
      doneCount: { status: "reported", value: i % (cohort.people.value ?? 1), source },
      note: null,
      source,
    };
    const t0 = performance.now();
    const response = await fetch(`${url}/progress`, { method: "POST", headers, body: JSON.stringify(body) });
    const text = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200)
      throw new Error(`a write answered ${response.status}: ${text.slice(0, 300)}`);
    version = (JSON.parse(text) as TCohortAnswer).version;
    return { label: "write", ms, bytes: text.length, status: response.status };
  };
};

/**
 * `perWriter` progress reports from each of `cohortIds`' writers, the writers at once. Latency is per
 * write (HTTP round trip included); writers take turns at the edit lock, so ten at once wait for each other.
 */
const benchWrites = async (
  baseUrl: string,
  pid: number,
  session: TSession,
  cohortIds: string[],
  perWriter: number,
  today: string,
): Promise<TWrites> => {
  const writers = await Promise.all(cohortIds.map((id) => cohortWriter(baseUrl, session, id, today)));
  const samples: TSample[] = [];
  const cpu0 = await readCpuMs(pid);
  const started = performance.now();
  await Promise.all(
    writers.map(async (write) => {
      for (let i = 0; i < perWriter; i += 1) samples.push(await write());
    }),
  );
  const elapsedMs = performance.now() - started;
  const cpuMs = ((await readCpuMs(pid)) - cpu0) / samples.length;
  return { ...summarise(samples, elapsedMs), writers: cohortIds.length, cpuMs };
};

/** After each write the answers are computed again: the time to the whole overview, `rounds` times. */
const benchOverviewAfterWrite = async (
  baseUrl: string,
  session: TSession,
  requests: readonly TLoadRequest[],
  headers: Record<string, string>,
  rounds: number,
  today: string,
): Promise<TSummary> => {
  const write = await cohortWriter(baseUrl, session, "coh-3-1", today);
  const samples: TSample[] = [];
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    await write();
    const t0 = performance.now();
    const statuses = await Promise.all(
      requests.map(async (item) => {
        const response = await fetch(baseUrl + item.path, { headers });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    samples.push({
      label: "overview",
      ms: performance.now() - t0,
      bytes: 0,
      status: statuses.every((s) => s === 200) ? 200 : 500,
    });
  }
  return summarise(samples, performance.now() - started);
};

const benchOne = async (
  scale: number,
  engine: "pglite" | "postgres",
  database: TBenchDatabase,
): Promise<TResult> => {
  const { seedMs, viewer, editor, records } = await seedScaled(database, scale);
  const port = await findFreePort(18300, 18349, host);
  const baseUrl = `http://${host}:${port}`;
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
    const startMs = performance.now() - started;
    const pid = child.pid as number;
    const { cookie } = await signInSession(baseUrl, viewer);
    // As a browser asks: compressed answers when they are large enough to be worth it.
    const headers = { cookie, "accept-encoding": BROWSER_ENCODINGS };
    const today = todayInTokyo();
    const requests = overviewRequests(today);

    // The first read after a start loads the whole record; then one of each read, to learn their sizes
    // as JSON and as sent.
    const t0 = performance.now();
    const first = await fetch(baseUrl + (requests[0] as TLoadRequest).path, { headers: { cookie } });
    await first.arrayBuffer();
    const firstReadMs = performance.now() - t0;
    if (first.status !== 200) throw new Error(`the overview answered ${first.status}`);
    const sizes = async (h: Record<string, string>) => {
      const { samples } = await runLoad({
        baseUrl,
        requests,
        headers: h,
        connections: 1,
        durationMs: 60_000,
        maxRequests: requests.length,
      });
      const failed = samples.find((s) => s.status !== 200);
      if (failed) throw new Error(`${failed.label} answered ${failed.status}`);
      return Object.fromEntries(samples.map((s) => [s.label, s.bytes]));
    };
    const bytes = await sizes({ cookie });
    const wireBytes = await sizes(headers);
    const rssSeededMb = await readRssMb(pid);

    const reads: Record<string, TReadRun> = {};
    for (const connections of CONCURRENCY) {
      const cpu0 = await readCpuMs(pid);
      const { samples, elapsedMs } = await runLoad({
        baseUrl,
        requests,
        headers,
        connections,
        durationMs: readMs,
      });
      const endpoints: Record<string, TSummary> = {};
      for (const [label, group] of byLabel(samples)) endpoints[label] = summarise(group, elapsedMs);
      const cpuMs = ((await readCpuMs(pid)) - cpu0) / samples.length;
      reads[String(connections)] = { ...summarise(samples, elapsedMs), cpuMs, endpoints };
      process.stdout.write(".");
    }
    const machine = await readMachine();

    const session = await signInSession(baseUrl, editor);
    const sequential = await benchWrites(baseUrl, pid, session, ["coh-1-1"], writeCount, today);
    const writerCohorts = Array.from({ length: WRITERS }, (_, i) => `coh-2-${i + 1}`);
    const perWriter = Math.max(1, Math.round(writeCount / WRITERS));
    const concurrent = await benchWrites(baseUrl, pid, session, writerCohorts, perWriter, today);
    const overviewAfterWrite = await benchOverviewAfterWrite(
      baseUrl,
      session,
      requests,
      headers,
      AFTER_WRITE_ROUNDS,
      today,
    );
    const rssAfterMb = await readRssMb(pid);
    return {
      scale,
      engine,
      records,
      seedMs,
      startMs,
      firstReadMs,
      bytes,
      wireBytes,
      rssSeededMb,
      rssAfterMb,
      reads,
      writes: { sequential, concurrent },
      overviewAfterWrite,
      machine,
    };
  } finally {
    await stopGroup(child);
    running.delete(child);
  }
};

const benchPglite = async (scale: number) => {
  const dataDir = await makeTempDataDir("bench-pglite-");
  tempDirs.add(dataDir);
  try {
    return await benchOne(scale, "pglite", { dataDir });
  } finally {
    await removeDir(dataDir);
    tempDirs.delete(dataDir);
  }
};

const benchPostgres = async (url: string, scale: number) => {
  const scratch = await scratchDatabase(url);
  scratchDrops.add(scratch.drop);
  try {
    return await benchOne(scale, "postgres", { databaseUrl: scratch.url });
  } finally {
    scratchDrops.delete(scratch.drop);
    await scratch.drop();
  }
};

// --- The table ---------------------------------------------------------------------------------------

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pair = (s: TSummary) => `${ms(s.p50)} / ${ms(s.p99)}${s.failed > 0 ? ` (${s.failed} failed)` : ""}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)}`;

export const tableOf = (results: readonly TResult[]) => {
  const header = [
    "scale",
    "engine",
    "start ms",
    "1st read ms",
    "write p50 / p99 ms",
    `write ×${WRITERS} p50 / p99 ms`,
    "CPU ms / write",
    ...CONCURRENCY.map((c) => `read c=${c} p50 / p99 ms`),
    "reads/s c=100",
    "CPU ms / read",
    "overview after a write p50 / max ms",
    "overview KB JSON / sent",
    "RSS MB seeded → after",
  ];
  const rows = results.map((r) => {
    const total = (bytes: Record<string, number>) => Object.values(bytes).reduce((a, b) => a + b, 0);
    return [
      `${r.scale}×`,
      r.engine === "pglite" ? "PGlite" : "PostgreSQL",
      r.startMs.toFixed(0),
      r.firstReadMs.toFixed(0),
      pair(r.writes.sequential),
      pair(r.writes.concurrent),
      ms(r.writes.sequential.cpuMs),
      ...CONCURRENCY.map((c) => pair(r.reads[String(c)] as TSummary)),
      (r.reads["100"] as TReadRun).perSecond.toFixed(0),
      ms((r.reads["100"] as TReadRun).cpuMs),
      `${ms(r.overviewAfterWrite.p50)} / ${ms(r.overviewAfterWrite.max)}`,
      `${kb(total(r.bytes))} / ${kb(total(r.wireBytes))}`,
      `${r.rssSeededMb.toFixed(0)} → ${r.rssAfterMb.toFixed(0)}`,
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
};

const payloadTable = (results: readonly TResult[]) => {
  const labels = Object.keys(results[0]?.bytes ?? {});
  const seen = new Set<number>();
  const rows: string[][] = [];
  for (const r of results) {
    if (seen.has(r.scale)) continue;
    seen.add(r.scale);
    rows.push([
      `${r.scale}×`,
      ...labels.map((l) => `${kb(r.bytes[l] ?? Number.NaN)} / ${kb(r.wireBytes[l] ?? Number.NaN)}`),
    ]);
  }
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(["scale", ...labels.map((l) => `${l} KB JSON / sent`)]),
    line(["---", ...labels.map(() => "---")]),
    ...rows.map(line),
  ].join("\n");
};

const slowest = (results: readonly TResult[]) =>
  results.map((r) => {
    const run = r.reads["100"] as TReadRun;
    const worst = Object.entries(run.endpoints).sort((a, b) => b[1].p99 - a[1].p99)[0];
    const pressure =
      r.machine.cpuPressure === null ? "" : `, CPU pressure ${r.machine.cpuPressure.toFixed(0)} %`;
    return `${r.scale}× ${r.engine}: ${r.records} records (seeded in ${(r.seedMs / 1000).toFixed(1)} s); slowest read at c=100 ${worst?.[0]} p99 ${ms(worst?.[1].p99 ?? Number.NaN)} ms; machine: load ${r.machine.loadAvg1.toFixed(1)}${pressure}`;
  });

const main = async () => {
  const began = performance.now();
  console.log(
    `API benchmark: node ${process.version}, ${cpus().length} CPUs; scales ${scales.join(", ")}×; reads ${readMs / 1000} s per concurrency; ${writeCount} writes in a row, then ${WRITERS} writers × ${Math.max(1, Math.round(writeCount / WRITERS))}`,
  );
  console.log(
    pgUrl ? `PostgreSQL: scratch databases beside ${withoutPassword(pgUrl)}` : "PostgreSQL: skipped (no URL)",
  );
  const results: TResult[] = [];
  for (const scale of scales) {
    for (const engine of pgUrl ? (["pglite", "postgres"] as const) : (["pglite"] as const)) {
      process.stdout.write(`${scale}× ${engine} `);
      const t0 = performance.now();
      const result =
        engine === "pglite" ? await benchPglite(scale) : await benchPostgres(pgUrl as string, scale);
      results.push(result);
      console.log(` ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
  }
  console.log(`\n${tableOf(results)}\n\n${payloadTable(results)}\n`);
  for (const line of slowest(results)) console.log(line);
  console.log(`\ntotal ${((performance.now() - began) / 1000).toFixed(0)} s`);
  const outDir = join(repoRoot, ".bench");
  await mkdir(outDir, { recursive: true });
  await writeFile(
    join(outDir, "api.json"),
    `${JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, readMs, writeCount, results }, null, 2)}\n`,
  );
  console.log("figures written to .bench/api.json");
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
