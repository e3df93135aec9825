import { ROLE_RANK, type TAccess, ZRole } from "@/shared/schemas/auth";
import { hasRole, signInPath } from "./roles";
import { safeNextPath } from "./safe-next";

const ORIGIN = "http://localhost:3000";

describe("hasRole", () => {
  it("agrees with the shared ROLE_RANK for every role and every access level", () => {
    for (const role of ZRole.options) {
      for (const needed of Object.keys(ROLE_RANK) as TAccess[]) {
        expect(hasRole(role, needed), `${role} ≥ ${needed}`).toBe(ROLE_RANK[role] >= ROLE_RANK[needed]);
      }
    }
  });

  it("grants nothing without a role", () => {
    expect(hasRole(undefined, "viewer")).toBe(false);
    expect(hasRole(null, "public")).toBe(false);
  });
});

describe("safeNextPath", () => {
  it("keeps a same-origin path with its query and hash", () => {
    expect(safeNextPath("/incidents?status=open#top", ORIGIN)).toBe("/incidents?status=open#top");
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["another site", "https://evil.example/"],
    ["protocol-relative", "//evil.example/path"],
    ["backslash trick", "/\\evil.example"],
    ["a relative path", "incidents"],
    ["javascript:", "javascript:alert(1)"],
    ["the sign-in page itself", "/signin?next=/"],
  ])("falls back to the overview for %s", (_label, raw) => {
    expect(safeNextPath(raw, ORIGIN)).toBe("/");
  });
});

describe("signInPath", () => {
  it("carries the page to come back to, encoded", () => {
    expect(signInPath("/incidents?status=open")).toBe("/signin?next=%2Fincidents%3Fstatus%3Dopen");
  });

  it("leaves out the overview and the sign-in page", () => {
    expect(signInPath("/")).toBe("/signin");
    expect(signInPath("/signin?next=/x")).toBe("/signin");
    expect(signInPath()).toBe("/signin");
  });
});
