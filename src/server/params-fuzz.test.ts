import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createApp } from "@/server/app";
import { as, ensureTestUser, signIn } from "@/server/test/auth";
import { dataDigest, openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";
import type { TRequester } from "@/server/test/request";
import { contract, type TEndpoint } from "@/shared/contract";

/*
 * Every path and query parameter of every endpoint, fed values a client can send but no form would:
 * control characters, NUL, lone surrogates, invalid UTF-8 and broken percent-escapes, numbers JavaScript
 * reads strangely. Each answer must be a 4xx problem (or a 200 where the value happens to be valid),
 * never a 5xx, and nothing may change.
 */

/** Raw (already percent-encoded) values: written by hand so that invalid escapes reach the server as sent. */
const HOSTILE = [
  "%00",
  "a%00b",
  "%01",
  "%1F",
  "%7F",
  "%C2%85",
  "%ED%A0%80", // a lone high surrogate encoded as UTF-8 (invalid UTF-8)
  "%ED%BF%BF", // a lone low surrogate
  "%FF",
  "%FE%FF",
  "%C0%AF", // overlong "/"
  "%E0%A4", // truncated sequence
  "%F4%90%80%80", // beyond U+10FFFF
  "%",
  "%%",
  "%ZZ",
  "%2",
  "%u0041",
  "%E2%80%AE", // right-to-left override
  "%F0%9D%9F%98", // an astral digit
  "x".repeat(5000),
  "%20",
  "+",
  "-0",
  "0x10",
  "1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "[]",
  "{}",
  "null",
  "2025-02-29",
  "0000-01-01",
  "9999-12-31",
  "../../etc/passwd",
  "%2e%2e%2f",
];

const keysOf = (schema: z.ZodObject | undefined) => (schema ? Object.keys(schema.shape) : []);

const ENDPOINTS = Object.entries(contract) as [string, TEndpoint][];

describe.each(testEngines)("every parameter of every endpoint, hostile values (%s)", (engine) => {
  let t: TTestDb;
  let server: ReturnType<typeof createApp>;
  const logged: string[] = [];
  beforeAll(async () => {
    t = await openTestDb({ engine });
    const now = new Date("2025-09-30T03:00:00Z");
    server = createApp({ db: t.db, log: (line) => logged.push(line), clock: () => now });
    await ensureTestUser(t.db, "admin");
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(ENDPOINTS)("%s: never a 5xx, never a change", async (name, endpoint) => {
    // A session of its own: signing out (one of the endpoints) must not leave the others signed out.
    const admin: TRequester = as(server, await signIn(server, "test-admin"));
    const before = await dataDigest(t.db);
    const paramNames = endpoint.path.match(/:[A-Za-z]+/g) ?? [];
    const queryNames = keysOf(endpoint.query);
    const body = endpoint.body ? JSON.stringify({}) : undefined;
    const send = async (path: string) => {
      const init: RequestInit = { method: endpoint.method };
      if (body !== undefined) {
        init.body = body;
        init.headers = { "content-type": "application/json" };
      }
      const response = await admin.request(path, init);
      const text = await response.text();
      expect(response.status, `${endpoint.method} ${path.slice(0, 200)}: ${text.slice(0, 300)}`).toBeLessThan(
        500,
      );
      if (response.status >= 400)
        expect(response.headers.get("content-type")).toBe("application/problem+json");
    };
    const validPath = endpoint.path.replace(/:[A-Za-z]+/g, "x-1");
    for (const value of HOSTILE) {
      for (const param of paramNames) {
        await send(endpoint.path.replace(param, value).replace(/:[A-Za-z]+/g, "x-1"));
      }
      for (const key of [...queryNames, "unknown"]) {
        await send(`${validPath}?${key}=${value}`);
        // The name itself hostile, and the same key twice.
        await send(`${validPath}?${value}=1`);
        await send(`${validPath}?${key}=1&${key}=${value}`);
      }
    }
    expect(logged.filter((line) => / 5\d\d /.test(line))).toEqual([]);
    // A write without a valid body never stores anything (a GET never does); signing out only ends sessions.
    if (name !== "logout") expect(await dataDigest(t.db), name).toBe(before);
  });
});
