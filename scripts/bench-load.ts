import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

/*
 * A closed-loop HTTP load for the API benchmark: `connections` clients, each on its own kept-alive
 * connection, send the next request as soon as the previous one is answered, for a time or a number of
 * requests. Every answer is kept with its endpoint (its label), so each endpoint gets its own latency and
 * payload size as well as the mix's (autocannon reports only the mix).
 */

export type TLoadRequest = { label: string; path: string };

export type TSample = { label: string; ms: number; bytes: number; status: number };

export type TSummary = {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers other than 2xx, and requests that failed outright (reset, timeout). */
  failed: number;
  perSecond: number;
};

/** The value at quantile q of an ascending list (nearest rank): 0.99 of 100 values is the 99th. */
export const quantile = (sorted: readonly number[], q: number) => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
};

export const summarise = (samples: readonly TSample[], elapsedMs: number): TSummary => {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    count: samples.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    failed: samples.filter((s) => s.status < 200 || s.status > 299).length,
    perSecond: elapsedMs > 0 ? (samples.length * 1000) / elapsedMs : Number.NaN,
  };
};

/** The samples of each label, in the order the labels first appear. */
export const byLabel = (samples: readonly TSample[]) => {
  const groups = new Map<string, TSample[]>();
  for (const sample of samples) {
    const group = groups.get(sample.label);
    if (group) group.push(sample);
    else groups.set(sample.label, [sample]);
  }
  return groups;
};

const once = (
  agent: Agent,
  baseUrl: URL,
  item: TLoadRequest,
  headers: Record<string, string>,
  timeoutMs: number,
) =>
  new Promise<TSample>((resolve) => {
    const started = performance.now();
    const done = (status: number, bytes: number) =>
      resolve({ label: item.label, ms: performance.now() - started, bytes, status });
    const req = request(
      {
        agent,
        host: baseUrl.hostname,
        port: baseUrl.port,
        path: item.path,
        method: "GET",
        headers,
        timeout: timeoutMs,
      },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on("end", () => done(res.statusCode ?? 0, bytes));
        res.on("error", () => done(0, bytes));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => done(0, 0));
    req.end();
  });

export type TLoadOptions = {
  baseUrl: string;
  /** Each client goes through these in turn, starting at its own offset (so the mix is even at once). */
  requests: readonly TLoadRequest[];
  headers: Record<string, string>;
  connections: number;
  /** Stops sending after this long… */
  durationMs: number;
  /** …or after this many requests in all, whichever comes first; requests in flight are awaited. */
  maxRequests?: number;
  timeoutMs?: number;
};

export const runLoad = async (options: TLoadOptions): Promise<{ samples: TSample[]; elapsedMs: number }> => {
  const base = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const samples: TSample[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const max = options.maxRequests ?? Number.POSITIVE_INFINITY;
  let sent = 0;
  const client = async (index: number) => {
    let next = index % options.requests.length;
    while (performance.now() < deadline && sent < max) {
      sent += 1;
      const item = options.requests[next] as TLoadRequest;
      next = (next + 1) % options.requests.length;
      samples.push(await once(agent, base, item, options.headers, options.timeoutMs ?? 30_000));
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, (_, i) => client(i)));
  } finally {
    agent.destroy();
  }
  return { samples, elapsedMs: performance.now() - started };
};
