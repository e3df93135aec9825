import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createBenchUser, type TBenchUser } from "./bench-auth";
import {
  CHROME_PATH,
  killLiveGroups,
  runWithApi,
  runWithCli,
  type TFigures,
  type TPreset,
} from "./bench-ui-lighthouse";
import { countRequests, type TChartTiming, type TRequestCount, timeFirstChart } from "./bench-ui-requests";
import { packageSizes } from "./bench-ui-sources";
import {
  bundleStats,
  dirReader,
  gzipBytes,
  isLoadedAtBoot,
  type TAssetGroup,
  type TLazyGroup,
} from "./bundle-stats";
import { findFreePort } from "./free-port";
import { seedScaled } from "./seed-scaled";
import {
  buildFirstScreen,
  killGroupNow,
  makeRepoTempDir,
  makeTempDataDir,
  removeDir,
  repoRoot,
  spawnServer,
  stopGroup,
  waitForHealth,
} from "./server-process";

/*
 * UI benchmark: a production build (into a temp folder, with Vite's manifest and hidden source maps
 * turned on from the command line), the gzip bytes of what the first page and each route fetch, what the
 * initial JavaScript is made of, then, for the demo record (1×) and a record 100 times a year's case
 * (scripts/seed-scaled.ts), the overview's requests and first chart (Playwright, 1× and 4× CPU) and
 * Lighthouse (performance only, mobile and desktop presets) on the overview (and, at 1×, one incident
 * page), served by the real server on a fresh embedded PGlite. Ends with the table of issue 10. Loopback
 * only, bounded in time; prints figures, asserts nothing (the budget is asserted by e2e/bundle.spec.ts).
 *
 *   npm run bench:ui     BENCH_UI_RUNS=5 (Lighthouse runs per page and preset; medians are printed),
 *                        BENCH_UI_SCALES=1,100 (record sizes measured),
 *                        BENCH_UI_LIGHTHOUSE_BUDGET=1500 (seconds; no Lighthouse run starts after it),
 *                        BENCH_UI_LIGHTHOUSE=0 skips Lighthouse, BENCH_UI_CLI=1 uses the Lighthouse CLI only,
 *                        BENCH_UI_USERNAME + BENCH_UI_PASSWORD: sign in as this user (default: a viewer it creates),
 *                        BENCH_UI_STATIC_DIR=<folder> measures that build instead of building (it must have
 *                        been built with `vite build --manifest --sourcemap hidden`; BENCH_UI_SSR_DIR: its
 *                        `vite build --ssr src/app/render-first-screen.tsx`, else the browser draws the page)
 */

const INITIAL_JS_BUDGET = 120 * 1024;
/** Imported with import() by src/lib/api-client.ts as soon as the app starts, before any route. */
const LOADED_AT_BOOT = ["src/shared/contract.ts", "src/shared/schemas/problem.ts"];
const host = "127.0.0.1";
const buildTimeoutMs = 300_000;
const startTimeoutMs = 120_000;
const runTimeoutMs = 90_000;
/** No Lighthouse run starts after this long; the figures so far are printed. */
const lighthouseBudgetMs = Number(process.env.BENCH_UI_LIGHTHOUSE_BUDGET ?? 1500) * 1000;
const runsPerPage = Math.max(1, Number(process.env.BENCH_UI_RUNS ?? 5));
const scales = (process.env.BENCH_UI_SCALES ?? "1,100")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 1);
const attemptsPerPage = runsPerPage + 2;
const presets: TPreset[] = ["mobile", "desktop"];
const withLighthouse = process.env.BENCH_UI_LIGHTHOUSE !== "0";
// Build + start + the Lighthouse budget and one last run, with margin; past it everything is torn down.
const hardLimitMs =
  buildTimeoutMs + scales.length * (startTimeoutMs + 240_000) + lighthouseBudgetMs + runTimeoutMs + 90_000;

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

