/*
 * Only the reader's language loads with a page; the other arrives when the reader switches. A fresh copy of
 * the catalog module for each test (the test setup loads every namespace into the shared one).
 */
const freshCatalog = async () => {
  vi.resetModules();
  return import("./catalog");
};

describe("catalog loading", () => {
  afterEach(() => {
    localStorage.removeItem("bgd.lang");
  });

  it("loads a page's strings in Japanese only, and English once the reader switches", async () => {
    const catalog = await freshCatalog();
    await catalog.loadNamespace("overview");
    expect(catalog.lookupMessage("ja", "overview", "title")).toBeTruthy();
    // Not loaded: the lookup falls back to Japanese, so the English table is not there.
    expect(catalog.lookupMessage("en", "overview", "title")).toBe(
      catalog.lookupMessage("ja", "overview", "title"),
    );
    expect(catalog.lookupMessage("en", "common", "appName")).toBe(
      catalog.lookupMessage("ja", "common", "appName"),
    );
    await catalog.loadLanguage("en");
    expect(catalog.lookupMessage("en", "overview", "title")).not.toBe(
      catalog.lookupMessage("ja", "overview", "title"),
    );
    expect(catalog.lookupMessage("en", "common", "appName")).not.toBe(
      catalog.lookupMessage("ja", "common", "appName"),
    );
    // A page opened after the switch loads in English.
    await catalog.loadNamespace("vendors");
    const [key, english] = Object.entries((await import("./en/vendors")).vendors)[0] as [string, string];
    expect(catalog.lookupMessage("en", "vendors", key)).toBe(english);
  });

  it("starts in the language the reader chose last time", async () => {
    localStorage.setItem("bgd.lang", "en");
    const catalog = await freshCatalog();
    await catalog.loadNamespace("overview");
    const en = (await import("./en/overview")).overview.title;
    expect(catalog.lookupMessage("en", "overview", "title")).toBe(en);
  });
});
