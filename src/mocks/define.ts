import { type HttpHandler, HttpResponse, http } from "msw";
import { z } from "zod";
import {
  contract,
  type TEndpoint,
  type TEndpointName,
  type TParsedParamsOf,
  type TParsedQueryOf,
  type TResponseOf,
} from "@/shared/contract";
import {
  compilePath,
  methodNotAllowed,
  methodsByPath,
  PROBLEM_CONTENT_TYPE,
  routeNotFound,
  validateRequest,
} from "@/shared/http";
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
  constructor(problem: TProblem) {
    this.problem = problem;
  }
}

export const fail = (problem: TProblem) => new MockProblem(problem);

export type TMockContext<N extends TEndpointName> = {
  params: TParsedParamsOf<N>;
  query: TParsedQueryOf<N>;
  /** The dataset: read it, never change it (the handlers deep-clone what they return). */
  data: Readonly<TDataset>;
  request: Request;
};

export type TMockImpl<N extends TEndpointName> = (ctx: TMockContext<N>) => TResponseOf<N> | MockProblem;
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
  data: Readonly<TDataset>,
  verb: THttpVerb = contract[name].method.toLowerCase() as THttpVerb,
): HttpHandler => {
  const endpoint: TEndpoint = contract[name];
  const match = compilePath(endpoint.path);
  const answer = (request: Request): Response | undefined => {
    const url = new URL(request.url);
    const raw = match(url.pathname);
    if (!raw) return undefined;
    const validation = validateRequest(endpoint, { params: raw, search: url.search });
    if (!validation.ok) return problemResponse(validation.problem);
    const result = impl({
      params: validation.value.params as TParsedParamsOf<N>,
      query: validation.value.query as TParsedQueryOf<N>,
      data,
      request,
    });
    if (result instanceof MockProblem) return problemResponse(result.problem);
    // The clone keeps callers from reaching into the dataset; the parse keeps the mock honest.
    const parsed = endpoint.response.safeParse(structuredClone(result));
    if (!parsed.success) {
      const message = `mock ${name} (${endpoint.method} ${url.pathname}) breaks the contract:\n${z.prettifyError(parsed.error)}`;
      console.error(message);
      throw new MockContractError(message);
    }
    return HttpResponse.json(parsed.data as never);
  };
  return http[verb](urlPattern(endpoint.path), ({ request }) => {
    const response = answer(request);
    return response && forMethod(request, response);
  });
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
export const handlersFor = (impls: TAllMockImpls, data: Readonly<TDataset>): HttpHandler[] => [
  ...(Object.keys(contract) as TEndpointName[]).flatMap((name) => {
    const impl = impls[name] as TMockImpl<typeof name>;
    const handler = mockEndpoint(name, impl, data);
    return contract[name].method === "GET" ? [handler, mockEndpoint(name, impl, data, "head")] : [handler];
  }),
  apiFallback,
];