const cleanUpNow = () => {
  killLiveGroups();
  for (const child of running) killGroupNow(child);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
};
process.on("exit", cleanUpNow);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\nbench:ui: ${signal}, stopping`);
    process.exit(130);
  });
}
setTimeout(() => {
  console.error(`bench:ui: time limit of ${Math.round(hardLimitMs / 1000)} s reached, stopping`);
  process.exit(1);
}, hardLimitMs).unref();

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const cell = (bytes: number) => (bytes ? `${bytes} (${kib(bytes)})` : "—");

const table = (head: string[], rows: string[][]) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
};

const union = (groups: TAssetGroup[]): TAssetGroup => {
  const files = new Map(groups.flatMap((g) => g.files).map((f) => [f.path, f]));
  const list = [...files.values()];
  return {
    files: list,
    bytes: list.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: list.reduce((n, f) => n + f.gzipBytes, 0),
  };
};

/**
 * The page namespace src/app/router.tsx loads with each route (both languages, see src/i18n/catalog.ts),
 * read from its `page("ns", () => import("./routes/x"), …)` calls.
 */
const routeNamespaces = async () => {
  const source = await readFile(join(repoRoot, "src/app/router.tsx"), "utf8");
  const found = new Map<string, string>();
  for (const m of source.matchAll(/page\(\s*"([\w-]+)",\s*\(\)\s*=>\s*import\("\.\/routes\/([\w-]+)"\)/g)) {
    found.set(m[2] as string, m[1] as string);
  }
  return found;
};

const build = async () => {
  const outDir = await makeTempDataDir("bench-ui-client-");
  tempDirs.add(outDir);
  const started = performance.now();
  const result = spawnSync(
    join(repoRoot, "node_modules/.bin/vite"),
    [
      "build",
      "--outDir",
      outDir,
      "--emptyOutDir",
      "--manifest",
      "--sourcemap",
      "hidden",
      "--logLevel",
      "error",
    ],
    { cwd: repoRoot, stdio: "inherit", timeout: buildTimeoutMs, killSignal: "SIGKILL" },
  );
  if (result.status !== 0) throw new Error(`vite build failed (${result.status ?? result.signal})`);
  const serverBuild = await makeRepoTempDir("bench-ui-ssr-");
  tempDirs.add(serverBuild);
  if (!buildFirstScreen(serverBuild, buildTimeoutMs)) throw new Error("vite build --ssr failed");
  ssrDir = serverBuild;
  console.log(
    `vite build (client and first screen): ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`,
  );
  return outDir;
};

/** The first screen's server build that goes with the client build measured (BENCH_UI_SSR_DIR with BENCH_UI_STATIC_DIR). */
let ssrDir: string | undefined = process.env.BENCH_UI_SSR_DIR;

/** Initial JS in gzip bytes, for the issue's table. */
let initialJsGzip = 0;

const printBundle = async (outDir: string) => {
  const stats = await bundleStats(outDir, { loadedAtBoot: LOADED_AT_BOOT });
  if (stats.lazy.length === 0) throw new Error("the build has no manifest (vite build --manifest)");
  const bySrc = (groups: TLazyGroup[], src: string) => groups.find((g) => g.src === src);
  const namespaces = await routeNamespaces();
  const boot = union(stats.lazy.filter((g) => isLoadedAtBoot(g, LOADED_AT_BOOT)).map((g) => g.js));

  console.log("\n## Bundle (gzip -9 bytes, each file on its own)\n");
  const rows: string[][] = [
    [
      "initial JS (entry + static imports)",
      String(stats.initial.js.files.length),
      cell(stats.initial.js.bytes),
      cell(stats.initial.js.gzipBytes),
    ],
    [
      "initial CSS (stylesheet links)",
      String(stats.initial.css.files.length),
      cell(stats.initial.css.bytes),
      cell(stats.initial.css.gzipBytes),
    ],
    [
      "at boot: contract + zod schemas (import())",
      String(boot.files.length),
      cell(boot.bytes),
      cell(boot.gzipBytes),
    ],
  ];
  table(["what", "files", "raw bytes", "gzip bytes"], rows);
  initialJsGzip = stats.initial.js.gzipBytes;
  const used = stats.initial.js.gzipBytes / INITIAL_JS_BUDGET;
  console.log(
    `\ninitial JS budget: ${kib(stats.initial.js.gzipBytes)} of ${kib(INITIAL_JS_BUDGET)} (${(used * 100).toFixed(1)} %)`,
  );

  console.log("\n### Each route, beyond the initial set and the boot-time contract\n");
  const routeRows = stats.lazyAfterBoot
    .filter((g) => g.isRoute)
    .map((g) => {
      const ns = namespaces.get(g.name) ?? "";
      const i18n = union(
        ["ja", "en"]
          .map((lang) => bySrc(stats.lazyAfterBoot, `src/i18n/${lang}/${ns}.ts`)?.js)
          .filter((x): x is TAssetGroup => Boolean(x)),
      );
      return [
        g.name,
        String(g.js.files.length),
        cell(g.js.gzipBytes),
        cell(g.css.gzipBytes),
        cell(i18n.gzipBytes),
        cell(g.js.gzipBytes + g.css.gzipBytes + i18n.gzipBytes),
        cell(g.later.js.gzipBytes + g.later.css.gzipBytes),
      ];
    });
  table(
    ["route", "js files", "JS gzip", "CSS gzip", "strings ja+en gzip", "total gzip", "later import()s"],
    routeRows,
  );
  const overview = stats.lazyAfterBoot.find((g) => g.isRoute && g.name === "overview");
  if (overview) {
    console.log(
      `\noverview → charts (import() after the overview renders): ${overview.later.js.files.length} files, ${cell(overview.later.js.gzipBytes)} gzip`,
    );
  }
  console.log(
    `recharts code (every chunk holding it): ${stats.charts.files.map((f) => `${f.path.replace(/^\/assets\//, "")} ${f.gzipBytes}`).join(", ")} → ${cell(stats.charts.gzipBytes)} gzip`,
  );

  console.log(
    "\n### What the initial JS is made of (from the source maps; gzip per package is an estimate)\n",
  );
  for (const file of stats.initial.js.files) {
    const parts = await packageSizes(join(outDir, file.path), repoRoot);
    console.log(`${file.path}: ${cell(file.bytes)} raw, ${cell(file.gzipBytes)} gzip`);
    table(
      ["package / folder", "raw bytes", "share", "gzip alone"],
      parts.map((p) => [
        p.name,
        String(p.bytes),
        `${((p.bytes / file.bytes) * 100).toFixed(1)} %`,
        String(p.gzipBytes),
      ]),
    );
  }
};

/*
 * Reads need a session: the bench signs in through the login endpoint and sends the session cookie with
 * every request, Lighthouse's included. The user is BENCH_UI_USERNAME/BENCH_UI_PASSWORD when given, else a
 * viewer the bench creates in its own fresh database before the server starts.
 */
const LOGIN_PATH = "/api/v1/auth/login";

const signInAs = async (base: string, user: TBenchUser): Promise<Record<string, string>> => {
  const { username, password } = user;
  const response = await fetch(`${base}${LOGIN_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ username, password }),
  });
  await response.arrayBuffer();
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (response.status !== 200 || cookies.length === 0) {
    throw new Error(`POST ${LOGIN_PATH} as ${username} answered ${response.status} without a session cookie`);
  }
  console.log(`signed in as ${username}`);
  return { Cookie: cookies.join("; ") };
};

