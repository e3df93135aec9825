import { execFile } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { IConfiguration } from "dependency-cruiser";
import { repoRoot } from "./server-process";

/*
 * Each rule of .dependency-cruiser.mjs fails on a planted violation: the test writes files that break the
 * rules (several ways of spelling the same forbidden import: the `@/` alias, a relative path, a scoped
 * package, a Node built-in), runs `npm run lint:deps` as `npm test` does and expects every planted file to
 * be reported under the rule it breaks, and nothing else to be reported. The files are removed after.
 */

/** Files that break `rule` together (most probes are one file; a cycle needs two). */
type TProbe = { rule: string; files: { path: string; source: string }[] };

const PREFIX = `zz-layer-probe-${process.pid}`;
const probe = (dir: string, name: string, rule: string, source: string): TProbe => ({
  rule,
  files: [{ path: `${dir}/${PREFIX}-${name}`, source }],
});

const PROBES: TProbe[] = [
  {
    // A cycle of type-only imports is a cycle too.
    rule: "no-circular",
    files: [
      {
        path: `src/lib/${PREFIX}-cycle-a.ts`,
        source: `import type { TB } from "./${PREFIX}-cycle-b";\nexport type TA = TB[];\n`,
      },
      {
        path: `src/lib/${PREFIX}-cycle-b.ts`,
        source: `import type { TA } from "./${PREFIX}-cycle-a";\nexport type TB = { a: TA };\n`,
      },
    ],
  },
  probe("src/lib", "unresolvable.ts", "not-to-unresolvable", `import "@/lib/no-such-module";\n`),
  // Installed (dependency-cruiser brings it) but not in package.json.
  probe("scripts", "undeclared.ts", "not-to-undeclared-package", `import "enhanced-resolve";\n`),
  probe("src/shared", "alias.ts", "shared-imports-only-shared-and-zod", `import "@/server/app";\n`),
  probe(
    "src/shared",
    "relative.ts",
    "shared-imports-only-shared-and-zod",
    `import "../features/auth/api/queries";\n`,
  ),
  probe("src/shared", "scoped.ts", "shared-imports-only-shared-and-zod", `import "@tanstack/react-query";\n`),
  probe("src/shared", "builtin.ts", "shared-imports-only-shared-and-zod", `import "node:fs";\n`),
  probe("src/shared", "package.ts", "shared-imports-only-shared-and-zod", `import "react";\n`),
  probe("src/shared", "tools.test.ts", "shared-tests-import-only-test-tools", `import "hono";\n`),
  probe(
    "src/shared",
    "validator.test.ts",
    "openapi-validator-only-in-its-test",
    `import "@readme/openapi-parser";\n`,
  ),
  probe("src/server", "ui.ts", "server-not-to-ui", `import "@/lib/api-client";\n`),
  probe("src/server", "ui-package.ts", "server-not-to-ui", `import "react-router";\n`),
  probe("src/server", "mocks.ts", "server-not-to-mocks", `import "../mocks/store";\n`),
  probe("src/mocks", "server.ts", "client-not-to-server", `import type { TDb } from "@/server/db/types";\n`),
  probe("src/features/audit", "server.ts", "client-not-to-server", `import "../../server/app";\n`),
  probe("src/components", "hono.ts", "client-not-to-server-packages", `import "hono";\n`),
  probe("src/app", "builtin.ts", "client-not-to-node-builtins", `import "node:path";\n`),
  probe("src/i18n", "lib.ts", "i18n-not-to-lib-components-features-app", `import "@/lib/api-client";\n`),
  probe(
    "src/lib",
    "components.ts",
    "lib-not-to-components-features-app",
    `import "@/components/page-header";\n`,
  ),
  probe(
    "src/components",
    "features.ts",
    "components-not-to-features-app",
    `import "@/features/auth/components/roles";\n`,
  ),
  probe(
    "src/features/audit",
    "other-feature.ts",
    "features-not-to-other-features",
    `import "../incidents/api/queries";\n`,
  ),
  probe("src/features/audit", "app.ts", "features-not-to-app", `import "@/app/providers";\n`),
  probe("src/features/audit", "mocks.ts", "ui-not-to-mocks", `import "@/mocks/store";\n`),
  probe("src/mocks", "ui.ts", "mocks-not-to-ui", `import "@/i18n/catalog";\n`),
  probe("src/lib", "test-helper.ts", "only-tests-import-test-code", `import "@/test/render";\n`),
  probe("src/server", "dev-dependency.ts", "shipped-not-to-dev-dependencies", `import "fast-check";\n`),
  probe("src/server", "tooling.ts", "src-not-to-tooling", `import "../../scripts/free-port";\n`),
];

type TViolation = { rule: string; from: string };

/** `npm run lint:deps` as `npm test` runs it: its exit code and the violations its report names. */
const lintDeps = async () => {
  const { exitCode, stdout } = await promisify(execFile)("npm", ["run", "--silent", "lint:deps"], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout }) => ({ exitCode: 0, stdout }),
    (error: { code?: number; stdout?: string }) => ({
      exitCode: error.code ?? -1,
      stdout: error.stdout ?? "",
    }),
  );
  // Each violation starts a line: `error <rule>: <from> → <to>` (a cycle goes on over the next lines).
  const violations: TViolation[] = [...stdout.matchAll(/^\s*error (\S+): (\S+) →/gm)].map((m) => ({
    rule: m[1] ?? "",
    from: m[2] ?? "",
  }));
  return { exitCode, violations, stdout };
};

describe("npm run lint:deps", () => {
  it("names the rule each planted file breaks, and nothing else", async () => {
    const files = PROBES.flatMap((p) => p.files);
    try {
      for (const f of files) await writeFile(join(repoRoot, f.path), f.source, { flag: "wx" });
      const { exitCode, violations, stdout } = await lintDeps();

      expect(exitCode, `the check fails:\n${stdout}`).not.toBe(0);
      for (const p of PROBES) {
        const paths = p.files.map((f) => f.path);
        const found = violations.filter((v) => paths.includes(v.from)).map((v) => v.rule);
        expect(found, p.files.map((f) => `${f.path}: ${f.source.trim()}`).join("\n")).toContain(p.rule);
      }
      const unplanted = violations.filter((v) => !v.from.includes(PREFIX));
      expect(unplanted, "violations outside the planted files").toEqual([]);
    } finally {
      await Promise.all(files.map((f) => rm(join(repoRoot, f.path), { force: true })));
    }
  });

  it("has a planted violation for every rule", async () => {
    const config = join(repoRoot, ".dependency-cruiser.mjs");
    const { default: rules } = (await import(pathToFileURL(config).href)) as { default: IConfiguration };
    const planted = new Set(PROBES.map((p) => p.rule));
    expect((rules.forbidden ?? []).map((r) => r.name).filter((name) => !planted.has(name ?? ""))).toEqual([]);
  });
});
