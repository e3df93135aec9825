import { z } from "zod";
import { isStateChanging, needsCsrf } from "./access";
import { contract, type TEndpoint } from "./contract";
import { PROBLEM_CONTENT_TYPE, problem } from "./http";
import { CSRF_HEADER, SESSION_COOKIE } from "./schemas/auth";
import { ZProblem } from "./schemas/problem";
import { APP_VERSION } from "./version";

/*
 * The OpenAPI 3.1 description of the API, derived from the contract so it cannot drift from it.
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what zod emits by default.
 */

type TJsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: "input" | "output"): TJsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as TJsonSchema;
  return rest;
};

/** `/api/v1/incidents/:incidentId` → `/api/v1/incidents/{incidentId}` */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, "{$1}");

const parameters = (schema: z.ZodObject | undefined, where: "path" | "query") => {
  if (!schema) return [];
  // Requests are described on the input side: defaults and coercions as the client sends them.
  const object = jsonSchema(schema, "input") as {
    properties?: Record<string, TJsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as TJsonSchema & { description?: string };
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
};

const problemResponse = (status: number) => ({
  description: problem(status, "").title,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
});

/*
 * Statuses every endpoint can answer besides its own: 405 and 500 always; behind sign-in 401 (no valid
 * session) and 403 (role too low, or a write without the CSRF token); a public write 403 when cross-site.
 */
const implicitStatuses = (endpoint: TEndpoint) => [
  405,
  500,
  ...(endpoint.access !== "public" ? [401, 403] : isStateChanging(endpoint.method) ? [403] : []),
];

/** Public: none; reads behind sign-in: the cookie; writes: the cookie and the CSRF header together. */
const security = (endpoint: TEndpoint) =>
  endpoint.access === "public"
    ? []
    : [needsCsrf(endpoint) ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] }];

const operation = (name: string, endpoint: TEndpoint) => {
  const statuses = [...new Set([...endpoint.errors, ...implicitStatuses(endpoint)])].sort((a, b) => a - b);
  return {
    operationId: name,
    summary: endpoint.summary,
    ...(endpoint.access === "public" ? {} : { description: `Needs the ${endpoint.access} role or higher.` }),
    tags: [endpoint.tag],
    security: security(endpoint),
    parameters: [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")],
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(endpoint.body, "input") } },
          },
        }
      : {}),
    responses: {
      "200": {
        description: "OK",
        content: { "application/json": { schema: jsonSchema(endpoint.response, "output") } },
      },
      ...Object.fromEntries(statuses.map((status) => [String(status), problemResponse(status)])),
    },
  };
};

export const buildOpenApiDocument = (): Record<string, unknown> => {
  const paths: Record<string, Record<string, unknown>> = {};
  const tags: string[] = [];
  for (const [name, endpoint] of Object.entries(contract) as [string, TEndpoint][]) {
    const path = openApiPath(endpoint.path);
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation(name, endpoint) };
    if (!tags.includes(endpoint.tag)) tags.push(endpoint.tag);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Board governance dashboard API",
      version: APP_VERSION,
      description:
        "API over the association's record of its insurance vendor's incidents. Figures that a source does not give are 'not_reported', never 0. Everything but health, this document and sign-in needs a session: sign in with POST /api/v1/auth/login, which sets an HttpOnly cookie and returns the CSRF token that every state-changing request must send in the x-csrf-token header.",
    },
    tags: tags.map((tag) => ({ name: tag })),
    paths,
    components: {
      schemas: { Problem: jsonSchema(ZProblem, "output") },
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description:
            "Set by POST /api/v1/auth/login (HttpOnly, SameSite=Strict, Secure outside localhost).",
        },
        csrfToken: {
          type: "apiKey",
          in: "header",
          name: CSRF_HEADER,
          description: "The session's csrfToken (from login or GET /api/v1/auth/session).",
        },
      },
    },
  };
};
