import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

/*
 * What a built SPA (Vite's dist/client) sends: the JavaScript and CSS the first page needs before any
 * route loads, and what each lazy chunk adds, in gzip bytes (level 9, each file on its own, as each
 * travels on its own). Works on a folder or on a running server through the same reader, so the e2e
 * budget measures exactly what the server serves.
 */

/** Reads one file of the built site by its URL path ("/assets/x.js"); null when there is no such file. */
export type TReadAsset = (urlPath: string) => Promise<Uint8Array | null>;

export type TAsset = { path: string; bytes: number; gzipBytes: number };
export type TAssetGroup = { files: TAsset[]; bytes: number; gzipBytes: number };

export const gzipBytes = (data: Uint8Array | string) => gzipSync(data, { level: 9 }).length;

export const dirReader =
  (root: string): TReadAsset =>
  async (urlPath) => {
    const base = resolve(root);
    const file = resolve(base, `.${decodeURIComponent(urlPath)}`);
    if (file !== base && !file.startsWith(base + sep)) return null;
    try {
      return await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return null;
      throw error;
    }
  };

/** Reads from a running server; a 404 (or an HTML fallback page for a script) counts as missing. */
export const httpReader =
  (baseUrl: string): TReadAsset =>
  async (urlPath) => {
    const response = await fetch(new URL(urlPath, baseUrl), { headers: { "accept-encoding": "identity" } });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`GET ${urlPath} → ${response.status}`);
    const type = response.headers.get("content-type") ?? "";
    if (!urlPath.endsWith(".html") && type.startsWith("text/html")) return null;
    return body;
  };

const resolvePath = (specifier: string, fromPath: string) =>
  new URL(specifier, `http://site${fromPath}`).pathname;

/** Only files of the site itself: relative or root-absolute specifiers, never bare packages or URLs. */
const isLocal = (specifier: string) =>
  specifier.startsWith("./") || specifier.startsWith("../") || /^\/(?!\/)/.test(specifier);

