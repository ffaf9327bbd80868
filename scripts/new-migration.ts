/**
 * Writes the next migration for each database from the change to prisma/schema.prisma since the
 * last one: SQLite's (prisma/migrations/NNNN_name) and PostgreSQL's
 * (prisma/postgres/migrations/NNNN_name), each diffed against the schema saved with its previous
 * migration. `prisma migrate dev` cannot run through the JS schema engine (../shared/STACK.md, traps
 * 3 and 4), and each provider's SQL differs, so both come from `prisma migrate diff`.
 *
 *   npm run db:migration -- add_corrections
 *
 * A history may start later than the other: PostgreSQL's begins with the whole schema as it was
 * when the port began (0001_init), not with SQLite's first steps.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { postgresSchema, postgresSchemaFile } from "../lib/postgres/schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}

const schemaFile = path.join("prisma", "schema.prisma");

const histories = [
  { label: "SQLite", dir: path.join("prisma", "migrations"), schema: fs.readFileSync(schemaFile, "utf8") },
  { label: "PostgreSQL", dir: path.join("prisma", "postgres", "migrations"), schema: postgresSchema(fs.readFileSync(schemaFile, "utf8")) },
];

for (const history of histories) {
  fs.mkdirSync(history.dir, { recursive: true });
  const lastSchema = path.join(history.dir, "last-schema.prisma");
  const current = path.join(history.dir, "current-schema.prisma.tmp");
  fs.writeFileSync(current, history.schema);
  const numbers = fs
    .readdirSync(history.dir)
    .map((entry) => /^(\d{4})_/.exec(entry)?.[1])
    .filter((n): n is string => Boolean(n))
    .map(Number);
  const next = String(Math.max(0, ...numbers) + 1).padStart(4, "0");
  const from = fs.existsSync(lastSchema) ? ["--from-schema-datamodel", lastSchema] : ["--from-empty"];
  let sql: string;
  try {
    sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", current, "--script"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
  } finally {
    fs.rmSync(current);
  }
  if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
    console.log(`${history.label}: the schema has not changed since the last migration; nothing written.`);
    continue;
  }
  // The first of a history is its whole schema, whatever the name asked for.
  const dir = path.join(history.dir, `${next}_${numbers.length === 0 ? "init" : name}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.writeFileSync(lastSchema, history.schema);
  console.log(`${history.label}: wrote ${dir}/migration.sql.`);
}
// The PostgreSQL client is generated from its copy of the schema (prisma.postgres.config.ts).
fs.writeFileSync(postgresSchemaFile, postgresSchema(fs.readFileSync(schemaFile, "utf8")));
console.log("npm start applies them (SQLite with prisma migrate deploy, PostgreSQL with lib/postgres/migrate.ts).");
