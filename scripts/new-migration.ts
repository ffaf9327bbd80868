/**
 * Writes a new migration from the change to prisma/schema.prisma since the last migration.
 * `prisma migrate dev` cannot run on SQLite through the JS schema engine (see ../shared/STACK.md,
 * trap 3), so we diff the schema against the copy saved with the previous migration.
 *
 *   npm run db:migration -- add_corrections
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
const migrationsDir = path.join("prisma", "migrations");
const lastSchema = path.join(migrationsDir, "last-schema.prisma");
const numbers = fs
  .readdirSync(migrationsDir)
  .map((entry) => /^(\d{4})_/.exec(entry)?.[1])
  .filter((n): n is string => Boolean(n))
  .map(Number);
const next = String(Math.max(0, ...numbers) + 1).padStart(4, "0");

const from = fs.existsSync(lastSchema) ? ["--from-schema-datamodel", lastSchema] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log("The schema has not changed since the last migration: nothing written.");
  process.exit(0);
}
const dir = path.join(migrationsDir, `${next}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(path.join("prisma", "schema.prisma"), lastSchema);
console.log(`Wrote ${dir}/migration.sql; apply it with npm start (or prisma migrate deploy).`);
