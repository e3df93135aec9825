import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  bundleStats,
  dirReader,
  dynamicImportsOf,
  htmlAssetsOf,
  httpReader,
  initialAssets,
  RECHARTS_MARKER,
  staticImportsOf,
  type TManifest,
  type TManifestChunk,
} from "./bundle-stats";
import { findFreePort } from "./free-port";

const gz = (text: string) => gzipSync(text, { level: 9 }).length;

/* A tiny build shaped like Vite's: an entry that imports two shared chunks, a route loaded with import(),
 * a chart chunk the route loads later, and a contract chunk the entry loads at boot. */
const files: Record<string, string> = {
  "index.html": `<!doctype html><html><head>
    <script type="module" crossorigin src="/assets/entry.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/preloaded.js">
    <link rel="stylesheet" crossorigin href="/assets/entry.css">
    <link rel="icon" href="/favicon.svg">
    <script src="/legacy.js"></script>
  </head><body><div id="root"></div></body></html>`,
  "assets/entry.js": [
    'import{a as e,b as t}from"./shared.js";import"./side-effect.js";',
    'const r=()=>import(`./route.js`),c=()=>import("./contract.js");',
    // Text that only looks like an import: a bare package, a URL and an import() of a variable.
    'const s="react",u=import.meta.url,v=e=>import(e);console.log(s,u,v,r,c,t);',
  ].join("\n"),
  "assets/shared.js": 'export*from"./deep.js";export const a=1,b=2;',
  "assets/deep.js": `export const d="${"x".repeat(400)}";`,
  "assets/side-effect.js": "globalThis.sideEffect=1;",
  "assets/preloaded.js": 'import * as ns from "../assets/deep.js"; export const p = ns;',
  "assets/entry.css": `body{margin:0;color:#123}${".a{color:red}".repeat(20)}`,
  "assets/route.js":
    'import{a as e}from"./shared.js";import{k as t}from"./route-shared.js";const c=()=>import(`./chart.js`);',
  "assets/route-shared.js": 'import{z}from"./contract-schemas.js";export const k=z;',
  "assets/route.css": ".route{display:grid}",
  "assets/chart.js":
    'import{a}from"./entry.js";const cls="recharts-surface recharts-bar";export default cls;',
  "assets/contract.js": 'import{z as e}from"./contract-schemas.js";export const contract=e;',
  "assets/contract-schemas.js": `export const z="${"schema".repeat(50)}";`,
};

const manifest: TManifest = {
  "index.html": {
    file: "assets/entry.js",
    src: "index.html",
    isEntry: true,
    imports: ["_shared.js", "_side-effect.js"],
    dynamicImports: ["src/app/routes/overview.tsx", "src/shared/contract.ts"],
    css: ["assets/entry.css"],
  },
  "_shared.js": { file: "assets/shared.js", imports: ["_deep.js"] },
  "_deep.js": { file: "assets/deep.js" },
  "_side-effect.js": { file: "assets/side-effect.js" },
  "_route-shared.js": { file: "assets/route-shared.js", imports: ["_contract-schemas.js"] },
  "_contract-schemas.js": { file: "assets/contract-schemas.js" },
  "src/app/routes/overview.tsx": {
    file: "assets/route.js",
    src: "src/app/routes/overview.tsx",
    isDynamicEntry: true,
    imports: ["index.html", "_shared.js", "_route-shared.js"],
    dynamicImports: ["src/features/overview/components/chart.tsx"],
    css: ["assets/route.css"],
  },
  "src/features/overview/components/chart.tsx": {
    file: "assets/chart.js",
    src: "src/features/overview/components/chart.tsx",
    isDynamicEntry: true,
    imports: ["index.html", "src/app/routes/overview.tsx"],
  },
  "src/shared/contract.ts": {
    file: "assets/contract.js",
    src: "src/shared/contract.ts",
    isDynamicEntry: true,
    imports: ["_contract-schemas.js"],
  },
};

let dist: string;

const write = async (root: string, path: string, text: string) => {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
};

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "bundle-stats-test-"));
  for (const [path, text] of Object.entries(files)) await write(dist, path, text);
  await write(dist, ".vite/manifest.json", JSON.stringify(manifest));
});

afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

const paths = (group: { files: { path: string }[] }) => group.files.map((f) => f.path).sort();

describe("import parsing", () => {
  it("finds every form of static import and re-export, resolved against the importing file", () => {
    const code = [
      'import{a as b,c}from"./one.js";',
      "import two from './two.js';",
      'import*as three from"../assets/three.js";',
      'import four,{x}from"./four.js";',
      'import"./five.js";',
      'export{y}from"./six.js";',
      'export*from"./seven.js";',
      'export * as eight from "/assets/eight.js";',
      'import React from"react";', // bare: not a file of the site
      'const u=import.meta.url,l=import(`./lazy.js`),s="import";',
    ].join("\n");
    expect(staticImportsOf(code, "/assets/entry.js")).toEqual([
      "/assets/one.js",
      "/assets/two.js",
      "/assets/three.js",
      "/assets/four.js",
      "/assets/five.js",
      "/assets/six.js",
      "/assets/seven.js",
      "/assets/eight.js",
    ]);
    expect(dynamicImportsOf(code, "/assets/entry.js")).toEqual(["/assets/lazy.js"]);
  });

  it("reads module scripts, modulepreload and stylesheet links whatever the attribute order", () => {
    const html = `<script src="/a.js" type="module"></script><script type=module src=./b.js></script>
      <script src="/classic.js"></script><link href="/c.js" rel="modulepreload">
      <link rel="preload stylesheet" href="/d.css"><link rel="icon" href="/e.svg">`;
    expect(htmlAssetsOf(html)).toEqual({
      moduleScripts: ["/a.js", "/b.js"],
      modulePreloads: ["/c.js"],
      stylesheets: ["/d.css"],
    });
  });
});

