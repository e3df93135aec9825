import { z } from "zod";
import { problem } from "@/shared/http";
import { ZIsoDate } from "@/shared/schemas/common";
import { ApiError } from "./api-client";
import { errorsFromIssues, refusalOf } from "./form-errors";

describe("form errors", () => {
  it("reads blank values as missing and keeps zod's params", () => {
    const schema = z.strictObject({ a: z.string().min(3), b: z.array(z.string()).min(1), c: ZIsoDate });
    const body = { a: "x", b: [], c: "", d: 1 };
    const parsed = schema.safeParse(body);
    expect(parsed.success).toBe(false);
    const errors = errorsFromIssues(parsed.error?.issues ?? [], body);
    expect(errors.a).toMatchObject({ code: "too_small", params: { minimum: 3, origin: "string" } });
    expect(errors.b?.code).toBe("required");
    expect(errors.c?.code).toBe("required");
    expect(errors.d?.code).toBe("unknown_field");
  });

  it("tells a stale version from a state conflict", () => {
    const stale = refusalOf(new ApiError(409, { ...problem(409, "stale"), current: { version: 2 } }, "x"), {
      a: 1,
    });
    expect(stale.conflict).toEqual({ mine: { a: 1 }, current: { version: 2 } });
    const state = refusalOf(
      new ApiError(
        409,
        {
          ...problem(409, "m", [{ in: "body", field: "", code: "not_reported_done", message: "m" }]),
          current: { version: 2 },
        },
        "x",
      ),
      {},
    );
    expect(state.conflict).toBeNull();
    expect(state.form?.code).toBe("not_reported_done");
    const taken = refusalOf(
      new ApiError(
        409,
        problem(409, "taken", [{ in: "body", field: "username", code: "taken", message: "t" }]),
        "x",
      ),
      {},
    );
    expect(taken).toMatchObject({ fields: { username: { code: "taken" } }, form: { code: "summary" } });
    expect(refusalOf(new ApiError(403, null, "x"), {}).form?.code).toBe("forbidden");
    expect(refusalOf(new TypeError("fetch failed"), {}).form?.code).toBe("network");
  });
});