const firstIncidentPath = async (base: string, headers: Record<string, string>) => {
  const response = await fetch(`${base}/api/v1/incidents?limit=1`, { headers });
  if (response.status === 401) {
    throw new Error("GET /api/v1/incidents answered 401: the session was refused");
  }
  const body = (await response.json()) as { items?: { id: string }[] };
  const id = body.items?.[0]?.id;
  if (!id) throw new Error(`GET /api/v1/incidents (${response.status}) returned no incident`);
  return `/incidents/${encodeURIComponent(id)}`;
};

const fmt = (value: number | null, unit: "ms" | "cls" | "score" = "ms") => {
  if (value === null) return "n/a";
  if (unit === "ms") return `${Math.round(value)} ms`;
  return unit === "cls" ? value.toFixed(3) : String(Math.round(value));
};

const median = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null).sort((x, y) => x - y);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2
    ? (known[mid] as number)
    : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
};

const range = (values: (number | null)[], show: (v: number | null) => string) => {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return "";
  return `${show(Math.min(...known))}–${show(Math.max(...known))}`;
};

/** One record size's figures for "/", for the issue's table. */
type TScaleFigures = {
  factor: number;
  requests: TRequestCount | null;
  /** The first chart's moment (ms), median of the runs, at 1× and 4× CPU. */
  firstChartMs: number | null;
  firstChartMs4x: number | null;
  /** The longest task while the charts drew at 1× CPU (median of the loads; 0: none over 50 ms), and the worst. */
  chartTaskMs: number | null;
  chartTaskMsWorst: number | null;
  /** The same before the first paint (the page's first layout, the server's charts in it): median, worst. */
  firstPaintTaskMs: number | null;
  firstPaintTaskMsWorst: number | null;
  /** The route's JavaScript: gzip -9 of each file it fetched, and how many files. */
  routeJsGzip: number;
  routeJsFiles: number;
  lighthouse: Partial<
    Record<
      TPreset,
      {
        score: number | null;
        fcp: number | null;
        lcp: number | null;
        tbt: number | null;
        cls: number | null;
        runs: number;
      }
    >
  >;
};

