import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readCookie } from "@/server/auth/cookies";
import { LANG_COOKIE, type TBootData } from "@/shared/boot-key";

/*
 * The first screen drawn on the server: the app's own components, built for Node by
 * `vite build --ssr src/app/render-first-screen.tsx` (see package.json), turn the answers already going
 * into the HTML (src/server/boot.ts) into the page's markup, so the board reads the headline figures as
 * soon as the HTML and its styles arrive, before any script has run. docs/boot.md says why and what it
 * costs. The server never imports app code: it loads the built module, and without one (a build made
 * before, a test) the page is drawn in the browser as before.
 */

export type TLang = "ja" | "en";

/** What the built module exports (src/app/render-first-screen.tsx). */
export type TFirstScreenModule = {
  renderFirstScreen: (input: { url: string; boot: TBootData; lang: TLang }) => Promise<string | null>;
  /** The source file of the page it draws: its styles (from the client build's manifest) go in the head. */
  FIRST_SCREEN_MODULE: string;
  /** The source files of the code the page runs once the app starts (its route, its data), as above. */
  FIRST_SCREEN_CODE: string[];
};

/** Draws a signed-in reader's first screen: markup and the styles it needs, or null (drawn in the browser). */
export type TFirstScreenRenderer = (input: {
  url: string;
  boot: TBootData;
  lang: TLang;
}) => Promise<TDrawnPage | null>;

/** A page drawn on the server: its markup, the styles it needs to paint, the scripts the app will run. */
export type TDrawnPage = { markup: string; styles: string[]; scripts: string[]; lang: TLang };

/** The reader's language, from the cookie the language toggle writes: Japanese unless it says English. */
export const langOf = (cookieHeader: string | undefined): TLang =>
  readCookie(cookieHeader, LANG_COOKIE) === "en" ? "en" : "ja";

type TManifestChunk = {
  file?: string;
  name?: string;
  isEntry?: boolean;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
};
type TManifest = Record<string, TManifestChunk>;

/**
 * Walks the chunks that `keys` import statically (themselves included), each once across calls sharing
 * `seen`, as the build's manifest lists them. `onChunk` returns false to leave a chunk's imports out.
 */
const walkStatic = (
  manifest: TManifest,
  keys: string[],
  seen: Set<string>,
  onChunk: (chunk: TManifestChunk) => boolean,
) => {
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk || !onChunk(chunk)) return;
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
};

/**
 * The stylesheets a module of the client build needs (its own and those of every module it imports
 * statically), as the build's manifest lists them: the page's styles must be there before its markup
 * paints, or the page would move when they arrive.
 */
export const stylesOf = (manifest: TManifest, module: string) => {
  const styles = new Set<string>();
  walkStatic(manifest, [module], new Set(), (chunk) => {
    for (const css of chunk.css ?? []) styles.add(`/${css}`);
    return true;
  });
  return [...styles];
};

/**
 * The scripts the app runs for a page, beside its entry, as the build's manifest lists them: the page's
 * modules with what they import statically, the code they load at once (the charts) and the strings of
 * the reader's language (the chunk named `strings-<lang>` in vite.config.ts). The browser fetches them
 * together once the drawn page is on the screen, instead of one step after another as the app runs.
 */
export const scriptsOf = (manifest: TManifest, modules: string[], lang: TLang) => {
  const scripts = new Set<string>();
  const seen = new Set<string>();
  const later: string[] = [];
  // The entry is the page's own script, with what it imports: never listed here.
  const take = (collectLater: boolean) => (chunk: TManifestChunk) => {
    if (chunk.isEntry) return false;
    if (chunk.file) scripts.add(`/${chunk.file}`);
    // One step of import() from the page's own code (its charts), not from what that code loads.
    if (collectLater) later.push(...(chunk.dynamicImports ?? []));
    return true;
  };
  walkStatic(manifest, modules, seen, take(true));
  const strings = Object.entries(manifest).find(([, chunk]) => chunk.name === `strings-${lang}`);
  if (strings) walkStatic(manifest, [strings[0]], seen, take(false));
  // What the page's code loads itself comes last: the figures' code first, then the charts'.
  walkStatic(manifest, later, seen, take(false));
  return [...scripts];
};

