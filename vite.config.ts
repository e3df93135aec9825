import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@": src } },
  build: { outDir: "dist/client", sourcemap: false, target: "es2022" },
  server: { host: "127.0.0.1", proxy: { "/api": "http://127.0.0.1:8080" } },
  test: {
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
          setupFiles: ["src/test/setup-ui.ts"],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
