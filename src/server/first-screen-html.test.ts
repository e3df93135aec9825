import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import {
  AFTER_PAINT_SCRIPT,
  langOf,
  scriptsOf,
  stylesOf,
  type TFirstScreenRenderer,
  withFirstScreen,
} from "@/server/first-screen-html";
import { ensureTestUser, signIn } from "@/server/test/auth";
import { openTestDb, type TTestDb } from "@/server/test/open-test-db";

/*
 * The first screen drawn on the server goes only to a signed-in reader's "/", inside the root element,
 * with the page's styles; everyone else gets the page as before. The drawing itself (the app's
 * components in Node) is tested in src/app/render-first-screen.ssr.test.tsx; here a stand-in draws.
 */

const INDEX = [
  '<!doctype html><html lang="ja"><head>',
  '<script type="module" crossorigin src="/assets/index.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/app.js">',
  '<link rel="stylesheet" crossorigin href="/assets/index.css">',
  '</head><body><div id="root"></div></body></html>',
].join("");

describe("withFirstScreen", () => {
  it("puts the markup in the root, links the page's styles once, and runs the app after the first paint", () => {
    const html = withFirstScreen(INDEX, {
      markup: "<p>1,909名 $& $1</p>",
      styles: ["/assets/index.css", "/assets/overview.css"],
      scripts: ["/assets/app.js", "/assets/overview.js"],
      lang: "en",
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<div id="root" aria-busy="true"><p>1,909名 $& $1</p></div>');
    expect(html.match(/assets\/index\.css/g)).toHaveLength(1);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/overview.css"></head>');
    // No script of the app's is fetched before the page is on the screen: the after-paint script fetches them.
    expect(html).not.toContain("modulepreload");
    expect(html.match(/<script/g)).toEqual(["<script"]);
    // A classic script, last in the body: it runs once the styles above it are in and the page is parsed.
    expect(html).toContain(
      `<script src="${AFTER_PAINT_SCRIPT}" data-app="/assets/index.js" data-deps="/assets/app.js" data-preload="/assets/overview.js"></script></body>`,
    );
    expect(html.indexOf("<script")).toBeGreaterThan(html.indexOf('<div id="root"'));
  });

  it("leaves a page without an empty root alone", () => {
    const other = INDEX.replace('<div id="root"></div>', '<div id="root">x</div>');
    expect(withFirstScreen(other, { markup: "<p>y</p>", styles: [], scripts: [], lang: "ja" })).toBe(other);
  });
});

describe("langOf, stylesOf and scriptsOf", () => {
  it("reads the language cookie (Japanese unless it says English)", () => {
    expect(langOf(undefined)).toBe("ja");
    expect(langOf("sid=1; bgd.lang=en")).toBe("en");
    expect(langOf("bgd.lang=en; sid=1")).toBe("en");
    expect(langOf("bgd.lang=english")).toBe("ja");
    expect(langOf("xbgd.lang=en")).toBe("ja");
  });

  it("collects a module's styles through its static imports, each once", () => {
    const manifest = {
      "src/app/routes/overview.tsx": { css: ["assets/a.css"], imports: ["_parts.js", "index.html"] },
      "_parts.js": { css: ["assets/b.css"], imports: ["index.html"] },
      "index.html": { css: ["assets/index.css"] },
    };
    expect(stylesOf(manifest, "src/app/routes/overview.tsx")).toEqual([
      "/assets/a.css",
      "/assets/b.css",
      "/assets/index.css",
    ]);
    expect(stylesOf(manifest, "missing.tsx")).toEqual([]);
  });

  it("lists the page's scripts: its code, what that loads at once, the reader's strings; never the entry", () => {
    const manifest = {
      "src/app/routes/overview.tsx": { file: "assets/overview.js", imports: ["_parts.js", "index.html"] },
      "src/app/page-data/overview.ts": { file: "assets/data.js", imports: ["_parts.js"] },
      "_parts.js": { file: "assets/parts.js", imports: ["index.html"], dynamicImports: ["_charts.js"] },
      "_charts.js": { file: "assets/charts.js", imports: ["_parts.js"], dynamicImports: ["_later.js"] },
      "_later.js": { file: "assets/later.js" },
      "_strings-ja.js": { file: "assets/strings-ja.js", name: "strings-ja" },
      "_strings-en.js": { file: "assets/strings-en.js", name: "strings-en" },
      "index.html": { file: "assets/index.js", isEntry: true, dynamicImports: ["src/app/routes/other.tsx"] },
      "src/app/routes/other.tsx": { file: "assets/other.js" },
    };
    const code = ["src/app/routes/overview.tsx", "src/app/page-data/overview.ts"];
    expect(scriptsOf(manifest, code, "ja")).toEqual([
      "/assets/overview.js",
      "/assets/parts.js",
      "/assets/data.js",
      "/assets/strings-ja.js",
      "/assets/charts.js",
    ]);
    expect(scriptsOf(manifest, code, "en")).toContain("/assets/strings-en.js");
    expect(scriptsOf(manifest, code, "en")).not.toContain("/assets/strings-ja.js");
  });
});

describe("the first screen in the served HTML", () => {
  let t: TTestDb;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  let cookie = "";
  const calls: { url: string; lang: string; user: string | undefined }[] = [];
  let answer: "draw" | "nothing" = "draw";
  const renderer: TFirstScreenRenderer = async ({ url, boot, lang }) => {
    const user = (boot.session as { user?: { username: string } } | null)?.user?.username;
    calls.push({ url, lang, user });
    return answer === "draw"
      ? { markup: `<p class="drawn">${user}</p>`, styles: ["/assets/page.css"], scripts: [], lang }
      : null;
  };
  beforeAll(async () => {
    t = await openTestDb();
    dir = await mkdtemp(join(tmpdir(), "first-screen-test-"));
    await writeFile(join(dir, "index.html"), INDEX);
    app = createApp({ db: t.db, staticDir: dir, log: () => undefined, firstScreen: renderer });
    await ensureTestUser(t.db, "viewer");
    cookie = (await signIn(app, "test-viewer")).cookie;
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = async (path: string, headers: Record<string, string> = {}) =>
    (await app.request(path, { headers })).text();

  it("draws a signed-in reader's overview, in the language of their cookie", async () => {
    calls.length = 0;
    const html = await get("/", { cookie: `${cookie}; bgd.lang=en` });
    expect(html).toContain('<div id="root" aria-busy="true"><p class="drawn">test-viewer</p></div>');
    expect(html).toContain('href="/assets/page.css"');
    expect(html).toContain('<html lang="en">');
    expect(calls).toEqual([{ url: "http://localhost/", lang: "en", user: "test-viewer" }]);
  });

  it("never draws for a visitor without a session, nor another page, nor a stale cookie", async () => {
    calls.length = 0;
    for (const [path, headers] of [
      ["/", {}],
      ["/", { cookie: "bgd_session=not-a-session" }],
      ["/incidents", { cookie }],
    ] as const) {
      const html = await get(path, headers);
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toContain("page.css");
    }
    expect(calls).toEqual([]);
  });

  it("serves the page with its data only when nothing could be drawn", async () => {
    answer = "nothing";
    const html = await get("/", { cookie });
    answer = "draw";
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('id="boot"');
    expect(html).toContain('<script type="module" crossorigin src="/assets/index.js">');
  });
});
