import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { clearedSessionCookie, cookieIsSecure, readSessionToken, sessionCookie } from "@/server/auth/cookies";
import { findSession, type TSessionInfo } from "@/server/auth/sessions";
import { safeEqual } from "@/server/auth/tokens";
import { bootData, type TApiGet, withBootData } from "@/server/boot";
import { isDatabaseUnavailable } from "@/server/db/postgres";
import { readRecord, type THeldRecord } from "@/server/db/record-store";
import type { TDb } from "@/server/db/types";
import { langOf, type TFirstScreenRenderer, withFirstScreen } from "@/server/first-screen-html";
import { appendVary, compress, isCompressible, MIN_COMPRESS_BYTES, pickEncoding } from "@/server/http-util";
import { auditRoutes } from "@/server/routes/audit";
import { authRoutes } from "@/server/routes/auth";
import { HttpProblem, type TAllHandlers, type THandler } from "@/server/routes/define";
import { editRoutes } from "@/server/routes/edits";
import { importRoutes } from "@/server/routes/imports";
import { metaRoutes } from "@/server/routes/meta";
import { readRoutes } from "@/server/routes/reads";
import { settingRoutes } from "@/server/routes/settings";
import { snapshotRoutes } from "@/server/routes/snapshots";
import { userRoutes } from "@/server/routes/users";
import { encodedAnswer, preparedAnswer } from "@/server/shared-answers";
import { staticFiles } from "@/server/static-files";
import { accessProblem, isCrossSite, SESSION_IDLE_MS } from "@/shared/access";
import { contract, type TEndpoint, type TEndpointName } from "@/shared/contract";
import {
  compilePath,
  MAX_BODY_BYTES,
  methodNotAllowed,
  PROBLEM_CONTENT_TYPE,
  problem,
  routeNotFound,
  validateRequest,
} from "@/shared/http";
import { CSRF_HEADER } from "@/shared/schemas/auth";
import type { TProblem } from "@/shared/schemas/problem";
import { APP_VERSION } from "@/shared/version";

/*
 * The HTTP server: the API routed from the contract (validation, handlers, response check and
 * problem+json errors exactly as docs/api-semantics.md says), and the built SPA outside /api.
 */

/** Every endpoint of the contract has exactly one handler: the type check fails otherwise. */
export const handlers: TAllHandlers = {
  ...metaRoutes,
  ...readRoutes,
  ...authRoutes,
  ...userRoutes,
  ...editRoutes,
  ...auditRoutes,
  ...settingRoutes,
  ...importRoutes,
  ...snapshotRoutes,
};

export type TLog = (message: string) => void;

const utf8 = new TextEncoder();

export type TAuthOptions = {
  /** The time of a request (default: the system clock); tests move it instead of sleeping. */
  clock?: () => Date;
  /** Secure cookies: true/false forces it (COOKIE_SECURE); unset, Secure unless the host is loopback. */
  cookieSecure?: boolean;
  /** Take the client's address from the last X-Forwarded-For entry (behind one trusted proxy). */
  trustProxy?: boolean;
  /** The client's address for sign-in throttling (default: the socket's, or as `trustProxy` says). */
  clientAddress?: (c: Context) => string;
};

export type TAppOptions = TAuthOptions & {
  db: TDb;
  /** The built SPA (default dist/client); requests outside /api are served from it. */
  staticDir?: string;
  /** Reported by /api/health (default: the package version). */
  version?: string;
  /** Where server faults are reported (default: stderr). */
  log?: TLog;
  /** Draws a signed-in reader's "/" on the server (src/server/first-screen-html.ts); unset, the browser does. */
  firstScreen?: TFirstScreenRenderer | null;
};

const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  // A Vite build loads only its own module scripts; charts set inline style attributes.
  "content-security-policy": [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; "),
};

export const problemResponse = (p: TProblem, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(p), {
    status: p.status,
    headers: { ...headers, "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store" },
  });

