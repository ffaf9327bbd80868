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
  },
});
