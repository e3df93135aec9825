import type { TEndpointName, TParamsOf, TQueryOf, TResponseOf } from "@/shared/contract";
import { buildUrl } from "@/shared/http";
import type { TProblem } from "@/shared/schemas/problem";

/** An answer that is not a success: carries the server's problem+json when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: TProblem | null;
  constructor(status: number, problem: TProblem | null, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

/*
 * The contract (zod and every schema) is a third of the app's JavaScript. It starts loading as soon as
 * the app boots, in its own chunk, so the shell paints without waiting for it.
 */
const contractLoad = Promise.all([import("@/shared/contract"), import("@/shared/schemas/problem")]);

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

/**
 * GETs one contract endpoint and parses the answer with the contract's response schema, so a server
 * that drifts from the contract is caught here instead of rendering wrong figures.
 */
export const apiGet = async <N extends TEndpointName>(
  name: N,
  req: TRequest<N> = {},
): Promise<TResponseOf<N>> => {
  const [{ contract }, { ZProblem }] = await contractLoad;
  const endpoint = contract[name];
  const url = buildUrl(
    endpoint,
    req.params as Record<string, string> | undefined,
    req.query as Record<string, string | number | undefined> | undefined,
  );
  const res = await fetch(absolute(url), { headers: { accept: "application/json" }, signal: req.signal });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const parsed = ZProblem.safeParse(json);
    throw new ApiError(
      res.status,
      parsed.success ? parsed.data : null,
      `${endpoint.method} ${url} → ${res.status}`,
    );
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(res.status, null, `${endpoint.method} ${url}: response does not match the contract`);
  }
  return parsed.data as TResponseOf<N>;
};
