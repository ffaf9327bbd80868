import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The PostgreSQL client's generation (postinstall, scripts/runtime.ts): the same models as SQLite's, from
// prisma/postgres/schema.prisma, which lib/postgres/schema.ts writes from prisma/schema.prisma.
// Generating needs no server, but the CLI reads DATABASE_URL through env() in the schema, and given
// SQLite's file: URL (npm start sets one) it would fall back to downloading an engine.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/newsdesk";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgres", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgres", "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
