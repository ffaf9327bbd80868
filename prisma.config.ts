import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFile, databaseUrl } from "./lib/database-url";

// The CLI reads DATABASE_URL through env() in the schema; give it our default so it never falls back
// to downloading a native schema engine (see ../shared/STACK.md, trap 2).
process.env.DATABASE_URL = databaseUrl();
fs.mkdirSync(path.dirname(databaseFile()), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
});
