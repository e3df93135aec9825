import { type HttpHandler, HttpResponse, http } from "msw";
import { z } from "zod";
import { currentMockSession, type TMockSignedIn } from "@/mocks/auth-state";
import { createMockStore, type TMockStore } from "@/mocks/store";
import { accessProblem, isCrossSite } from "@/shared/access";
import {
  contract,
  type TContract,
  type TEndpoint,
  type TEndpointName,
  type TParsedBodyOf,
  type TParsedParamsOf,
  type TParsedQueryOf,
  type TResponseOf,
} from "@/shared/contract";
import {
  compilePath,
  MAX_BODY_BYTES,
  methodNotAllowed,
  methodsByPath,
  PROBLEM_CONTENT_TYPE,
  problem,
  routeNotFound,
  validateRequest,
} from "@/shared/http";
import { CSRF_HEADER } from "@/shared/schemas/auth";
import type { TDataset } from "@/shared/schemas/dataset";
import type { TProblem } from "@/shared/schemas/problem";

/*
 * Turns "endpoint name → implementation over a dataset" into MSW handlers that behave like the real
 * server around the implementation: same routing, same validation, same problem+json, and a response
 * that must pass the contract's schema.
 */

/** An error answer from an implementation (a 404 for an unknown id, say). */
export class MockProblem {
  readonly problem: TProblem;
  readonly headers: Record<string, string>;
  constructor(problem: TProblem, headers: Record<string, string> = {}) {
    this.problem = problem;
    this.headers = headers;
  }
}

export const fail = (problem: TProblem, headers?: Record<string, string>) =>
  new MockProblem(problem, headers);

export type TMockContext<N extends TEndpointName> = {
  params: TParsedParamsOf<N>;
  query: TParsedQueryOf<N>;
  body: TParsedBodyOf<N>;
  /** The dataset as it is now: read it, never change it (the handlers deep-clone what they return). */
  data: Readonly<TDataset>;
  /** The mocks' record; writes go through runMockEdit (src/mocks/store.ts). */
  store: TMockStore;
  request: Request;
  /** The mock client's session; only looked up (and always there) for endpoints behind sign-in. */
  signedIn: TContract[N]["access"] extends "public" ? null : TMockSignedIn;
  now: number;
};

export type TMockImpl<N extends TEndpointName> = (
  ctx: TMockContext<N>,
) => TResponseOf<N> | MockProblem | Promise<TResponseOf<N> | MockProblem>;
export type TMockImpls = { [N in TEndpointName]?: TMockImpl<N> };
export type TAllMockImpls = { [N in TEndpointName]: TMockImpl<N> };

export const problemResponse = (problem: TProblem, headers: Record<string, string> = {}) =>
  HttpResponse.json(problem, {
    status: problem.status,
    headers: { ...headers, "content-type": PROBLEM_CONTENT_TYPE },
  });

/** A HEAD answer is the GET answer without its body (RFC 9110 §9.3.2). */
const forMethod = (request: Request, response: Response) =>
  request.method === "HEAD"
    ? new HttpResponse(null, { status: response.status, headers: response.headers })
    : response;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/*
 * MSW matches string paths with path-to-regexp, which throws on a malformed escape (`%ZZ`) instead of
 * letting the id schema answer 400; a RegExp without capture groups is matched without decoding. It
 * matches any origin, so absolute URLs in Node (http://mock.test) work as well as the page's origin.
 */
const urlPattern = (path: string) =>
  new RegExp(`^[^:/?#]+://[^/?#]+${escapeRegExp(path).replace(/:([A-Za-z]+)/g, "[^/]+")}/?$`);

export class MockContractError extends Error {
  override name = "MockContractError";
}

type THttpVerb = "get" | "head" | "post" | "put" | "patch" | "delete";