describe("initialAssets", () => {
  it("counts the entry, its static imports (transitively) and preloads, never import()ed chunks", async () => {
    const initial = await initialAssets(dirReader(dist));
    expect(paths(initial.js)).toEqual([
      "/assets/deep.js",
      "/assets/entry.js",
      "/assets/preloaded.js",
      "/assets/shared.js",
      "/assets/side-effect.js",
    ]);
    expect(paths(initial.css)).toEqual(["/assets/entry.css"]);
  });

  it("gives each file's gzip size (level 9) and their sum", async () => {
    const initial = await initialAssets(dirReader(dist));
    const expected = ["assets/entry.js", "assets/shared.js", "assets/deep.js"].map((p) =>
      gz(files[p] as string),
    );
    for (const [i, path] of ["/assets/entry.js", "/assets/shared.js", "/assets/deep.js"].entries()) {
      expect(initial.js.files.find((f) => f.path === path)?.gzipBytes).toBe(expected[i]);
    }
    expect(initial.js.gzipBytes).toBe(initial.js.files.reduce((n, f) => n + f.gzipBytes, 0));
    expect(initial.js.bytes).toBe(
      ["entry", "shared", "deep", "side-effect", "preloaded"].reduce(
        (n, name) => n + Buffer.byteLength(files[`assets/${name}.js`] as string),
        0,
      ),
    );
    expect(initial.css.gzipBytes).toBe(gz(files["assets/entry.css"] as string));
  });

  it("fails when a statically imported chunk is missing", async () => {
    const broken = await mkdtemp(join(tmpdir(), "bundle-stats-broken-"));
    try {
      await write(broken, "index.html", '<script type="module" src="/assets/entry.js"></script>');
      await write(broken, "assets/entry.js", 'import"./gone.js";');
      await expect(initialAssets(dirReader(broken))).rejects.toThrow(/\/assets\/gone\.js.*missing/);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it("never reads outside the folder", async () => {
    expect(await dirReader(join(dist, "assets"))("/../index.html")).toBeNull();
  });
});

describe("bundleStats", () => {
  it("gives each route what it adds beyond the first page, and what its import()s add later", async () => {
    const stats = await bundleStats(dist);
    const route = stats.lazy.find((g) => g.name === "overview");
    expect(route?.isRoute).toBe(true);
    expect(paths(route?.js ?? { files: [] })).toEqual([
      "/assets/contract-schemas.js",
      "/assets/route-shared.js",
      "/assets/route.js",
    ]);
    expect(paths(route?.css ?? { files: [] })).toEqual(["/assets/route.css"]);
    expect(paths(route?.later.js ?? { files: [] })).toEqual(["/assets/chart.js"]);
    expect(route?.js.gzipBytes).toBe(
      gz(files["assets/route.js"] as string) +
        gz(files["assets/route-shared.js"] as string) +
        gz(files["assets/contract-schemas.js"] as string),
    );
    const contract = stats.lazy.find((g) => g.src === "src/shared/contract.ts");
    expect(contract?.isRoute).toBe(false);
    expect(contract?.name).toBe("src/shared/contract");
  });

  it("leaves out what the app loads at boot when asked", async () => {
    const stats = await bundleStats(dist, { loadedAtBoot: ["src/shared/contract.ts"] });
    const route = stats.lazyAfterBoot.find((g) => g.name === "overview");
    expect(paths(route?.js ?? { files: [] })).toEqual(["/assets/route-shared.js", "/assets/route.js"]);
    expect(stats.lazy.find((g) => g.name === "overview")?.js.files).toHaveLength(3);
  });

  it("lists the chunks holding recharts code, none of them initial", async () => {
    const stats = await bundleStats(dist);
    expect(paths(stats.charts)).toEqual(["/assets/chart.js"]);
    for (const file of stats.initial.js.files) expect(files[file.path.slice(1)]).not.toMatch(RECHARTS_MARKER);
  });

  it("finds a module loaded with import() that became a shared chunk, and its boot-time load", async () => {
    const shared = await mkdtemp(join(tmpdir(), "bundle-stats-shared-"));
    try {
      for (const [path, text] of Object.entries(files)) await write(shared, path, text);
      // The contract, also imported statically by the route, is now a shared chunk without a `src`.
      const { "src/shared/contract.ts": contract, ...rest } = manifest;
      const reshaped: TManifest = {
        ...rest,
        "index.html": {
          ...(manifest["index.html"] as TManifestChunk),
          dynamicImports: ["src/app/routes/overview.tsx", "_contract-x1.js"],
        },
        "_contract-x1.js": { file: "assets/contract.js", name: "contract", imports: contract?.imports ?? [] },
      };
      await write(shared, ".vite/manifest.json", JSON.stringify(reshaped));
      const stats = await bundleStats(shared, { loadedAtBoot: ["src/shared/contract.ts"] });
      const group = stats.lazy.find((g) => g.src === "_contract-x1.js");
      expect(group?.chunkName).toBe("contract");
      expect(paths(group?.js ?? { files: [] })).toEqual([
        "/assets/contract-schemas.js",
        "/assets/contract.js",
      ]);
      const route = stats.lazyAfterBoot.find((g) => g.name === "overview");
      expect(paths(route?.js ?? { files: [] })).toEqual(["/assets/route-shared.js", "/assets/route.js"]);
    } finally {
      await rm(shared, { recursive: true, force: true });
    }
  });

  it("still measures the first page without a manifest", async () => {
    const bare = await mkdtemp(join(tmpdir(), "bundle-stats-bare-"));
    try {
      for (const [path, text] of Object.entries(files)) await write(bare, path, text);
      const stats = await bundleStats(bare);
      expect(stats.lazy).toEqual([]);
      expect(stats.initial.js.files).toHaveLength(5);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});

describe("httpReader", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/assets/a.js") {
        res.writeHead(200, { "content-type": "text/javascript" }).end("export const a=1;");
      } else if (req.url === "/assets/fallback.js") {
        // A server that answers unknown paths with the SPA's page.
        res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html>");
      } else {
        res.writeHead(404).end();
      }
    });
    const port = await findFreePort(18800, 18899);
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("reads files, and takes a 404 or an HTML fallback for a script as missing", async () => {
    const read = httpReader(base);
    expect(new TextDecoder().decode((await read("/assets/a.js")) ?? undefined)).toBe("export const a=1;");
    expect(await read("/assets/fallback.js")).toBeNull();
    expect(await read("/assets/none.js")).toBeNull();
  });
});
