/*
 * The layers of the code base, checked on resolved paths by dependency-cruiser: `npm run lint:deps`, part
 * of `npm test` (scripts/depcruise-swc-tsx.cjs says why it runs through that file).
 *
 * Every import is resolved the way the build resolves it — the `@/` alias through tsconfig.json's
 * `paths`, relative paths, packages through node_modules — so a rule is about the file an import
 * reaches, never about how the import is spelled: `@/server/x`, `../../server/x` and a scoped package
 * are all caught. A rule names folders of the repository (`^src/server/`) and packages by where they are
 * installed (`^node_modules/zod/`).
 *
 * The flow, lowest first (README, "Layout"):
 *
 *   src/shared → src/i18n → src/lib → src/components → src/features/<one> → src/app, src/main.tsx
 *   src/shared → src/server            src/shared → src/mocks
 *
 * Type-only imports count like any other: a type that crosses a layer ties the two layers together all
 * the same, and a cycle of types is still a cycle (a module cannot be read, moved or tested alone).
 *
 * Tests may reach further than the code they test where that is their point; each such case is named in
 * its rule. scripts/layers.test.ts plants a file that breaks each rule and expects the checker to
 * name the rule.
 */

const TEST = "\\.test\\.tsx?$";
/** The browser app and what only serves it: its test helpers (src/test). */
const UI = "^src/(app|features|components|lib|i18n|test)/|^src/main\\.tsx$";
/** Everything that runs in the browser: the app, and the MSW mocks (`npm run dev:mock`). */
const CLIENT = [UI, "^src/mocks/"];
const SERVER_PACKAGES = "^node_modules/(pg|pg-[^/]+|@electric-sql/pglite|hono|@hono/[^/]+)/";
const UI_PACKAGES = "^node_modules/(react|react-dom|react-router|@tanstack/react-query|recharts)/";

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "No import cycle anywhere, type-only and dynamic imports included: a cycle hides which module " +
        "comes first, and none of its modules can be understood, moved or tested alone.",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment:
        "Every import resolves to a file of ours or an installed package: an import the checker cannot " +
        "resolve would slip past every other rule.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "not-to-undeclared-package",
      severity: "error",
      comment:
        "A package we import is in package.json: one that is only there because another package brought it " +
        "can disappear with any update of that package.",
      from: {},
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "shared-imports-only-shared-and-zod",
      severity: "error",
      comment:
        "src/shared runs in the browser and in Node: it imports other shared modules and zod, nothing " +
        "else — no Node built-in, no other package, nothing of ours outside src/shared.",
      from: { path: "^src/shared/", pathNot: TEST },
      to: { pathNot: ["^src/shared/", "^node_modules/zod/"] },
    },
    {
      name: "shared-tests-import-only-test-tools",
      severity: "error",
      comment:
        "Tests of src/shared add only test tools to what shared code imports: vitest, fast-check and the " +
        "OpenAPI validator (for openapi.test.ts alone, see the next rule).",
      from: { path: "^src/shared/.+\\.test\\.ts$" },
      to: {
        pathNot: [
          "^src/shared/",
          "^node_modules/(zod|vitest|@vitest/[^/]+|fast-check|@readme/openapi-parser)/",
        ],
      },
    },
    {
      name: "openapi-validator-only-in-its-test",
      severity: "error",
      comment:
        "@readme/openapi-parser proves that the document the shared builder makes is valid OpenAPI: a test " +
        "exception for src/shared/openapi.test.ts alone, which stays beside the builder it tests (the " +
        "server and the mocks only serve the document). Nothing else imports the validator.",
      from: { pathNot: "^src/shared/openapi\\.test\\.ts$" },
      to: { path: "^node_modules/@readme/openapi-parser/" },
    },
    {
      name: "server-not-to-ui",
      severity: "error",
      comment:
        "The server never imports the browser app (app, features, components, lib, i18n, main.tsx, the UI " +
        "test helpers) nor a UI package: what both need lives in src/shared.",
      from: { path: "^src/server/" },
      to: { path: [UI, UI_PACKAGES] },
    },
    {
      name: "server-not-to-mocks",
      severity: "error",
      comment:
        "The server never imports the MSW mocks. Its tests may: the contract, parity, property and " +
        "authorisation suites send the same requests to both and require the same answers.",
      from: { path: "^src/server/", pathNot: TEST },
      to: { path: "^src/mocks/" },
    },
    {
      name: "client-not-to-server",
      severity: "error",
      comment:
        "Client code (app, features, components, lib, i18n, the mocks, the UI test helpers, main.tsx) never " +
        "imports the server: what both need lives in src/shared.",
      from: { path: CLIENT },
      to: { path: "^src/server/" },
    },
    {
      name: "client-not-to-server-packages",
      severity: "error",
      comment: "Client code never imports the server's packages (pg, PGlite, Hono).",
      from: { path: CLIENT },
      to: { path: SERVER_PACKAGES },
    },
    {
      name: "client-not-to-node-builtins",
      severity: "error",
      comment: "Client code never imports Node's built-in modules: the browser has none of them.",
      from: { path: CLIENT },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "i18n-not-to-lib-components-features-app",
      severity: "error",
      comment:
        "src/i18n (the catalogs, the provider, number and date formats) sits right above src/shared: lib, " +
        "components and features read their strings from it, so it imports none of them.",
      from: { path: "^src/i18n/", pathNot: TEST },
      to: { path: "^src/(app|features|components|lib|mocks)/|^src/main\\.tsx$" },
    },
    {
      name: "lib-not-to-components-features-app",
      severity: "error",
      comment:
        "src/lib (the API client, queries every page shares, hooks, helpers) sits below components, " +
        "features and the app: it imports none of them. Its tests may render components.",
      from: { path: "^src/lib/", pathNot: TEST },
      to: { path: "^src/(app|features|components)/|^src/main\\.tsx$" },
    },
    {
      name: "components-not-to-features-app",
      severity: "error",
      comment: "Shared components sit below the features and the app: they import neither.",
      from: { path: "^src/components/", pathNot: TEST },
      to: { path: "^src/(app|features)/|^src/main\\.tsx$" },
    },
    {
      name: "features-not-to-other-features",
      severity: "error",
      comment:
        "A feature never imports another feature: the app composes them (a route hands one feature's " +
        "component to another), and what several need moves down to components, lib or shared.",
      from: { path: "^src/features/([^/]+)/" },
      to: { path: "^src/features/", pathNot: "^src/features/$1/" },
    },
    {
      name: "features-not-to-app",
      severity: "error",
      comment: "Features sit below the app: they never import it.",
      from: { path: "^src/features/" },
      to: { path: "^src/app/|^src/main\\.tsx$" },
    },
    {
      name: "ui-not-to-mocks",
      severity: "error",
      comment:
        "The app never imports the mocks, which stand in for the server in tests and in mock mode. Tests " +
        "may (the MSW server answers their requests); so may main.tsx and the sign-in route, each behind " +
        "the mock-mode build flag, so a production build drops them.",
      from: {
        path: "^src/(app|features|components|lib|i18n)/",
        pathNot: [TEST, "^src/app/routes/sign-in\\.tsx$"],
      },
      to: { path: "^src/mocks/" },
    },
    {
      name: "mocks-not-to-ui",
      severity: "error",
      comment: "The mocks stand in for the server: like it, they import shared code, never the UI.",
      from: { path: "^src/mocks/" },
      to: { path: [UI, UI_PACKAGES] },
    },
    {
      name: "only-tests-import-test-code",
      severity: "error",
      comment:
        "Test files and the test helpers (src/test, src/server/test) are for tests and tooling only: no " +
        "module that ships imports them.",
      from: { pathNot: [TEST, "^src/test/", "^src/server/test/", "^scripts/", "^e2e/"] },
      to: { path: [TEST, "^src/test/", "^src/server/test/"] },
    },
    {
      name: "shipped-not-to-dev-dependencies",
      severity: "error",
      comment:
        "What ships (the app, shared code, the server) imports only packages of `dependencies`: `npm ci " +
        "--omit=dev` must be enough to run it. Tests, test helpers and the mocks use devDependencies.",
      from: {
        path: "^src/(app|features|components|lib|i18n|shared|server)/|^src/main\\.tsx$",
        pathNot: [TEST, "^src/server/test/"],
      },
      to: { dependencyTypes: ["npm-dev"] },
    },
    {
      name: "src-not-to-tooling",
      severity: "error",
      comment:
        "The app and the server never import the build and test tooling of scripts/ and e2e/ (tests may: " +
        "they run those scripts).",
      from: { path: "^src/", pathNot: TEST },
      to: { path: "^(scripts|e2e)/" },
    },
  ],
  options: {
    // Our code is cruised; packages are where a dependency ends (their path is what the rules look at).
    doNotFollow: { path: "^node_modules/" },
    exclude: { path: "^(dist|test-results|playwright-report|public)/" },
    // tsconfig.json's `paths` (`@/*` → `src/*`), read by tsconfig-paths (TypeScript 7 has no compiler API).
    tsConfig: { fileName: "tsconfig.json" },
    parser: "swc",
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
  },
};