/** The handler of one endpoint; `verb` "head" answers HEAD as GET, as the server does. */
export const mockEndpoint = <N extends TEndpointName>(
  name: N,
  impl: TMockImpl<N>,
  store: TMockStore,
  verb: THttpVerb = contract[name].method.toLowerCase() as THttpVerb,
): HttpHandler => {
  const endpoint: TEndpoint = contract[name];
  const match = compilePath(endpoint.path);
  const answer = async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    const raw = match(url.pathname);
    if (!raw) return undefined;
    // The same checks in the same order as the server's dispatcher (src/server/app.ts).
    const now = Date.now();
    const signedIn = endpoint.access === "public" ? null : currentMockSession(now);
    const csrf = request.headers.get(CSRF_HEADER);
    // A plain comparison: the mocks guard nothing (the server compares in constant time).
    const refusal = accessProblem(endpoint, {
      role: signedIn?.user.role ?? null,
      csrfValid: signedIn !== null && csrf !== null && csrf === signedIn.session.csrfToken,
      crossSite: isCrossSite(request.headers, url.host),
    });
    if (refusal) return problemResponse(refusal);
    const body = await readJsonBody(endpoint, request);
    if (body instanceof MockProblem) return problemResponse(body.problem);
    const validation = validateRequest(endpoint, { params: raw, search: url.search, body: body.value });
    if (!validation.ok) return problemResponse(validation.problem);
    const result = await impl({
      params: validation.value.params as TParsedParamsOf<N>,
      query: validation.value.query as TParsedQueryOf<N>,
      body: validation.value.body as TParsedBodyOf<N>,
      data: store.data,
      store,
      request,
      signedIn: signedIn as TMockContext<N>["signedIn"],
      now,
    });
    if (result instanceof MockProblem) return problemResponse(result.problem, result.headers);
    // The clone keeps callers from reaching into the dataset; the parse keeps the mock honest.
    const parsed = endpoint.response.safeParse(structuredClone(result));
    if (!parsed.success) {
      const message = `mock ${name} (${endpoint.method} ${url.pathname}) breaks the contract:\n${z.prettifyError(parsed.error)}`;
      console.error(message);
      throw new MockContractError(message);
    }
    return HttpResponse.json(parsed.data as never);
  };
  return http[verb](urlPattern(endpoint.path), async ({ request }) => {
    const response = await answer(request);
    return response && forMethod(request, response);
  });
};

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const tooLarge = (limit: number) => fail(problem(413, `The request body is larger than ${limit} bytes.`));

/** The body as the server reads it: 413 over the limit, 415 unless JSON, 400 for malformed JSON. */
const readJsonBody = async (
  endpoint: TEndpoint,
  request: Request,
): Promise<{ value: unknown } | MockProblem> => {
  const limit = endpoint.maxBodyBytes ?? MAX_BODY_BYTES;
  if (Number(request.headers.get("content-length") ?? 0) > limit) return tooLarge(limit);
  if (!endpoint.body) return { value: undefined };
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    return fail(problem(415, "The request body must be application/json."));
  }
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  if (bytes.byteLength > limit) return tooLarge(limit);
  try {
    return { value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return fail(problem(400, "The request body is not valid JSON."));
  }
};

const knownPaths = [...methodsByPath(contract).entries()].map(([path, entry]) => ({
  match: compilePath(path),
  methods: entry.methods,
}));

/** Everything under /api/ that no endpoint handler answered: 405 on a known path, 404 elsewhere. */
export const apiFallback: HttpHandler = http.all(/^[^:/?#]+:\/\/[^/?#]+\/api(?:\/|$)/, ({ request }) => {
  const url = new URL(request.url);
  const allowed = [
    ...new Set(knownPaths.filter((known) => known.match(url.pathname)).flatMap((known) => known.methods)),
  ];
  if (allowed.length === 0) return forMethod(request, problemResponse(routeNotFound(url.pathname)));
  if (allowed.includes(request.method === "HEAD" ? "GET" : request.method)) {
    throw new MockContractError(`no mock answered ${request.method} ${url.pathname}, a contract endpoint`);
  }
  return forMethod(request, problemResponse(methodNotAllowed(allowed), { allow: allowed.join(", ") }));
});

/** One handler per endpoint (and a HEAD twin for each GET), in contract order, then the /api fallback. */
export const handlersFor = (impls: TAllMockImpls, record: Readonly<TDataset> | TMockStore): HttpHandler[] => {
  const store = "queue" in record ? record : createMockStore(record as Readonly<TDataset>);
  return [
    ...(Object.keys(contract) as TEndpointName[]).flatMap((name) => {
      const impl = impls[name] as TMockImpl<typeof name>;
      const handler = mockEndpoint(name, impl, store);
      return contract[name].method === "GET" ? [handler, mockEndpoint(name, impl, store, "head")] : [handler];
    }),
    apiFallback,
  ];
};
