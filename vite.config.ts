import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import type { PluginOption } from "vite";
import { defineConfig, type ViteUserConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));

const clientBuild: ViteUserConfig["build"] = {
  outDir: "dist/client",
  sourcemap: false,
  target: "es2022",
  manifest: true,
  // Every browser the board uses supports modulepreload: no polyfill in the entry.
  modulePreload: { polyfill: false },
  rolldownOptions: {
    output: {
      /*
       * Few files for the first screen (each is a request, and HTTP/1.1 has six connections): the
       * contract with every schema in one chunk, each language's first-screen strings in one, the
       * overview with the deadlines and the bar charts it shows in one, the progress chart (recharts)
       * in one, and the small modules every page shares in one. Other pages keep their own chunks.
       */
      codeSplitting: {
        groups: [
          {
            /*
             * The entry's largest packages in files of their own, which public/after-paint.js runs one
             * task at a time on a page the server drew: one module graph runs in one task, and all of it
             * at once blocked the main thread for over 100 ms at 4× CPU (issue 10).
             */
            name: (id: string) => {
              if (/node_modules[\\/](react-dom|scheduler)[\\/]/.test(id)) return "react-dom";
              // React's start (src/lib/react-root.ts) in a task of its own, after its code is in.
              if (/src[\\/]lib[\\/]react-root\.ts$/.test(id)) return "react-start";
              return null;
            },
            tags: ["$initial"],
            priority: 60,
          },
          {
            // Everything else the entry imports statically, in one file: one request, one gzip stream.
            name: "boot",
            tags: ["$initial"],
            priority: 50,
          },
          {
            name: "contract",
            test: /node_modules[\\/]zod[\\/]|src[\\/]shared[\\/](contract\.ts|schemas[\\/])/,
            includeDependenciesRecursively: false,
            priority: 40,
          },
          {
            name: "charts",
            test: /node_modules[\\/](recharts|d3-[\w-]+|victory-vendor|decimal\.js-light|es-toolkit|immer|reselect|redux|redux-thunk|@reduxjs[\\/]toolkit|react-redux|eventemitter3|tiny-invariant|clsx|use-sync-external-store|react-is)[\\/]|src[\\/]features[\\/]overview[\\/]components[\\/](corrections-chart|chart-plot)\.tsx$/,
            includeDependenciesRecursively: false,
            priority: 30,
          },
          {
            // The first screen's strings of one language; the Japanese common words are in the entry.
            name: (id: string) => {
              const m = /src[\\/]i18n[\\/](ja|en)[\\/](common|domain|auth|overview|deadlines)\.ts$/.exec(id);
              if (!m || (m[1] === "ja" && (m[2] === "common" || m[2] === "domain"))) return null;
              return `strings-${m[1]}`;
            },
            priority: 20,
          },
          {
            /*
             * The small modules the overview shares with other pages: one file, not a dozen requests. Named
             * one by one, because a rule by folder would bring in modules that import the contract (zod) or
             * the form library, which the overview never needs.
             */
            name: "common",
            test: /src[\\/](shared[\\/](values|dates|first-screen|csv|figure-key)|components[\\/](page-header|not-reported|figure-value|data-table|outside-mark|source-column|source-ref)|lib[\\/](use-url-filters|use-reference-names|milestones))\.tsx?$/,
            includeDependenciesRecursively: false,
            priority: 5,
          },
          {
            name: "overview-parts",
            test: /src[\\/]features[\\/](overview[\\/]|deadlines[\\/](api[\\/]queries|components[\\/](deadlines-panel|deadline-parts))\.tsx?$)/,
            includeDependenciesRecursively: false,
            priority: 10,
          },
        ],
      },
    },
  },
};

/*
 * V8's compile hint for the charts' chunk and React's: every function in them is compiled as the file
 * arrives (off the main thread, while it streams in), not one by one as they are first called. The first
 * chart's task was ~20 ms longer than the next ones'; React's start (src/lib/react-root.ts) took 14–35 ms
 * at 1× without it, 14–19 ms with it (six loads each, side by side). After minifying, so the comment
 * stays first.
 */
const EAGER_CHUNKS = new Set(["charts", "react-dom"]);
const compileEagerly: PluginOption = {
  name: "compile-eagerly",
  apply: "build",
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== "chunk" || !EAGER_CHUNKS.has(chunk.name)) continue;
      chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
    }
  },
};

const test: ViteUserConfig["test"] = {
  globals: true,
  restoreMocks: true,
  projects: [
    {
      extends: true,
      test: {
        name: "node",
        environment: "node",
        include: [
          "src/server/**/*.test.ts",
          "src/shared/**/*.test.ts",
          "src/mocks/**/*.test.ts",
          "scripts/**/*.test.ts",
        ],
        setupFiles: [],
        testTimeout: 60_000,
        hookTimeout: 120_000,
      },
    },
    {
      // Faults that disturb everything else on the machine (a real PostgreSQL restart): run alone, after.
      extends: true,
      test: {
        name: "faults",
        environment: "node",
        include: ["src/server/pg-faults.test.ts"],
        env: { VITEST_PROJECT_FAULTS: "1" },
        testTimeout: 180_000,
        hookTimeout: 120_000,
        fileParallelism: false,
      },
    },
    {
      // The first screen drawn on the server (src/app/render-first-screen.tsx): app code, in Node.
      extends: true,
      test: {
        name: "ssr",
        environment: "node",
        include: ["src/app/**/*.ssr.test.{ts,tsx}"],
        setupFiles: ["src/test/setup-ssr.ts"],
        testTimeout: 20_000,
      },
    },
    {
      extends: true,
      test: {
        name: "ui",
        environment: "jsdom",
        include: [
          "src/app/**/*.test.{ts,tsx}",
          "src/features/**/*.test.{ts,tsx}",
          "src/components/**/*.test.{ts,tsx}",
          "src/lib/**/*.test.{ts,tsx}",
          "src/i18n/**/*.test.{ts,tsx}",
        ],
        exclude: ["**/*.ssr.test.{ts,tsx}", "**/node_modules/**"],
        setupFiles: ["src/test/setup-ui.ts"],
        testTimeout: 20_000,
      },
    },
  ],
};

/*
 * Two builds: the browser's (dist/client, with the manifest the server reads to link the first screen's
 * styles) and, with `--ssr src/app/render-first-screen.tsx`, the module the server draws the first screen
 * with (dist/ssr; its packages stay in node_modules).
 */
/*
 * react-router's package exports only its development build (warnings and checks kept); the builds
 * (the browser's and the server's, which must draw the same markup) take the production one it ships
 * beside it: the same API, smaller.
 */
const reactRouterProduction = fileURLToPath(
  new URL("./node_modules/react-router/dist/production/index.mjs", import.meta.url),
);

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [react(), compileEagerly],
  resolve: {
    alias: [
      { find: "@", replacement: src },
      ...(command === "build" && !isSsrBuild
        ? [{ find: /^react-router$/, replacement: reactRouterProduction }]
        : []),
    ],
  },
  build: isSsrBuild
    ? { outDir: "dist/ssr", sourcemap: false, target: "node20", emptyOutDir: true, copyPublicDir: false }
    : clientBuild,
  server: { host: "127.0.0.1", proxy: { "/api": "http://127.0.0.1:8080" } },
  test,
}));
