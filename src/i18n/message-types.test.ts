import { loadAllNamespaces } from "./catalog";
import { message, translate, translateMessage, translatePlural } from "./i18n";
import type { TMessageArgs, TPlainKey, TPluralKey } from "./message-types";
import type { TCallerPlaceholders, TPlaceholders, TTwin } from "./placeholders";

/*
 * The typecheck (`tsc -p tsconfig.json`, part of `npm test`) is the real test here: each
 * `@ts-expect-error` line must fail to compile, and an expectation that no longer fails is itself an
 * error. The calls also run, so the file proves the lines would have said something wrong.
 */

describe("typed message values", () => {
  beforeAll(() => loadAllNamespaces());

  it("refuses a call that leaves out a value its text names", () => {
    // @ts-expect-error common.notReportedTitle names {missing}
    const text = translate("ja", "common.notReportedTitle");
    expect(text).toBe("未報告:{missing}");
    // @ts-expect-error and an empty object does not name it either
    expect(translate("en", "common.notReportedTitle", {})).toContain("{missing}");
    expect(translate("ja", "common.notReportedTitle", { missing: "人数" })).toBe("未報告:人数");
  });

  it("refuses a value under a name the text does not use", () => {
    // @ts-expect-error the text names {title}, not {name}
    expect(translate("ja", "common.chartTableCaption", { name: "事故" })).toBe("{title}(表)");
    // @ts-expect-error a right name does not excuse a wrong one beside it
    translate("ja", "common.chartTableCaption", { title: "事故", titel: "x" });
  });

  it("refuses values for a text that names none", () => {
    // @ts-expect-error common.loading takes no values
    expect(translate("ja", "common.loading", { n: 1 })).toBe("読み込み中…");
    expect(translate("ja", "common.loading")).toBe("読み込み中…");
  });

  it("never asks a caller for the organisation's words, but takes them where a text names them", () => {
    expect(translate("ja", "domain.milestone.reported_to_board")).toBe("理事会へ報告");
    expect(translate("ja", "domain.milestone.organisation_notice", { people: "顧客" })).toBe(
      "本会から顧客へ周知",
    );
    // @ts-expect-error reported_to_board names {board} only
    translate("ja", "domain.milestone.reported_to_board", { people: "顧客" });
  });

  it("checks every member of a key built from an enumeration", () => {
    const status = (s: "open" | "closed") => translate("en", `domain.caseStatus.${s}`);
    expect(status("closed")).toBe("Closed");
    // @ts-expect-error there is no domain.caseStatus.pending (tsc says so through the arguments: with no
    // key to go by, it asks for every value of every text)
    translate("en", `domain.caseStatus.${"pending" as "open" | "pending"}`);
  });

  it("checks a message made now and said later", () => {
    expect(translateMessage("en", message("users.errTooLong", { max: 80 }))).toBe(
      "Too long: at most 80 characters.",
    );
    // @ts-expect-error users.errTooLong names {max}
    message("users.errTooLong");
    // @ts-expect-error a message is made by message(), which checks it
    translateMessage("en", { key: "users.errTooLong" });
  });

  it("counts through the plural base, with {n} filled from the count", () => {
    expect(translatePlural("en", "common.people", 1)).toBe("1 person");
    expect(translatePlural("en", "meetings.excludedTitle", 2, { parts: "x" })).toContain("2 records");
    // @ts-expect-error meetings.excludedTitle names {parts}
    translatePlural("en", "meetings.excludedTitle", 2);
    // @ts-expect-error a plural is said through its base, not one of its forms
    translatePlural("en", "common.people_other", 2);
  });
});

// The types themselves, on texts of our own (no catalog involved).
type TEqual<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const is = <T extends true>(value: T) => value;

describe("the placeholder types", () => {
  it("reads names between braces, without the organisation's words for callers", () => {
    is<TEqual<TPlaceholders<"{n}名({date})">, "n" | "date">>(true);
    is<TEqual<TCallerPlaceholders<"{org}から{people}へ({n})">, "n">>(true);
    is<TEqual<TPlaceholders<"no braces">, never>>(true);
    is<TEqual<TMessageArgs<"common.loading">, []>>(true);
    is<TEqual<"common.loading" extends TPlainKey ? true : false, true>>(true);
    is<TEqual<"common.notReportedTitle" extends TPlainKey ? true : false, false>>(true);
    is<TEqual<"common.people" extends TPluralKey ? true : false, true>>(true);
    expect(true).toBe(true);
  });

  it("holds an English twin to the Japanese text's values", () => {
    const ja = { a: "{n}件の{what}", b: "{org}の記録", c_other: "{n}件" } as const;
    const good = { a: "{what}: {n}", b: "The record", c_one: "one", c_other: "{n}" } as const satisfies TTwin<
      typeof ja
    >;
    // @ts-expect-error English leaves out {what}
    const missing = { a: "{n}", b: "", c_other: "{n}" } as const satisfies TTwin<typeof ja>;
    // @ts-expect-error a plural form English adds needs a Japanese x_other
    const stray = { a: "{n} {what}", b: "", c_other: "{n}", a_one: "" } as const satisfies TTwin<typeof ja>;
    expect([good, missing, stray]).toHaveLength(3);
  });
});
