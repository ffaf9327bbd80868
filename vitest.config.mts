import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${import.meta.dirname}/` },
      // Domain modules guard against client bundles with "server-only"; under test they run on the server.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Integration suites seed a whole demo newsroom before their tests; on a busy machine that
    // takes longer than the 10 s default.
    hookTimeout: 60_000,
    // A test's own limit catches a hang; it is not a speed check. Some publish two dozen stories,
    // which on a 2-core machine busy with other work took past the 5 s default (2026-12-03).
    testTimeout: 30_000,
    // Two files a core: integration files wait on the database, child processes and the disk as
    // much as they compute, and one a core left a third of this 2-core machine idle (251 s against
    // 163 s for the suite). At most 8, so a large machine does not open more database connections
    // than PostgreSQL's 100.
    maxWorkers: Math.min(2 * os.availableParallelism(), 8),
  },
});
