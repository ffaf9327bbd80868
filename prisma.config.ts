import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseFile, databaseUrl } from "./lib/database-url";
import { NewsdeskSQLiteAdapter } from "./lib/sqlite/adapter";

// The CLI reads DATABASE_URL through env() in the schema; give it our default so it never falls back
// to downloading a native schema engine (see ../shared/STACK.md, trap 2).
process.env.DATABASE_URL = databaseUrl();
// Readable by its owner only (scripts/runtime.ts says why).
fs.mkdirSync(path.dirname(databaseFile()), { recursive: true, mode: 0o700 });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // The same connection set-up as the app (WAL, busy timeout): lib/sqlite/adapter.ts.
  adapter: async () => new NewsdeskSQLiteAdapter(databaseUrl()),
});
