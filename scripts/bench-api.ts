import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { todayInTokyo } from "@/shared/dates";
import { signInSession, type TBenchUser } from "./bench-auth";
import { byLabel, runLoad, summarise, type TLoadRequest, type TSummary } from "./bench-load";
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
 * when a PostgreSQL URL is given, on a scratch database beside it. For each scale × engine: the first
 * start, the first overview read (the record loaded), the overview's reads at 1, 10 and 100 concurrent
 * connections with their payload sizes, writes (a progress report) one at a time and from 10 writers at
 * once, and the server's resident memory. Loopback only, bounded in time; prints one table, asserts nothing.
 *
 *   npm run bench:api [-- --pg <url>] [--scales 1,10,100] [--read-seconds 3] [--writes 60]
 *
 * PostgreSQL: --pg, else BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL (--no-pg skips it). The
 * URL's own database is never written: each run creates `bench_<random>` beside it and drops it.
 */

const { values: args } = parseArgs({
  options: {
    pg: { type: "string" },
    "no-pg": { type: "boolean", default: false },
    scales: { type: "string", default: "1,10,100" },
    "read-seconds": { type: "string", default: "3" },
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
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
const startTimeoutMs = 120_000;
// Past this everything is torn down: the run is meant to take well under ten minutes.
const hardLimitMs = 20 * 60_000;

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

const readRssMb = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
};

/** The overview's record reads as the page's loader asks for them (src/app/page-data/overview.ts). */
const overviewRequests = (asOf: string): TLoadRequest[] => {
  const scope = `asOf=${asOf}&caseStatus=open`;
  return [
    { label: "stats/overview", path: `/api/v1/stats/overview?${scope}` },
    { label: "stats/remediation", path: `/api/v1/stats/remediation?${scope}` },
    { label: "stats/commitments", path: `/api/v1/stats/commitments?${scope}` },
    { label: "deadlines", path: `/api/v1/deadlines?asOf=${asOf}&withinDays=14&limit=100` },
    { label: "stats/affected", path: `/api/v1/stats/affected?${scope}` },
    { label: "stats/remediation-timeline", path: `/api/v1/stats/remediation-timeline?${scope}` },
    { label: "stats/intervals", path: `/api/v1/stats/intervals?${scope}` },
  ];
};

type TReadRun = TSummary & { endpoints: Record<string, TSummary> };

type TWrites = TSummary & { writers: number };

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
};

type TCohortAnswer = { version: number; people: { value?: number } };

/**
 * Progress reports on `cohortIds`, one writer per cohort, `perWriter` each in a row: every report reads
 * back the cohort's version the previous one produced. Latency is per write (HTTP round trip included).
 */
const benchWrites = async (
  baseUrl: string,
  editor: TBenchUser,
  cohortIds: string[],
  perWriter: number,
  today: string,
): Promise<TWrites> => {
  const { cookie, csrfToken } = await signInSession(baseUrl, editor);
  const headers = { cookie, "x-csrf-token": csrfToken, origin: baseUrl, "content-type": "application/json" };
  const samples: { label: string; ms: number; bytes: number; status: number }[] = [];
  const started = performance.now();
  await Promise.all(
    cohortIds.map(async (cohortId) => {
      const url = `${baseUrl}/api/v1/cohorts/${cohortId}`;
      const cohort = (await (await fetch(url, { headers })).json()) as TCohortAnswer;
      let version = cohort.version;
      for (let i = 0; i < perWriter; i += 1) {
        const body = {
          version,
          date: today,
          doneCount: {
            status: "reported",
            value: i % (cohort.people.value ?? 1),
            source: { documentId: "doc-1-1", cites: [] },
          },
          note: null,
          source: { documentId: "doc-1-1", cites: [] },
        };
        const t0 = performance.now();
        const response = await fetch(`${url}/progress`, {
          method: "POST",
          headers,
          body: JSON.stringify(body),
        });
        const text = await response.text();
        samples.push({
          label: "write",
          ms: performance.now() - t0,
          bytes: text.length,
          status: response.status,
        });
        if (response.status !== 200)
          throw new Error(`a write answered ${response.status}: ${text.slice(0, 300)}`);
        version = (JSON.parse(text) as TCohortAnswer).version;
      }
    }),
  );
  return { ...summarise(samples, performance.now() - started), writers: cohortIds.length };
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
      const { samples, elapsedMs } = await runLoad({
        baseUrl,
        requests,
        headers,
        connections,
        durationMs: readMs,
      });
      const endpoints: Record<string, TSummary> = {};
      for (const [label, group] of byLabel(samples)) endpoints[label] = summarise(group, elapsedMs);
      reads[String(connections)] = { ...summarise(samples, elapsedMs), endpoints };
      process.stdout.write(".");
    }

    const sequential = await benchWrites(baseUrl, editor, ["coh-1-1"], writeCount, today);
    const writerCohorts = Array.from({ length: WRITERS }, (_, i) => `coh-2-${i + 1}`);
    const concurrent = await benchWrites(
      baseUrl,
      editor,
      writerCohorts,
      Math.max(1, Math.round(writeCount / WRITERS)),
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
  try {
    return await benchOne(scale, "postgres", { databaseUrl: scratch.url });
  } finally {
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
    ...CONCURRENCY.map((c) => `read c=${c} p50 / p99 ms`),
    "read req/s c=100",
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
      ...CONCURRENCY.map((c) => pair(r.reads[String(c)] as TSummary)),
      (r.reads["100"] as TSummary).perSecond.toFixed(0),
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
    return `${r.scale}× ${r.engine}: slowest at c=100 ${worst?.[0]} p99 ${ms(worst?.[1].p99 ?? Number.NaN)} ms; seed ${(r.seedMs / 1000).toFixed(1)} s`;
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