// `import{a as b}from"./x.js"`, `import x from"./x.js"`, `import*as x from"./x.js"`, `import"./x.js"`,
// `export{a}from"./x.js"`, `export*from"./x.js"`, minified or not. `import(` and `import.meta` never match.
const STATIC_IMPORT =
  /(?<![\w$.])(?:import\s*(?:(?:[\w$]+\s*,\s*)?(?:\{[^{}]*\}|\*\s*as\s*[\w$]+)\s*from\s*|[\w$]+\s+from\s*)?|export\s*(?:\{[^{}]*\}|\*(?:\s*as\s*[\w$]+)?)\s*from\s*)(["'])([^"'\r\n]+)\1/g;
const DYNAMIC_IMPORT = /(?<![\w$.])import\s*\(\s*(["'`])([^"'`\r\n$]+)\1\s*\)/g;

const specifiers = (code: string, pattern: RegExp) => [...code.matchAll(pattern)].map((m) => m[2] as string);

export const staticImportsOf = (code: string, fromPath: string) =>
  specifiers(code, STATIC_IMPORT)
    .filter(isLocal)
    .map((s) => resolvePath(s, fromPath));

export const dynamicImportsOf = (code: string, fromPath: string) =>
  specifiers(code, DYNAMIC_IMPORT)
    .filter(isLocal)
    .map((s) => resolvePath(s, fromPath));

type TTag = { name: string; attrs: Map<string, string> };

const tagsOf = (html: string, name: string): TTag[] =>
  [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "gi"))].map((m) => {
    const attrs = new Map<string, string>();
    for (const a of (m[1] ?? "").matchAll(
      /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
    )) {
      attrs.set((a[1] as string).toLowerCase(), a[2] ?? a[3] ?? a[4] ?? "");
    }
    return { name, attrs };
  });

const relIncludes = (tag: TTag, rel: string) =>
  (tag.attrs.get("rel") ?? "").toLowerCase().split(/\s+/).includes(rel);

export type THtmlAssets = { moduleScripts: string[]; modulePreloads: string[]; stylesheets: string[] };

/** The module scripts, modulepreload links and stylesheet links of a page, as URL paths. */
export const htmlAssetsOf = (html: string, htmlPath = "/index.html"): THtmlAssets => {
  const scripts = tagsOf(html, "script").filter(
    (t) => (t.attrs.get("type") ?? "").toLowerCase() === "module" && t.attrs.get("src"),
  );
  const links = tagsOf(html, "link");
  const hrefs = (rel: string) =>
    links
      .filter((t) => relIncludes(t, rel) && t.attrs.get("href"))
      .map((t) => t.attrs.get("href") as string)
      .filter(isLocal)
      .map((h) => resolvePath(h, htmlPath));
  return {
    moduleScripts: scripts
      .map((t) => t.attrs.get("src") as string)
      .filter(isLocal)
      .map((s) => resolvePath(s, htmlPath)),
    modulePreloads: hrefs("modulepreload"),
    stylesheets: hrefs("stylesheet"),
  };
};

const decoder = new TextDecoder();

const mustRead = async (read: TReadAsset, path: string, why: string) => {
  const data = await read(path);
  if (data === null) throw new Error(`${path} (${why}) is missing from the build`);
  return data;
};

const sized = (path: string, data: Uint8Array): TAsset => ({
  path,
  bytes: data.byteLength,
  gzipBytes: gzipBytes(data),
});

export const groupOf = (files: TAsset[]): TAssetGroup => ({
  files,
  bytes: files.reduce((n, f) => n + f.bytes, 0),
  gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
});

/**
 * Every JavaScript file reachable from `roots` through static imports (and, with `followDynamic`, dynamic
 * imports too), in discovery order. A static import of a missing file is an error: the build is broken.
 */
export const crawlJs = async (
  read: TReadAsset,
  roots: string[],
  { followDynamic = false }: { followDynamic?: boolean } = {},
): Promise<Map<string, Uint8Array>> => {
  const seen = new Map<string, Uint8Array>();
  const queue = roots.map((path) => ({ path, why: "entry" }));
  while (queue.length > 0) {
    const { path, why } = queue.shift() as { path: string; why: string };
    if (seen.has(path)) continue;
    const data = await mustRead(read, path, why);
    seen.set(path, data);
    const code = decoder.decode(data);
    for (const next of staticImportsOf(code, path)) queue.push({ path: next, why: `imported by ${path}` });
    if (followDynamic) {
      for (const next of dynamicImportsOf(code, path)) queue.push({ path: next, why: `import() in ${path}` });
    }
  }
  return seen;
};

export type TInitialAssets = { js: TAssetGroup; css: TAssetGroup };

/**
 * What the first page load fetches before anything lazy: the module scripts and modulepreload links of
 * index.html with everything they import statically (transitively), and the stylesheet links.
 */
export const initialAssets = async (read: TReadAsset, htmlPath = "/index.html"): Promise<TInitialAssets> => {
  const html = decoder.decode(await mustRead(read, htmlPath, "the page"));
  const found = htmlAssetsOf(html, htmlPath);
  if (found.moduleScripts.length === 0) throw new Error(`${htmlPath} has no <script type="module" src>`);
  const js = await crawlJs(read, [...found.moduleScripts, ...found.modulePreloads]);
  const css: TAsset[] = [];
  for (const path of new Set(found.stylesheets)) {
    css.push(sized(path, await mustRead(read, path, `stylesheet of ${htmlPath}`)));
  }
  return { js: groupOf([...js].map(([path, data]) => sized(path, data))), css: groupOf(css) };
};

/** Vite's build manifest (build.manifest), keyed by source path or by `_chunk-name.js` for shared chunks. */
export type TManifestChunk = {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
export type TManifest = Record<string, TManifestChunk>;

export const readManifest = async (read: TReadAsset): Promise<TManifest | null> => {
  for (const path of ["/.vite/manifest.json", "/manifest.json"]) {
    const data = await read(path);
    if (data) return JSON.parse(decoder.decode(data)) as TManifest;
  }
  return null;
};

export type TLazyGroup = {
  /** "overview" for src/app/routes/overview.tsx; otherwise the source path without its extension. */
  name: string;
  /** The module's source path, or the manifest key of a shared chunk ("_contract-x1.js"). */
  src: string;
  /** The bundler's name for the chunk (a shared chunk is named after one of its modules). */
  chunkName: string | null;
  isRoute: boolean;
  /** The chunk and everything it imports statically, less what is already loaded. */
  js: TAssetGroup;
  css: TAssetGroup;
  /** What its own `import()`s fetch later (e.g. the overview's charts), less the above and what is loaded. */
  later: { js: TAssetGroup; css: TAssetGroup };
};

const ROUTE_SRC = /^src\/app\/routes\/([^/]+)\.[cm]?[jt]sx?$/;

/**
 * One group per dynamic entry of the build (each route, each lazily loaded module), from the manifest.
 * `loaded` holds the URL paths already fetched (at least the initial set): traversal stops there, which
 * also keeps the entry's own `import()`s (every route) out of each route's `later`. `base` is Vite's base.
 */
export const lazyGroups = async (
  read: TReadAsset,
  manifest: TManifest,
  loaded: Set<string>,
  base = "/",
): Promise<TLazyGroup[]> => {
  const urlOf = (file: string) => `${base}${file}`;
  const chunkOf = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest names ${key} but has no entry for it`);
    return chunk;
  };
  const cache = new Map<string, TAsset>();
  const asset = async (path: string) => {
    let found = cache.get(path);
    if (!found) {
      found = sized(path, await mustRead(read, path, "named in the manifest"));
      cache.set(path, found);
    }
    return found;
  };
  const closure = (keys: string[]) => {
    const out = new Set<string>();
    const stack = [...keys];
    while (stack.length > 0) {
      const key = stack.pop() as string;
      if (out.has(key) || loaded.has(urlOf(chunkOf(key).file))) continue;
      out.add(key);
      stack.push(...(chunkOf(key).imports ?? []));
    }
    return out;
  };
  const filesOf = async (keys: Set<string>, exclude: Set<string>) => {
    const js = [...keys].map((k) => urlOf(chunkOf(k).file));
    const css = [...keys].flatMap((k) => (chunkOf(k).css ?? []).map(urlOf));
    const keep = (paths: string[]) => [...new Set(paths)].filter((p) => !exclude.has(p));
    return {
      js: groupOf(await Promise.all(keep(js).map(asset))),
      css: groupOf(await Promise.all(keep(css).map(asset))),
    };
  };

  const groups: TLazyGroup[] = [];
  // A module loaded with import() that other chunks also import statically becomes a shared chunk with no
  // `src` and no isDynamicEntry: it is found through the importers' `dynamicImports`.
  const targets = new Set(Object.values(manifest).flatMap((c) => c.dynamicImports ?? []));
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry && !targets.has(key)) continue;
    const src = chunk.src ?? key;
    const route = ROUTE_SRC.exec(src);
    const own = closure([key]);
    const mine = await filesOf(own, loaded);
    const seen = new Set([...loaded, ...[...mine.js.files, ...mine.css.files].map((f) => f.path)]);
    const laterKeys = closure([...own].flatMap((k) => chunkOf(k).dynamicImports ?? []));
    for (const k of own) laterKeys.delete(k);
    groups.push({
      name: route
        ? (route[1] as string)
        : chunk.src
          ? src.replace(/\.[cm]?[jt]sx?$/, "")
          : `shared chunk ${key}`,
      src,
      chunkName: chunk.name ?? null,
      isRoute: Boolean(route),
      js: mine.js,
      css: mine.css,
      later: await filesOf(laterKeys, seen),
    });
  }
  return groups.sort((a, b) => Number(b.isRoute) - Number(a.isRoute) || a.name.localeCompare(b.name));
};

/** recharts' own class names ("recharts-surface", "recharts-bar", …): every recharts module carries some. */
export const RECHARTS_MARKER = /\brecharts-[a-z]/;

export type TBundleStats = {
  initial: TInitialAssets;
  /** Each lazy chunk beyond the initial set; empty when the build has no manifest. */
  lazy: TLazyGroup[];
  /**
   * The same, with the `loadedAtBoot` modules' chunks counted as loaded too: what a route adds once the
   * app has booted. Equal to `lazy` when there are none.
   */
  lazyAfterBoot: TLazyGroup[];
  /** Every JavaScript file that contains recharts code. */
  charts: TAssetGroup;
};

export type TBundleStatsOptions = {
  /** Source paths (manifest keys) the app imports dynamically as soon as it starts, e.g. the contract. */
  loadedAtBoot?: string[];
};

const baseName = (path: string) => path.replace(/^.*\//, "").replace(/\.[cm]?[jt]sx?$/, "");

/** By source path, or, for a shared chunk (no source path of its own), by the module it is named after. */
export const isLoadedAtBoot = (group: TLazyGroup, loadedAtBoot: string[]) =>
  loadedAtBoot.includes(group.src) ||
  (group.src.startsWith("_") && loadedAtBoot.some((src) => baseName(src) === group.chunkName));

/** Figures for a built site: a folder (e.g. dist/client) or any reader. */
export const bundleStats = async (
  source: string | TReadAsset,
  { loadedAtBoot = [] }: TBundleStatsOptions = {},
): Promise<TBundleStats> => {
  const read = typeof source === "string" ? dirReader(source) : source;
  const initial = await initialAssets(read);
  const initialPaths = new Set([...initial.js.files, ...initial.css.files].map((f) => f.path));
  const manifest = await readManifest(read);
  const lazy = manifest ? await lazyGroups(read, manifest, initialPaths) : [];
  const afterBoot = new Set(initialPaths);
  for (const group of lazy.filter((g) => isLoadedAtBoot(g, loadedAtBoot))) {
    for (const file of [...group.js.files, ...group.css.files]) afterBoot.add(file.path);
  }
  const lazyAfterBoot =
    manifest && afterBoot.size > initialPaths.size ? await lazyGroups(read, manifest, afterBoot) : lazy;
  const all = await crawlJs(
    read,
    initial.js.files.map((f) => f.path),
    { followDynamic: true },
  );
  const charts = [...all]
    .filter(([, data]) => RECHARTS_MARKER.test(decoder.decode(data)))
    .map(([path, data]) => sized(path, data));
  return { initial, lazy, lazyAfterBoot, charts: groupOf(charts) };
};
