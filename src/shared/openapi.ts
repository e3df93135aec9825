import { z } from "zod";
import { contract, type TEndpoint } from "./contract";
import { PROBLEM_CONTENT_TYPE, problem } from "./http";
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

const operation = (name: string, endpoint: TEndpoint) => {
  const statuses = [...new Set([...endpoint.errors, 405, 500])].sort((a, b) => a - b);
  return {
    operationId: name,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    parameters: [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")],
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
        "Read-only API over the association's record of its insurance vendor's incidents. Figures that a source does not give are 'not_reported', never 0.",
    },
    tags: tags.map((tag) => ({ name: tag })),
    paths,
    components: { schemas: { Problem: jsonSchema(ZProblem, "output") } },
  };
};
