import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Result } from "lighthouse";

/*
 * Lighthouse (performance only) against a page of the running server, in Debian's Chromium. Programmatic
 * first; the CLI (`lighthouse … --output=json`) is the fallback when the programmatic run fails (Lighthouse
 * 13 asks for Node 22.19+). Nothing is downloaded: Chromium comes from CHROME_PATH, background networking
 * and component updates are off, and only the page's own origin is loaded.
 */

export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

export const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type TPreset = "mobile" | "desktop";

export type TFigures = {
  /** 0–100, null when Lighthouse could not score the page. */
  score: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  runtimeError: string | null;
  warnings: string[];
  via: "api" | "cli";
  lighthouseVersion: string;
  /** Lighthouse's CPU benchmark of this machine (its simulated throttling scales with it). */
  benchmarkIndex: number | null;
  /** The LCP element (CSS selector) and the parts of its time, when Lighthouse names them. */
  lcpElement: string | null;
  lcpParts: string;
  /** Elements that moved, with their summed layout-shift scores, largest first. */
  shifts: string[];
};

type TNode = { type?: string; selector?: string; snippet?: string };
type TDetails = { type?: string; items?: unknown[] };

const nodeName = (node: TNode | undefined) => node?.selector ?? node?.snippet ?? null;

const lcpOf = (lhr: Result) => {
  const details = lhr.audits["lcp-breakdown-insight"]?.details as TDetails | undefined;
  const items = details?.items ?? [];
  const node = items.find((i): i is TNode => (i as TNode)?.type === "node");
  const table = items.find((i) => (i as TDetails)?.type === "table") as TDetails | undefined;
  const parts = ((table?.items ?? []) as { label?: string; duration?: number }[])
    .filter((p) => typeof p.duration === "number")
    .map((p) => `${p.label}: ${Math.round(p.duration as number)} ms`)
    .join(", ");
  return { lcpElement: nodeName(node), lcpParts: parts };
};

const shiftsOf = (lhr: Result) => {
  const details = lhr.audits["layout-shifts"]?.details as TDetails | undefined;
  const sums = new Map<string, number>();
  for (const item of (details?.items ?? []) as { node?: TNode; score?: number }[]) {
    const name = nodeName(item.node) ?? "(unnamed)";
    sums.set(name, (sums.get(name) ?? 0) + (item.score ?? 0));
  }
  return [...sums].sort((a, b) => b[1] - a[1]).map(([name, score]) => `${name} (${score.toFixed(3)})`);
};

const numeric = (lhr: Result, id: string) => {
  const value = lhr.audits[id]?.numericValue;
  return typeof value === "number" ? value : null;
};

export const figuresOf = (lhr: Result, via: TFigures["via"]): TFigures => {
  const score = lhr.categories.performance?.score;
  return {
    score: typeof score === "number" ? Math.round(score * 100) : null,
    fcpMs: numeric(lhr, "first-contentful-paint"),
    lcpMs: numeric(lhr, "largest-contentful-paint"),
    tbtMs: numeric(lhr, "total-blocking-time"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    warnings: lhr.runWarnings ?? [],
    via,
    lighthouseVersion: lhr.lighthouseVersion,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    ...lcpOf(lhr),
    shifts: shiftsOf(lhr),
  };
};

/** Process groups still running (Chromium from chrome-launcher, the Lighthouse CLI): killed on exit. */
export const liveGroups = new Set<number>();

const killGroup = (pid: number) => {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
  liveGroups.delete(pid);
};

export const killLiveGroups = () => {
  for (const pid of [...liveGroups]) killGroup(pid);
};

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

export type TRunOptions = {
  url: string;
  preset: TPreset;
  chromePort: number;
  timeoutMs: number;
  /** Sent with every request of the page (e.g. a session cookie). */
  extraHeaders?: Record<string, string>;
};

/** One run through the Node API, in a fresh Chromium (chrome-launcher starts it in its own process group). */
export const runWithApi = async ({
  url,
  preset,
  chromePort,
  timeoutMs,
  extraHeaders,
}: TRunOptions): Promise<TFigures> => {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
    port: chromePort,
    logLevel: "silent",
    handleSIGINT: false,
  });
  liveGroups.add(chrome.pid);
  try {
    const result = await withTimeout(
      lighthouse(
        url,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          ...(extraHeaders ? { extraHeaders } : {}),
        },
        preset === "desktop" ? desktopConfig : undefined,
      ),
      timeoutMs,
      `Lighthouse (${preset}) on ${url}`,
    );
    if (!result) throw new Error("Lighthouse returned no result");
    return figuresOf(result.lhr, "api");
  } finally {
    chrome.kill();
    killGroup(chrome.pid);
  }
};

/** The same through the CLI (`lighthouse … --output=json`), in its own process group. */
export const runWithCli = async (
  { url, preset, chromePort, timeoutMs, extraHeaders }: TRunOptions,
  repoRoot: string,
): Promise<TFigures> => {
  const args = [
    url,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance",
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    `--port=${chromePort}`,
    "--quiet",
    "--no-enable-error-reporting",
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
    ...(extraHeaders ? [`--extra-headers=${JSON.stringify(extraHeaders)}`] : []),
  ];
  const child: ChildProcess = spawn(join(repoRoot, "node_modules/.bin/lighthouse"), args, {
    cwd: repoRoot,
    env: { ...process.env, CHROME_PATH },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
  try {
    const code = await withTimeout(
      new Promise<number | null>((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (exitCode) => resolve(exitCode));
      }),
      timeoutMs,
      `Lighthouse CLI (${preset}) on ${url}`,
    );
    if (code !== 0) {
      throw new Error(`lighthouse CLI exited ${code}: ${Buffer.concat(err).toString().trim().slice(-2000)}`);
    }
    return figuresOf(JSON.parse(Buffer.concat(out).toString()) as Result, "cli");
  } finally {
    if (child.pid !== undefined) killGroup(child.pid);
  }
};
