import { describe, expect, it } from "vitest";
import { canonicalJson, sameJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every level, drops undefined members and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: "x" }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":"x","z":null}]},"b":1}',
    );
  });
  it("writes a bare undefined as null and escapes strings as JSON does", () => {
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson({ 'k"': "日本\n" })).toBe('{"k\\"":"日本\\n"}');
  });
  it("sameJson ignores key order but not values", () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
  });
});
