// npm run test:faults — crashes, database restarts, WeChat outages and two instances, against the
// real app in child processes. One file at a time: each starts its own PostgreSQL and app(s).
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
    },
  },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/faults/harness/build.ts"],
    // Generous: the suite must pass on a loaded 2-core machine; each wait inside has its own bound.
    testTimeout: 420_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