const INTERNAL = () => problem(500, "The server could not answer this request.");

/** The database is down or restarting: nothing was changed, and the same request may be sent again. */
const UNAVAILABLE = () =>
  problem(503, "The database is unavailable for a moment; nothing was changed. Try again shortly.");
const RETRY_AFTER = { "retry-after": "2" };

/** The answer for an unexpected fault: 503 when the database went away, else a logged 500. */
const faultResponse = (error: unknown, log: TLog, what: string) => {
  if (isDatabaseUnavailable(error)) {
    log(`${what}: database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return problemResponse(UNAVAILABLE(), RETRY_AFTER);
  }
  log(`${what} failed: ${errorText(error)}`);
  return problemResponse(INTERNAL());
};

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Reads at most `limit` bytes of the body; null when it is longer. */
const readBody = async (request: Request, limit: number): Promise<Uint8Array | null> => {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
};

export type TApiRoute = { name: string; endpoint: TEndpoint; handler: THandler<never> };

/**
 * What the requests made for one page's HTML (src/server/boot.ts) share: one lookup of the reader's
 * session and one reading of the record, so the answers the page carries are of one revision and cost
 * two queries, not two each. Passed as the internal requests' environment, which a request from the
 * network cannot set.
 */
type TPageReading = { session?: Promise<TSessionInfo | null>; record?: Promise<THeldRecord> };
const PAGE_READING = Symbol("one page's reading");
type TPageEnv = { [PAGE_READING]?: TPageReading };

/** The page's shared `key`, made by the first of its requests that needs it; made afresh without a page. */
const sharedBy = <K extends keyof TPageReading>(
  reading: TPageReading | undefined,
  key: K,
  make: () => NonNullable<TPageReading[K]>,
): NonNullable<TPageReading[K]> => {
  if (!reading) return make();
  reading[key] ??= make();
  return reading[key] as NonNullable<TPageReading[K]>;
};

/**
 * The /api dispatcher over a list of routes (the contract's, or test endpoints): 404 for an unknown path,
 * 405 with Allow for another method, 413/415/400 for bodies, 400 for invalid input, the handler's answer
 * checked against the endpoint's response schema, and a 500 problem (logged, no stack) for any fault.
 */
export const apiDispatcher = (
  routes: TApiRoute[],
  ctx: { db: TDb; version: string; log: TLog; auth?: TAuthOptions },
) => {
  const compiled = routes.map((route) => ({ ...route, match: compilePath(route.endpoint.path) }));
  const auth = ctx.auth ?? {};
  const clock = auth.clock ?? (() => new Date());
  const addressOf = auth.clientAddress ?? ((c: Context) => clientAddress(c, auth.trustProxy ?? false));
  return async (c: Context): Promise<Response> => {
    const url = new URL(c.req.url);
    const pathname = url.pathname;
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    const matches = compiled.flatMap((route) => {
      const params = route.match(pathname);
      return params ? [{ route, params }] : [];
    });
    if (matches.length === 0) return problemResponse(routeNotFound(pathname));
    const hit = matches.find((m) => m.route.endpoint.method === method);
    if (!hit) {
      const allowed = [...new Set(matches.map((m) => m.route.endpoint.method))];
      return problemResponse(methodNotAllowed(allowed), { allow: allowed.join(", ") });
    }
    const { route, params } = hit;
    const now = clock();
    const secure = cookieIsSecure(c.req.url, auth.cookieSecure);
    const sessionToken = readSessionToken(c.req.header("cookie"));
    const reading = (c.env as TPageEnv | undefined)?.[PAGE_READING];
    let session: TSessionInfo | null = null;
    if (route.endpoint.access !== "public" && sessionToken) {
      try {
        session = await sharedBy(reading, "session", () => findSession(ctx.db, sessionToken, now));
      } catch (error) {
        return faultResponse(error, ctx.log, `session lookup (${c.req.method} ${pathname})`);
      }
    }
    const csrf = c.req.header(CSRF_HEADER);
    const refusal = accessProblem(route.endpoint, {
      role: session?.role ?? null,
      csrfValid: session !== null && csrf !== undefined && safeEqual(csrf, session.csrfToken),
      crossSite: isCrossSite(c.req.raw.headers, requestHost(c, auth.trustProxy ?? false)),
    });
    if (refusal) {
      // A cookie that no longer names a session is cleared, so the browser stops sending it.
      const clear: Record<string, string> =
        refusal.status === 401 && sessionToken ? { "set-cookie": clearedSessionCookie(secure) } : {};
      return problemResponse(refusal, clear);
    }
    const declared = Number(c.req.header("content-length") ?? 0);
    const limit = route.endpoint.maxBodyBytes ?? MAX_BODY_BYTES;
    if (declared > limit) {
      return problemResponse(problem(413, `The request body is larger than ${limit} bytes.`));
    }
    let body: unknown;
    if (route.endpoint.body) {
      if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) {
        return problemResponse(problem(415, "The request body must be application/json."));
      }
      const bytes = await readBody(c.req.raw, limit);
      if (bytes === null) {
        return problemResponse(problem(413, `The request body is larger than ${limit} bytes.`));
      }
      try {
        body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      } catch {
        return problemResponse(problem(400, "The request body is not valid JSON."));
      }
    }
    const validation = validateRequest(route.endpoint, { params, search: url.search, body });
    if (!validation.ok) return problemResponse(validation.problem);
    const replyHeaders = new Headers();
    let result: unknown;
    try {
      result = await route.handler({
        db: ctx.db,
        version: ctx.version,
        ...(validation.value as { params: never; query: never; body: never }),
        session: session as never,
        now,
        record: () => sharedBy(reading, "record", () => readRecord(ctx.db)),
        client: { address: addressOf(c), sessionToken },
        cookies: {
          set: (token, maxAgeSeconds) =>
            replyHeaders.append("set-cookie", sessionCookie(token, maxAgeSeconds, secure)),
          clear: () => replyHeaders.append("set-cookie", clearedSessionCookie(secure)),
        },
      });
    } catch (error) {
      if (error instanceof HttpProblem) return problemResponse(error.problem, error.headers);
      return faultResponse(error, ctx.log, `${route.name} (${c.req.method} ${pathname})`);
    }
    // An answer shared between requests (a cached read) is checked and serialised by its first request only.
    const prepared = preparedAnswer(result);
    let json = prepared?.json ?? null;
    if (json === null) {
      const parsed = route.endpoint.response.safeParse(result);
      if (!parsed.success) {
        ctx.log(
          `${route.name} (${c.req.method} ${pathname}) breaks the contract:\n${z.prettifyError(parsed.error)}`,
        );
        return problemResponse(INTERNAL());
      }
      json = utf8.encode(JSON.stringify(parsed.data));
      if (prepared) prepared.json = json;
    }
    replyHeaders.set("content-type", "application/json");
    replyHeaders.set("cache-control", "no-store");
    // The cookie lives as long as an idle session: each time the session is touched, it is renewed.
    if (session && sessionToken && session.lastSeenAt === now.getTime() && !replyHeaders.has("set-cookie")) {
      const left = Math.min(SESSION_IDLE_MS, session.expiresAt - now.getTime());
      replyHeaders.append("set-cookie", sessionCookie(sessionToken, left / 1000, secure));
    }
    // A shared answer is compressed once too (the /api middleware below compresses every other answer).
    const encoding = prepared ? pickEncoding(c.req.header("accept-encoding")) : null;
    if (prepared && encoding && json.byteLength >= MIN_COMPRESS_BYTES) {
      const encoded = await encodedAnswer(prepared, json, encoding);
      replyHeaders.set("content-encoding", encoding);
      replyHeaders.set("content-length", String(encoded.byteLength));
      replyHeaders.set("vary", appendVary(replyHeaders.get("vary"), "Accept-Encoding"));
      return new Response(encoded, { status: 200, headers: replyHeaders });
    }
    return new Response(json, { status: 200, headers: replyHeaders });
  };
};

const errorText = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/** The host the browser addressed (for the Origin check); behind a trusted proxy, X-Forwarded-Host. */
const requestHost = (c: Context, trustProxy: boolean) => {
  const forwarded = trustProxy ? c.req.header("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || new URL(c.req.url).host;
};

const clientAddress = (c: Context, trustProxy: boolean): string => {
  if (trustProxy) {
    // The last entry is the one the trusted proxy added; earlier ones are the client's to forge.
    const last = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (last) return last.slice(0, 256);
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // In-process requests (app.request in tests) have no socket.
    return "unknown";
  }
};

const contractRoutes = (): TApiRoute[] =>
  (Object.keys(contract) as TEndpointName[]).map((name) => ({
    name,
    endpoint: contract[name],
    handler: handlers[name] as THandler<never>,
  }));

export const createApp = (options: TAppOptions) => {
  const log = options.log ?? ((message: string) => console.error(message));
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    // Served over HTTPS (directly, or behind a trusted proxy that says so): browsers keep to HTTPS.
    const proto = options.trustProxy ? c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
    if ((proto ?? new URL(c.req.url).protocol.replace(":", "")) === "https") {
      c.res.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
    }
  });

  // API answers are compressed here; static files arrive already compressed from their cache.
  app.use("/api/*", async (c, next) => {
    await next();
    const res = c.res;
    const encoding = pickEncoding(c.req.header("accept-encoding"));
    if (!encoding || !res.body || res.headers.has("content-encoding")) return;
    if (!isCompressible(res.headers.get("content-type"))) return;
    const data = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.set("vary", appendVary(headers.get("vary"), "Accept-Encoding"));
    if (data.byteLength < MIN_COMPRESS_BYTES) {
      c.res = new Response(data, { status: res.status, headers });
      return;
    }
    const encoded = await compress(data, encoding);
    headers.set("content-encoding", encoding);
    headers.set("content-length", String(encoded.byteLength));
    c.res = new Response(new Uint8Array(encoded), { status: res.status, headers });
  });

  const api = apiDispatcher(contractRoutes(), {
    db: options.db,
    version: options.version ?? APP_VERSION,
    log,
    auth: options,
  });
  app.all("/api", api);
  app.all("/api/*", api);

  // The reader's own answers, asked through the API above with the reader's cookie (src/server/boot.ts),
  // all of one page sharing one reading of the session and the record.
  const apiGetFor =
    (reading: TPageReading): TApiGet =>
    (path, cookie) =>
      Promise.resolve(
        app.request(path, { headers: { cookie, accept: "application/json" } }, {
          [PAGE_READING]: reading,
        } satisfies TPageEnv),
      );
  const clock = options.clock ?? (() => new Date());
  app.use(
    "*",
    staticFiles({
      root: options.staticDir ?? "dist/client",
      encodingFor: (acceptEncoding) => pickEncoding(acceptEncoding),
      renderIndex: async (c, html) => {
        const url = new URL(c.req.url);
        const cookie = c.req.header("cookie");
        const data = await bootData(url, cookie, apiGetFor({}), clock());
        if (!data) return null;
        const withData = withBootData(html, data);
        const drawn =
          options.firstScreen && url.pathname === "/"
            ? await options.firstScreen({ url: url.href, boot: data, lang: langOf(cookie) })
            : null;
        return drawn ? withFirstScreen(withData, drawn) : withData;
      },
    }),
  );

  app.notFound(
    () =>
      new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }),
  );

  app.onError((error, c) => {
    log(`${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
    return c.req.path === "/api" || c.req.path.startsWith("/api/")
      ? problemResponse(INTERNAL())
      : new Response("Internal server error\n", {
          status: 500,
          headers: { "content-type": "text/plain; charset=utf-8" },
        });
  });

  return app;
};
