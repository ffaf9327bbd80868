import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseFile, databaseProvider, databaseUrl, defaultDatabaseUrl } from "./lib/database-url";
import { NewsdeskSQLiteAdapter } from "./lib/sqlite/adapter";

// The CLI reads DATABASE_URL through env() in the schema; give it our default so it never falls back
// to downloading a native schema engine (see ../shared/STACK.md, trap 2).
// With a postgres:// DATABASE_URL this config only generates SQLite's client (the default file
// stands in); PostgreSQL's is prisma.postgres.config.ts.
const url = databaseProvider() === "sqlite" ? databaseUrl() : defaultDatabaseUrl;
process.env.DATABASE_URL = url;
// Readable by its owner only (scripts/runtime.ts says why).
fs.mkdirSync(path.dirname(databaseFile(url)), { recursive: true, mode: 0o700 });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // The same connection set-up as the app (WAL, busy timeout): lib/sqlite/adapter.ts.
  adapter: async () => new NewsdeskSQLiteAdapter(url),
});
