import type { z } from "zod";
import { nextTask } from "@/lib/next-task";
import { BOOT_ELEMENT_ID, bootKey, type TBootData } from "@/shared/boot-key";
import type { TContract, TEndpointName, TParamsOf, TQueryOf, TResponseOf } from "@/shared/contract";
import { buildUrl } from "@/shared/http";
import { LARGEST_PAGE as LARGEST } from "@/shared/overview-limits";
import type { TProblem } from "@/shared/schemas/problem";

/** An answer that is not a success: carries the server's problem+json when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: TProblem | null;
  /** The parsed JSON body as sent, for problems that carry more than ZProblem (a 409's current record). */
  readonly body: unknown;
  /** From a `Retry-After` header (429), in whole seconds; null when absent or unreadable. */
  readonly retryAfterSeconds: number | null;
  constructor(
    status: number,
    problem: TProblem | null,
    message: string,
    extra: { body?: unknown; retryAfterSeconds?: number | null } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.body = extra.body ?? null;
    this.retryAfterSeconds = extra.retryAfterSeconds ?? null;
  }
}

/*
 * The contract (zod and every schema) is a third of the app's JavaScript, in its own chunk. It loads
 * with the first request that goes to the network, so a page served with its answers in the HTML (the
 * overview) never loads it: building every schema costs more main-thread time than the whole first screen.
 */
let contractLoad: Promise<
  [typeof import("@/shared/contract"), typeof import("@/shared/schemas/problem")]
> | null = null;
const loadContract = () => {
  contractLoad ??= Promise.all([import("@/shared/contract"), import("@/shared/schemas/problem")]);
  return contractLoad;
};
// Same chunk as the contract (which imports it); a static import would pull zod into the first bundle.
const loadAuth = () => import("@/shared/schemas/auth");

// Node's fetch (tests) needs an absolute URL; in the browser the page's origin is the API's origin.
const absolute = (path: string) =>
  typeof window !== "undefined" && window.location?.origin && window.location.origin !== "null"
    ? new URL(path, window.location.origin).toString()
    : new URL(path, "http://localhost").toString();

type TRequest<N extends TEndpointName> = {
  params?: TParamsOf<N>;
  query?: TQueryOf<N>;
  signal?: AbortSignal;
};

export type TBodyOf<N extends TEndpointName> = TContract[N] extends { body: z.ZodType }
  ? z.input<TContract[N]["body"]>
  : undefined;

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
const retryAfterOf = (res: Response): number | null => {
  const raw = res.headers.get("retry-after");
  if (!raw) return null;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
};

const readAnswer = async <N extends TEndpointName>(
  res: Response,
  name: N,
  label: string,
): Promise<TResponseOf<N>> => {
  const [{ contract }, { ZProblem }] = await loadContract();
  const endpoint = contract[name];
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const parsed = ZProblem.safeParse(json);
    throw new ApiError(res.status, parsed.success ? parsed.data : null, `${label} → ${res.status}`, {
      body: json,
      retryAfterSeconds: retryAfterOf(res),
    });
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(res.status, null, `${label}: response does not match the contract`);
  }
  return parsed.data as TResponseOf<N>;
};

/*
 * The first screen's answers the server put in the HTML (src/server/boot.ts): each serves the first request
 * that asks for it, then it is gone, so a refetch asks the server again. Read once, when first needed (the
 * app seeds its session from it in a task of its own: src/app/app.tsx), not as this module runs: at 100×
 * the record it is ~150 KB of JSON, which made the entry's evaluation one task several ms longer.
 */
const readBootData = (): TBootData | null => {
  if (typeof document === "undefined") return null;
  const element = document.getElementById(BOOT_ELEMENT_ID);
  if (!element?.textContent) return null;
  element.remove();
  try {
    return JSON.parse(element.textContent) as TBootData;
  } catch {
    return null;
  }
};
let boot: TBootData | null | undefined;
const bootAnswers = new Map<string, unknown>();
const bootData = () => {
  if (boot === undefined) setBootData(readBootData());
  return boot;
};

/** The session the HTML came with (null when none): the app seeds its session query with it. */
export const bootSession = () => bootData()?.session ?? null;

/** With answersOnly, a request the boot data cannot answer fails instead of going to the network. */
let answersOnly = false;

/**
 * Replaces the boot data: the server-side render of the first screen (one reader at a time, answersOnly:
 * it never sends a request of its own), and tests.
 */
export const setBootData = (data: TBootData | null, options: { answersOnly?: boolean } = {}) => {
  answersOnly = options.answersOnly ?? false;
  boot = data;
  bootAnswers.clear();
  for (const [key, value] of Object.entries(data?.answers ?? {})) bootAnswers.set(key, value);
};

