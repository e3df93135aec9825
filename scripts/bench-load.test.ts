import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byLabel, quantile, runLoad, summarise, type TSample } from "./bench-load";

describe("quantile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("names the value at or above the share asked for", () => {
    expect(quantile(hundred, 0.5)).toBe(50);
    expect(quantile(hundred, 0.99)).toBe(99);
    expect(quantile(hundred, 1)).toBe(100);
    expect(quantile([7], 0.99)).toBe(7);
  });

  it("has no value for no samples", () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("summarise", () => {
  it("counts answers other than 2xx and requests that failed outright", () => {
    const samples: TSample[] = [
      { label: "a", ms: 3, bytes: 10, status: 200 },
      { label: "a", ms: 1, bytes: 10, status: 204 },
      { label: "b", ms: 2, bytes: 0, status: 500 },
      { label: "b", ms: 9, bytes: 0, status: 0 },
    ];
    expect(summarise(samples, 2000)).toEqual({ count: 4, p50: 2, p99: 9, max: 9, failed: 2, perSecond: 2 });
    expect([...byLabel(samples).keys()]).toEqual(["a", "b"]);
  });
});

describe("runLoad", () => {
  let server: Server;
  let baseUrl: string;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.url} ${req.headers.cookie}`);
      if (req.url === "/missing") {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(req.url === "/big" ? 5000 : 10));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("sends the requests in turn from every client, up to the number asked for, and keeps each answer", async () => {
    seen.length = 0;
    const { samples } = await runLoad({
      baseUrl,
      requests: [
        { label: "small", path: "/small" },
        { label: "big", path: "/big" },
        { label: "missing", path: "/missing" },
      ],
      headers: { cookie: "s=1" },
      connections: 3,
      durationMs: 60_000,
      maxRequests: 30,
    });
    expect(samples).toHaveLength(30);
    expect(seen).toHaveLength(30);
    expect(seen.every((line) => line.endsWith(" s=1"))).toBe(true);
    const groups = byLabel(samples);
    // Each client starts at its own request and goes through all of them in turn.
    expect([...groups.keys()].sort()).toEqual(["big", "missing", "small"]);
    for (const group of groups.values()) expect(group.length).toBeGreaterThanOrEqual(5);
    expect(groups.get("big")?.every((s) => s.bytes === 5000 && s.status === 200)).toBe(true);
    expect(groups.get("small")?.every((s) => s.bytes === 10)).toBe(true);
    expect(summarise(samples, 1).failed).toBe(groups.get("missing")?.length);
  });

  it("counts a request the server never answers as failed, not as an answer", async () => {
    const { samples } = await runLoad({
      baseUrl: "http://127.0.0.1:1",
      requests: [{ label: "nowhere", path: "/" }],
      headers: {},
      connections: 1,
      durationMs: 60_000,
      maxRequests: 2,
    });
    expect(samples.map((s) => s.status)).toEqual([0, 0]);
  });
});
