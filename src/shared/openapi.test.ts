import { compileErrors, validate } from "@readme/openapi-parser";
import { contract } from "./contract";
import { buildOpenApiDocument } from "./openapi";

// The parser dereferences in place: give it a copy so the test reads the document as built.
const check = (doc: Record<string, unknown>) => validate(structuredClone(doc) as never);

type TOperation = {
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  responses: Record<string, { content: Record<string, unknown> }>;
};

describe("buildOpenApiDocument", () => {
  const doc = buildOpenApiDocument();
  const paths = doc.paths as Record<string, Record<string, TOperation>>;

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await check(doc);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.specification).toBe("OpenAPI");
    expect(doc.openapi).toBe("3.1.0");
  });

  type TDoc = { info: Record<string, unknown>; paths: Record<string, Record<string, TOperation>> };
  const breakages: [string, (d: TDoc) => void][] = [
    [
      "a path template parameter that is not declared",
      (d) => {
        const op = d.paths["/api/v1/incidents/{incidentId}"]?.get as TOperation;
        op.parameters = op.parameters.filter((p) => p.in !== "path");
      },
    ],
    [
      "a duplicate operationId",
      (d) => {
        (d.paths["/api/v1/vendors"]?.get as TOperation).operationId = "listIncidents";
      },
    ],
    [
      "a parameter in a place OpenAPI 3.1 does not have",
      (d) => {
        const op = d.paths["/api/v1/incidents"]?.get as TOperation;
        (op.parameters[0] as { in: string }).in = "body";
      },
    ],
    [
      "an info object without a title",
      (d) => {
        delete d.info.title;
      },
    ],
  ];
  it.each(breakages)("is rejected by the validator with %s", async (_what, breakIt) => {
    const broken = structuredClone(doc) as unknown as TDoc;
    breakIt(broken);
    const result = await check(broken as never);
    expect(result.valid).toBe(false);
  });

  it("has one operation per contract endpoint, with Express params as {templates}", () => {
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    const expected = Object.entries(contract).map(
      ([name, e]) => `${e.method} ${e.path.replace(/:([A-Za-z]+)/g, "{$1}")} ${name}`,
    );
    expect(operations.sort()).toEqual(expected.sort());
  });

  it("describes parameters on the input side and errors as problem+json", () => {
    const list = paths["/api/v1/incidents"]?.get as TOperation;
    const limit = list.parameters.find((p) => p.name === "limit");
    expect(limit).toMatchObject({ in: "query", required: false, schema: { default: 100, maximum: 500 } });
    expect(list.parameters.map((p) => p.name)).toEqual([
      "caseId",
      "vendorId",
      "category",
      "status",
      "fiscalYear",
      "limit",
      "offset",
    ]);
    const detail = paths["/api/v1/incidents/{incidentId}"]?.get as TOperation;
    expect(detail.parameters).toEqual([
      expect.objectContaining({ name: "incidentId", in: "path", required: true }),
    ]);
    expect(Object.keys(detail.responses).sort()).toEqual(["200", "400", "401", "403", "404", "405", "500"]);
    expect(detail.responses["404"]?.content).toEqual({
      "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
    });
    expect(detail.responses["200"]?.content["application/json"]).toBeDefined();
    expect((doc.components as { schemas: Record<string, unknown> }).schemas.Problem).toMatchObject({
      type: "object",
      required: ["type", "title", "status", "detail"],
    });
  });

  it("documents sign-in: the cookie and CSRF schemes, and 401/403 on every endpoint behind it", () => {
    const components = doc.components as { securitySchemes: Record<string, Record<string, string>> };
    expect(components.securitySchemes).toMatchObject({
      sessionCookie: { type: "apiKey", in: "cookie", name: "bgd_session" },
      csrfToken: { type: "apiKey", in: "header", name: "x-csrf-token" },
    });
    for (const [name, endpoint] of Object.entries(contract)) {
      const op = paths[endpoint.path.replace(/:([A-Za-z]+)/g, "{$1}")]?.[endpoint.method.toLowerCase()] as
        | (TOperation & { security: Record<string, string[]>[]; requestBody?: unknown })
        | undefined;
      const statuses = Object.keys(op?.responses ?? {});
      if (endpoint.access === "public") {
        expect(op?.security, name).toEqual([]);
        if (endpoint.method === "GET") expect(statuses, name).not.toEqual(expect.arrayContaining(["403"]));
      } else {
        expect(statuses, name).toEqual(expect.arrayContaining(["401", "403"]));
        const schemes = endpoint.method === "GET" ? ["sessionCookie"] : ["csrfToken", "sessionCookie"];
        expect(Object.keys(op?.security[0] ?? {}).sort(), name).toEqual(schemes);
      }
      expect(op?.requestBody !== undefined, name).toBe("body" in endpoint);
    }
    const login = paths["/api/v1/auth/login"]?.post as TOperation;
    expect(Object.keys(login.responses).sort()).toEqual([
      "200",
      "400",
      "401",
      "403",
      "405",
      "413",
      "415",
      "429",
      "500",
    ]);
  });
});