const takeBootAnswer = <N extends TEndpointName>(name: N, req: TRequest<N>): unknown => {
  bootData();
  if (bootAnswers.size === 0) return undefined;
  const key = bootKey({
    name,
    params: req.params as Record<string, string> | undefined,
    query: req.query as Record<string, string | number | undefined> | undefined,
  });
  const answer = bootAnswers.get(key);
  if (answer !== undefined) bootAnswers.delete(key);
  return answer;
};

/**
 * GETs one contract endpoint and parses the answer with the contract's response schema, so a server
 * that drifts from the contract is caught here instead of rendering wrong figures.
 */
export const apiGet = async <N extends TEndpointName>(
  name: N,
  req: TRequest<N> = {},
): Promise<TResponseOf<N>> => {
  const booted = takeBootAnswer(name, req);
  /*
   * Taken as written: the server checked this answer against the contract on its way out, into this very
   * HTML, whose scripts come from the same build, so a drift cannot arise between the two. Every answer
   * the contract writes is its own parse (src/server/boot.test.ts checks it), and answers that come over
   * the network are still parsed below.
   */
  if (booted !== undefined) {
    // Each answer goes into the cache (and to the components that read it) in a task of its own: a page
    // asks for its answers all at once, and taken together they made one task ~20 ms long at 100× the record.
    await nextTask();
    return booted as TResponseOf<N>;
  }
  const [{ contract }] = await loadContract();
  const endpoint = contract[name];
  const url = buildUrl(
    endpoint,
    req.params as Record<string, string> | undefined,
    req.query as Record<string, string | number | undefined> | undefined,
  );
  if (answersOnly) throw new ApiError(0, null, `${endpoint.method} ${url}: not among the answers in hand`);
  const res = await fetch(absolute(url), { headers: { accept: "application/json" }, signal: req.signal });
  return readAnswer(res, name, `${endpoint.method} ${url}`);
};

/** The list endpoints: their answers are pages (`items`, `total`, `limit`, `offset`). */
type TListName = {
  [N in TEndpointName]: TResponseOf<N> extends { items: unknown[]; total: number } ? N : never;
}[TEndpointName];

/** The largest page the contract allows. */
export const LARGEST_PAGE = LARGEST;

/**
 * Every item of a list, read page by page until `total` is reached: a view that shows "all" never stops
 * silently at the first page, however large the record grows.
 */
export const apiGetAll = async <N extends TListName>(
  name: N,
  req: TRequest<N> = {},
): Promise<TResponseOf<N>> => {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const page = (offset: number) =>
    apiGet(name, { ...req, query: { ...query, limit: LARGEST_PAGE, offset } } as TRequest<N>) as Promise<{
      items: unknown[];
      total: number;
    }>;
  const first = await page(0);
  const items = [...first.items];
  while (items.length < first.total) {
    const next = await page(items.length);
    // The record shrank meanwhile (or a server bug): stop rather than loop.
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { ...first, items, limit: items.length, offset: 0 } as TResponseOf<N>;
};

/*
 * The session's CSRF token. The session cookie is HttpOnly, so the token the server hands out with the
 * session (sign-in, GET /auth/session) is the page's proof that a write comes from this app.
 */
let csrfToken: string | null = null;

/** Called by whoever learns the session (sign-in, the session query) and with null on sign-out. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const freshCsrfToken = async (): Promise<string | null> => {
  try {
    const session = await apiGet("getSession");
    csrfToken = session.csrfToken;
  } catch {
    // No session: the write goes without a token and the server answers 401, which is the truth.
  }
  return csrfToken;
};

type TSendRequest<N extends TEndpointName> = {
  params?: TParamsOf<N>;
  body?: TBodyOf<N>;
  signal?: AbortSignal;
};

/**
 * POSTs/PATCHes one contract endpoint with a JSON body and the session's CSRF header, and parses the
 * answer like apiGet. A 403 after another tab signed in again (a new token) is retried once with it.
 */
export const apiSend = async <N extends TEndpointName>(
  name: N,
  req: TSendRequest<N> = {},
): Promise<TResponseOf<N>> => {
  const [[{ contract }], { CSRF_HEADER }] = await Promise.all([loadContract(), loadAuth()]);
  const endpoint = contract[name];
  const url = buildUrl(endpoint, req.params as Record<string, string> | undefined);
  const needsToken = endpoint.access !== "public";
  const send = (token: string | null) => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (req.body !== undefined) headers["content-type"] = "application/json";
    if (token) headers[CSRF_HEADER] = token;
    return fetch(absolute(url), {
      method: endpoint.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      credentials: "same-origin",
      signal: req.signal,
    });
  };
  const token = needsToken ? (csrfToken ?? (await freshCsrfToken())) : null;
  let res = await send(token);
  if (res.status === 403 && needsToken) {
    const renewed = await freshCsrfToken();
    if (renewed && renewed !== token) res = await send(renewed);
  }
  return readAnswer(res, name, `${endpoint.method} ${url}`);
};