/**
 * The renderer for a build: the server module in `ssrDir` and the client manifest in `staticDir`. Null
 * when either is missing (the page is then drawn in the browser). A render that fails is logged and
 * the page is drawn in the browser: the figures never depend on it.
 */
export const loadFirstScreenRenderer = async (
  ssrDir: string,
  staticDir: string,
  log: (message: string) => void,
): Promise<TFirstScreenRenderer | null> => {
  const modulePath = resolve(ssrDir, "render-first-screen.js");
  const manifestPath = join(staticDir, ".vite", "manifest.json");
  if (!existsSync(modulePath) || !existsSync(manifestPath)) return null;
  let module: TFirstScreenModule;
  try {
    module = (await import(pathToFileURL(modulePath).href)) as TFirstScreenModule;
  } catch (error) {
    // A build that cannot load (its packages not found from where it lies) must not stop the server.
    log(`the first screen's server build did not load (the browser draws it): ${String(error)}`);
    return null;
  }
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as TManifest;
  const styles = stylesOf(manifest, module.FIRST_SCREEN_MODULE);
  const scripts = {
    ja: scriptsOf(manifest, module.FIRST_SCREEN_CODE, "ja"),
    en: scriptsOf(manifest, module.FIRST_SCREEN_CODE, "en"),
  };
  return async (input) => {
    try {
      const markup = await module.renderFirstScreen(input);
      return markup === null ? null : { markup, styles, scripts: scripts[input.lang], lang: input.lang };
    } catch (error) {
      log(
        `drawing the first screen failed (the browser draws it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return null;
    }
  };
};

/** Runs the app's entry once the page the server drew has painted (in public/, so served as it is). */
export const AFTER_PAINT_SCRIPT = "/after-paint.js";
const MODULE_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const MODULE_PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;

/**
 * index.html with the page drawn in it: the markup inside the root element and the page's styles in
 * the head (so it paints styled, and nothing moves when the app takes over). The app's code is fetched
 * and run only once the page is on the screen (public/after-paint.js): with the figures already in the
 * HTML, code must not compete with the styles the page needs to paint, nor run before it paints. Then the page's own
 * chunks are fetched with the entry, not one step after another as the app runs.
 */
export const withFirstScreen = (html: string, drawn: TDrawnPage) => {
  const root = '<div id="root"></div>';
  if (!html.includes(root)) return html;
  // What the built index.html already links (the entry's styles) is not linked twice.
  const head = drawn.styles
    .filter((href) => !html.includes(`"${href}"`))
    .map((href) => `<link rel="stylesheet" crossorigin href="${href}">`)
    .join("");
  // The app's modules are fetched and run by public/after-paint.js once the drawn page is on the screen.
  const deps = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1] as string);
  const app = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1] as string);
  const preload = drawn.scripts.filter((src) => !deps.includes(src));
  // Last in the body, a classic script: it runs once the styles are in and the whole page is parsed.
  const loader =
    `<script src="${AFTER_PAINT_SCRIPT}" data-app="${app.join(" ")}" data-deps="${deps.join(" ")}" ` +
    `data-preload="${preload.join(" ")}"></script>`;
  const end = html.lastIndexOf("</body>");
  const withLoader = end === -1 ? `${html}${loader}` : `${html.slice(0, end)}${loader}${html.slice(end)}`;
  return (
    withLoader
      // The page is in the reader's language from the start (the app sets it too, once it runs).
      .replace(/<html lang="[^"]*"/, `<html lang="${drawn.lang}"`)
      .replace(MODULE_PRELOAD, "")
      .replace(MODULE_SCRIPT, "")
      .replace("</head>", () => `${head}</head>`)
      // Last, so nothing above looks into the record's text; a function, so a `$&` in it stays as written.
      // Busy until the app has adopted it and drawn the rest (src/app/start.tsx): its links work, its
      // controls not yet.
      .replace(root, () => `<div id="root" aria-busy="true">${drawn.markup}</div>`)
  );
};