const runLighthouse = async (staticDir: string, factor: number, deadline: number): Promise<TScaleFigures> => {
  const figures: TScaleFigures = {
    factor,
    requests: null,
    firstChartMs: null,
    firstChartMs4x: null,
    chartTaskMs: null,
    chartTaskMsWorst: null,
    firstPaintTaskMs: null,
    firstPaintTaskMsWorst: null,
    routeJsGzip: 0,
    routeJsFiles: 0,
    lighthouse: {},
  };
  const port = await findFreePort(18800, 18849, host);
  const base = `http://${host}:${port}`;
  const dataDir = await makeTempDataDir("bench-ui-pglite-");
  tempDirs.add(dataDir);
  if (factor > 1) {
    const started = performance.now();
    await seedScaled(dataDir, factor);
    console.log(`
seeded ${factor}× the record in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const given = process.env.BENCH_UI_USERNAME && process.env.BENCH_UI_PASSWORD;
  const user: TBenchUser = given
    ? { username: process.env.BENCH_UI_USERNAME as string, password: process.env.BENCH_UI_PASSWORD as string }
    : await createBenchUser({ dataDir });
  const server = spawnServer({
    port,
    host,
    dataDir,
    staticDir,
    ssrDir,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  running.add(server);
  try {
    await waitForHealth(base, server, startTimeoutMs);
    const headers = await signInAs(base, user);
    const extraHeaders = Object.keys(headers).length > 0 ? headers : undefined;
    const pages = factor === 1 ? ["/", await firstIncidentPath(base, headers)] : ["/"];
    // One plain load of each page first, so the server's file cache and the database are warm.
    for (const page of pages) await (await fetch(`${base}${page}`, { headers })).arrayBuffer();

    const cookie = headers.Cookie as string;
    try {
      // The requests and sizes are the same every time: one load counts them.
      figures.requests = await countRequests(`${base}/`, cookie);
      /*
       * The first chart's moment varies by a quarter from one load to the next on a shared machine: it is
       * the median of as many loads as Lighthouse gets, each in a fresh browser.
       */
      const loads = async (cpuRate: number) => {
        const all: (TChartTiming | null)[] = [];
        for (let i = 0; i < runsPerPage; i++) all.push(await timeFirstChart(`${base}/`, cookie, { cpuRate }));
        return all.filter((t): t is TChartTiming => t !== null);
      };
      const at1x = await loads(1);
      figures.firstChartMs = median(at1x.map((t) => t.firstChartMs));
      figures.chartTaskMs = median(at1x.map((t) => t.chartTaskMs));
      figures.chartTaskMsWorst = at1x.length ? Math.max(...at1x.map((t) => t.chartTaskMs)) : null;
      figures.firstPaintTaskMs = median(at1x.map((t) => t.firstPaintTaskMs));
      figures.firstPaintTaskMsWorst = at1x.length ? Math.max(...at1x.map((t) => t.firstPaintTaskMs)) : null;
      figures.firstChartMs4x = median((await loads(4)).map((t) => t.firstChartMs));
      const read = dirReader(staticDir);
      for (const path of figures.requests.scriptPaths) {
        const data = await read(path);
        if (!data) continue;
        figures.routeJsGzip += gzipBytes(data);
        figures.routeJsFiles += 1;
      }
      const r = figures.requests;
      console.log(
        `\n## "/" at ${factor}× the record: ${r.total} requests (${r.api} API, ${r.scripts} scripts), API ${kib(r.apiBytes)} on the wire, ${r.domNodes} DOM elements; first chart ${fmt(figures.firstChartMs)} (4× CPU: ${fmt(figures.firstChartMs4x)}), longest task while the charts draw ${fmt(figures.chartTaskMs)} after the first paint (worst ${fmt(figures.chartTaskMsWorst)}), ${fmt(figures.firstPaintTaskMs)} before it (worst ${fmt(figures.firstPaintTaskMsWorst)})`,
      );
      console.log(`largest API answers: ${r.largest.map((l) => `${l.url} ${kib(l.bytes)}`).join(", ")}`);
    } catch (error) {
      console.log(`request count failed: ${error instanceof Error ? error.message : error}`);
    }

    console.log(
      `\n## Lighthouse at ${factor}× the record (performance only, simulated throttling), median of ${runsPerPage} runs, on ${base}\n`,
    );
    const lighthouseDeadline = deadline;
    let useCli = process.env.BENCH_UI_CLI === "1";
    if (useCli) console.log("BENCH_UI_CLI=1: using the Lighthouse CLI");
    const rows: string[][] = [];
    const notes = new Set<string>();
    const versions = new Set<string>();
    const benchmarks: number[] = [];
    for (const page of pages) {
      for (const preset of presets) {
        const runs: TFigures[] = [];
        const failures: string[] = [];
        // A run Lighthouse itself reports as broken (e.g. NO_NAVSTART, a trace it failed to record) is retried.
        for (let attempt = 0; runs.length < runsPerPage && attempt < attemptsPerPage; attempt += 1) {
          if (Date.now() > lighthouseDeadline) {
            notes.add(`Lighthouse budget of ${lighthouseBudgetMs / 1000} s spent: later runs skipped`);
            break;
          }
          const options = {
            url: `${base}${page}`,
            preset,
            chromePort: await findFreePort(18850, 18899, host),
            timeoutMs: runTimeoutMs,
            extraHeaders,
          };
          let run: TFigures | null = null;
          if (!useCli) {
            try {
              run = await runWithApi(options);
            } catch (error) {
              console.log(
                `Lighthouse's Node API failed on Node ${process.versions.node} (${error instanceof Error ? error.message : error}); falling back to the CLI (npx lighthouse … --output=json) for this and later runs`,
              );
              useCli = true;
            }
          }
          if (!run) {
            try {
              run = await runWithCli(options, repoRoot);
            } catch (error) {
              failures.push(error instanceof Error ? error.message : String(error));
              continue;
            }
          }
          if (run.runtimeError) failures.push(`Lighthouse runtime error ${run.runtimeError} (run retried)`);
          else runs.push(run);
        }
        for (const failure of new Set(failures)) notes.add(`${page} ${preset}: ${failure.slice(0, 300)}`);
        if (runs.length === 0) {
          rows.push([page, preset, "-", "0", "n/a", "", "", "", "", ""]);
          continue;
        }
        for (const run of runs) {
          versions.add(`Lighthouse ${run.lighthouseVersion}`);
          if (run.benchmarkIndex !== null) benchmarks.push(run.benchmarkIndex);
          for (const warning of run.warnings) notes.add(`${page} ${preset}: warning: ${warning}`);
          if (run.lcpElement) notes.add(`${page} ${preset}: LCP element ${run.lcpElement}`);
          for (const shift of run.shifts)
            notes.add(`${page} ${preset}: layout shift: ${shift.replace(/ \([\d.]+\)$/, "")}`);
        }
        const pick = (f: (r: TFigures) => number | null) => runs.map(f);
        const scores = pick((r) => r.score);
        if (page === "/") {
          figures.lighthouse[preset] = {
            score: median(scores),
            fcp: median(pick((r) => r.fcpMs)),
            lcp: median(pick((r) => r.lcpMs)),
            tbt: median(pick((r) => r.tbtMs)),
            cls: median(pick((r) => r.cls)),
            runs: runs.length,
          };
        }
        rows.push([
          page,
          preset,
          [...new Set(runs.map((r) => r.via))].join("+"),
          String(runs.length),
          fmt(median(scores), "score"),
          range(scores, (v) => fmt(v, "score")),
          fmt(median(pick((r) => r.fcpMs))),
          fmt(median(pick((r) => r.lcpMs))),
          fmt(median(pick((r) => r.tbtMs))),
          fmt(median(pick((r) => r.cls)), "cls"),
        ]);
      }
    }
    table(["page", "preset", "via", "runs", "score", "score range", "FCP", "LCP", "TBT", "CLS"], rows);
    console.log("");
    for (const note of notes) console.log(note);
    console.log(
      `\n${[...versions].join(", ")}; Chromium ${CHROME_PATH}; CPU benchmark index ${range(benchmarks, (v) => String(Math.round(v ?? 0))) || benchmarks[0]}`,
    );
  } finally {
    await stopGroup(server);
    running.delete(server);
    await removeDir(dataDir);
    tempDirs.delete(dataDir);
  }
  return figures;
};

