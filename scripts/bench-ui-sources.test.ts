import { decodeMappings, packageOf, splitBySource, type TSourceMap } from "./bench-ui-sources";

const map = (sources: string[], mappings: string): TSourceMap => ({ version: 3, sources, mappings });

describe("decodeMappings", () => {
  it("decodes relative columns per line and the source index across lines", () => {
    // Line 0: col 0 → source 0, col 3 → source 1, col 5 → unmapped; line 1: col 0 → source 0 (1 - 1).
    expect(decodeMappings("AAAA,GCAA,E;ADAA")).toEqual([
      [
        [0, 0],
        [3, 1],
        [5, -1],
      ],
      [[0, 0]],
    ]);
  });

  it("reads multi-digit values", () => {
    // 16 → VLQ "gB"; 1000 → "w+B".
    expect(decodeMappings("gBAAA")).toEqual([[[16, 0]]]);
    expect(decodeMappings("w+BAAA")).toEqual([[[1000, 0]]]);
  });
});

describe("splitBySource", () => {
  it("gives each character to the source mapped at or before it", () => {
    const parts = splitBySource("abcdefg\nxyz", map(["a.js", "b.js"], "AAAA,GCAA,E;ADAA"));
    expect(parts.get(0)).toBe("abcxyz");
    expect(parts.get(1)).toBe("de");
    expect(parts.get(-1)).toBe("fg\n");
  });

  it("counts text before a line's first mapping, and unmapped lines, as unmapped", () => {
    const parts = splitBySource("ab\ncd", map(["a.js"], ";CAAA"));
    expect(parts.get(-1)).toBe("ab\nc");
    expect(parts.get(0)).toBe("d");
  });
});

describe("packageOf", () => {
  const mapFile = "/tmp/out/assets/index.js.map";
  const m = map([], "");
  it("names packages, scoped or not, and the app's folders", () => {
    expect(packageOf("../../../repo/node_modules/react-dom/cjs/x.js", mapFile, m, "/repo")).toBe("react-dom");
    expect(packageOf("../../../repo/node_modules/@tanstack/query-core/build/q.js", mapFile, m, "/repo")).toBe(
      "@tanstack/query-core",
    );
    expect(packageOf("../../../repo/src/features/overview/api/queries.ts", mapFile, m, "/repo")).toBe(
      "src/features/overview",
    );
    expect(packageOf("../../../repo/src/lib/format.ts", mapFile, m, "/repo")).toBe("src/lib");
    expect(packageOf("../../../repo/src/main.tsx", mapFile, m, "/repo")).toBe("src/main.tsx");
  });
});
