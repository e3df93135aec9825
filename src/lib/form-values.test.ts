import { fillBlankEnglish, mergeChanges, textOrNull } from "./form-values";

describe("form values", () => {
  it("fills only blank English halves", () => {
    expect(fillBlankEnglish({ a: { ja: "日本", en: " " }, b: [{ ja: "x", en: "y" }], c: null })).toEqual({
      a: { ja: "日本", en: "日本" },
      b: [{ ja: "x", en: "y" }],
      c: null,
    });
  });

  it("reads an optional text left blank as none", () => {
    expect(textOrNull({ ja: " ", en: "" })).toBeNull();
    expect(textOrNull(null)).toBeNull();
    expect(textOrNull({ ja: "メモ", en: "" })).toEqual({ ja: "メモ", en: "" });
  });

  it("merges only what the user changed over the current values, field by field where shapes agree", () => {
    const source = { documentId: "doc-1", cites: [] };
    const base: Record<string, unknown> = {
      label: { ja: "旧", en: "old" },
      done: { status: "reported", value: 1, source },
      methods: ["refund"],
      status: "in_progress",
    };
    const mine = {
      ...base,
      label: { ja: "新", en: "old" },
      done: { status: "not_reported", missing: { ja: "人数", en: "count" }, source },
    };
    const current = {
      ...base,
      label: { ja: "旧", en: "their English" },
      done: { status: "reported", value: 2, source },
      status: "completed",
    };
    expect(mergeChanges(base, mine, current)).toEqual({
      label: { ja: "新", en: "their English" },
      // A figure that changed its kind is taken whole: never a stitched, invalid figure.
      done: mine.done,
      methods: ["refund"],
      status: "completed",
    });
  });

  it("does not take a value written in another key order for a change", () => {
    const base = { source: { documentId: "doc-1", cites: [] as string[] }, title: "a" };
    // The same source as the user left it, its keys in another order (a jsonb round trip does that).
    const mine = { source: { cites: [] as string[], documentId: "doc-1" }, title: "a" };
    const current = { source: { documentId: "doc-2", cites: [] as string[] }, title: "b" };
    expect(mergeChanges(base, mine, current)).toEqual(current);
  });
});