/** The table of issue 10, for ours at each record size. */
const printIssueTable = (all: TScaleFigures[]) => {
  console.log(`\n## "/" signed in as a viewer (issue 10's table), Lighthouse medians of ${runsPerPage}\n`);
  const at = (f: TScaleFigures) => `${f.factor}×`;
  const lh = (f: TScaleFigures, preset: TPreset) => f.lighthouse[preset];
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? "n/a" : `${Math.round(v)}`);
  table(
    ['"/"', ...all.map(at)],
    [
      ["initial JS gzip", ...all.map(() => `${initialJsGzip} B`)],
      ["whole route JS gzip", ...all.map((f) => `${f.routeJsGzip} B (${f.routeJsFiles} files)`)],
      [
        `first chart, 1× / 4× CPU (median of ${runsPerPage} loads)`,
        ...all.map((f) => `${ms(f.firstChartMs)} / ${ms(f.firstChartMs4x)} ms`),
      ],
      [
        `longest task while the charts draw, after the first paint, 1× CPU (median / worst of ${runsPerPage}; 0: none over 50 ms)`,
        ...all.map((f) => `${ms(f.chartTaskMs)} / ${ms(f.chartTaskMsWorst)} ms`),
      ],
      [
        "… and before it (the page's first layout and paint, the server's charts in it)",
        ...all.map((f) => `${ms(f.firstPaintTaskMs)} / ${ms(f.firstPaintTaskMsWorst)} ms`),
      ],
      ["requests", ...all.map((f) => String(f.requests?.total ?? "n/a"))],
      ["API bytes on the wire", ...all.map((f) => (f.requests ? `${f.requests.apiBytes} B` : "n/a"))],
      ["DOM elements", ...all.map((f) => String(f.requests?.domNodes ?? "n/a"))],
      ["Lighthouse mobile score", ...all.map((f) => fmt(lh(f, "mobile")?.score ?? null, "score"))],
      [
        "mobile FCP / LCP / TBT / CLS",
        ...all.map((f) => {
          const m = lh(f, "mobile");
          return m ? `${ms(m.fcp)} / ${ms(m.lcp)} / ${ms(m.tbt)} ms / ${fmt(m.cls, "cls")}` : "n/a";
        }),
      ],
      [
        "desktop score / TBT",
        ...all.map((f) => {
          const d = lh(f, "desktop");
          return d ? `${fmt(d.score, "score")} / ${ms(d.tbt)} ms` : "n/a";
        }),
      ],
    ],
  );
};

const main = async () => {
  console.log(`bench:ui on Node ${process.versions.node}`);
  const given = process.env.BENCH_UI_STATIC_DIR;
  if (given) console.log(`BENCH_UI_STATIC_DIR: measuring ${given}, no build`);
  const outDir = given ?? (await build());
  await printBundle(outDir);
  if (withLighthouse) {
    const deadline = Date.now() + lighthouseBudgetMs;
    const all: TScaleFigures[] = [];
    for (const factor of scales) all.push(await runLighthouse(outDir, factor, deadline));
    printIssueTable(all);
  } else console.log("\nBENCH_UI_LIGHTHOUSE=0: Lighthouse skipped");
  if (!given) {
    await removeDir(outDir);
    tempDirs.delete(outDir);
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:ui failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
