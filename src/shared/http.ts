import type { z } from "zod";
import type { TContract, TEndpoint, TEndpointName } from "./contract";
import type { TFieldError, TProblem } from "./schemas/problem";

/*
 * Request validation and error bodies shared by the real server and the MSW handlers, so that both
 * answer a bad request with the same status and the same problem+json, byte for byte.
 */

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
export const MAX_BODY_BYTES = 64 * 1024;
const MAX_QUERY_LENGTH = 2048;

const TITLES: Record<number, string> = {
  400: "Invalid request",
  401: "Not signed in",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

export const problem = (status: number, detail: string, errors?: TFieldError[]): TProblem => ({
  type: `https://httpstatuses.io/${status}`,
  title: TITLES[status] ?? "Error",
  status,
  detail,
  ...(errors && errors.length > 0 ? { errors } : {}),
});

const fieldErrors = (where: TFieldError["in"], error: z.ZodError): TFieldError[] =>
  error.issues.map((issue) => {
    // Unknown keys are reported once per key, naming the key itself as the field.
    if (issue.code === "unrecognized_keys") {
      return {
        in: where,
        field: [...issue.path, ...issue.keys].join("."),
        code: "unknown_field",
        message: `unknown field: ${issue.keys.join(", ")}`,
      };
    }
    // A rule of our own (a refinement) names its code in its params: the client words it by that code.
    const own = issue.code === "custom" ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    return {
      in: where,
      field: issue.path.length > 0 ? issue.path.join(".") : "(root)",
      code: typeof own === "string" ? own : issue.code,
      message: issue.message,
    };
  });

/** Compiles `/api/v1/incidents/:incidentId` to a matcher returning the raw path parameters. */
export const compilePath = (path: string) => {
  const names: string[] = [];
  const pattern = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const re = new RegExp(`^${pattern}/?$`);
  return (pathname: string): Record<string, string> | null => {
    const m = re.exec(pathname);
    if (!m) return null;
    const out: Record<string, string> = {};
    names.forEach((name, i) => {
      const raw = m[i + 1] ?? "";
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        // A malformed escape is left as it is: the id schema then rejects it with a 400.
      }
      out[name] = value;
    });
    return out;
  };
};

export type TValidated = { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown };
export type TValidation = { ok: true; value: TValidated } | { ok: false; problem: TProblem };

/** Parses a query string into single values; a repeated key is an error, not a silent pick. */
const queryObject = (search: URLSearchParams): { value: Record<string, string>; errors: TFieldError[] } => {
  const value: Record<string, string> = {};
  const errors: TFieldError[] = [];
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    if (all.length > 1) {
      errors.push({ in: "query", field: key, code: "repeated", message: "must appear at most once" });
    }
    value[key] = all[0] ?? "";
  }
  return { value, errors };
};

/** Half a UTF-16 pair without its other half: not text, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** NUL and half a UTF-16 pair: no database stores them as text, so no value may carry them. */
export const isUnstorableText = (value: string) => value.includes("\u0000") || LONE_SURROGATE.test(value);

const unstorable = (where: "path" | "query", values: Record<string, string>): TFieldError[] =>
  Object.entries(values).flatMap(([field, value]) =>
    isUnstorableText(value) || isUnstorableText(field)
      ? [{ in: where, field, code: "invalid_text", message: "contains characters that cannot be stored" }]
      : [],
  );

export const validateRequest = (
  endpoint: TEndpoint,
  raw: { params: Record<string, string>; search: string; body?: unknown },
): TValidation => {
  if (raw.search.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      problem: problem(400, `The query string is longer than ${MAX_QUERY_LENGTH} characters.`),
    };
  }
  const errors: TFieldError[] = [...unstorable("path", raw.params)];
  let params: Record<string, unknown> = {};
  let query: Record<string, unknown> = {};
  if (endpoint.params) {
    const r = endpoint.params.safeParse(raw.params);
    if (r.success) params = r.data as Record<string, unknown>;
    else errors.push(...fieldErrors("path", r.error));
  }
  let search: URLSearchParams;
  try {
    search = new URLSearchParams(raw.search);
  } catch {
    search = new URLSearchParams();
  }
  const q = queryObject(search);
  errors.push(...q.errors, ...unstorable("query", q.value));
  if (endpoint.query) {
    const r = endpoint.query.safeParse(q.value);
    if (r.success) query = r.data as Record<string, unknown>;
    else errors.push(...fieldErrors("query", r.error));
  } else {
    for (const key of Object.keys(q.value)) {
      errors.push({ in: "query", field: key, code: "unknown_field", message: `unknown field: ${key}` });
    }
  }
  let body: unknown;
  if (endpoint.body) {
    const r = endpoint.body.safeParse(raw.body);
    if (r.success) body = r.data;
    else errors.push(...fieldErrors("body", r.error));
  }
  if (errors.length > 0) {
    // A malformed id is a 400 naming the field; a well-formed id that matches nothing is the handler's 404.
    return { ok: false, problem: problem(400, "The request has invalid fields; see errors.", errors) };
  }
  return { ok: true, value: { params, query, body } };
};

export const notFound = (what: string, id: string) => problem(404, `No ${what} with id "${id}".`);

export const methodNotAllowed = (allowed: string[]) =>
  problem(405, `This path accepts ${allowed.join(", ")} only.`);

export const routeNotFound = (pathname: string) => problem(404, `No API endpoint at ${pathname}.`);

/** Builds a request URL from an endpoint's path, its path parameters and a query object. */
export const buildUrl = (
  endpoint: Pick<TEndpoint, "path">,
  params?: Record<string, string | number>,
  query?: Record<string, string | number | boolean | undefined | null>,
) => {
  const path = endpoint.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
};

/** All endpoints that share a path, for 405 answers with an Allow header. */
export const methodsByPath = (contract: TContract) => {
  const map = new Map<string, { names: TEndpointName[]; methods: string[] }>();
  for (const [name, endpoint] of Object.entries(contract) as [TEndpointName, TEndpoint][]) {
    const entry = map.get(endpoint.path) ?? { names: [], methods: [] };
    entry.names.push(name);
    entry.methods.push(endpoint.method);
    map.set(endpoint.path, entry);
  }
  return map;
};
