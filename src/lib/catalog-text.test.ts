import { catalogText } from "./catalog-text";

describe("catalogText", () => {
  it("holds the message in Japanese and in English", () => {
    expect(catalogText("common.notReported")).toEqual({ ja: "未報告", en: "Not reported" });
  });
});
