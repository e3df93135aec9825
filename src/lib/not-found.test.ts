import { ApiError } from "./api-client";
import { isNotFound } from "./not-found";

describe("isNotFound", () => {
  it("treats 404 and 400 answers as a page that does not exist", () => {
    expect(isNotFound(new ApiError(404, null, "not found"))).toBe(true);
    expect(isNotFound(new ApiError(400, null, "bad id"))).toBe(true);
  });
  it("leaves server failures, other errors and no error to the error state", () => {
    expect(isNotFound(new ApiError(500, null, "failed"))).toBe(false);
    expect(isNotFound(new ApiError(403, null, "forbidden"))).toBe(false);
    expect(isNotFound(new Error("network"))).toBe(false);
    expect(isNotFound(null)).toBe(false);
  });
});
