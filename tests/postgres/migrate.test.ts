/**
 * The PostgreSQL migration runner against a real PostgreSQL server, started in a throwaway folder
 * by lib/postgres/server.ts (Debian's package: initdb and pg_ctl, 127.0.0.1, a free port).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPostgresClient } from "@/lib/postgres/client";
import { MigrationError, migratePostgres, readMigrations } from "@/lib/postgres/migrate";
import { postgresSchema, postgresSchemaFile } from "@/lib/postgres/schema";
import { startPostgres, type PostgresServer } from "@/lib/postgres/server";

let server: PostgresServer;
let databases = 0;

/** A new, empty database on the test server, and its URL. */
const freshDatabase = () => server.createDatabase(`t${++databases}`);

const query = <T extends Record<string, unknown>>(url: string, sql: string, values: unknown[] = []) =>
  withPostgresClient(url, async (client) => (await client.query<T>(sql, values)).rows);

const folders: string[] = [];

/** A migrations folder of our own: name → SQL (removed after the tests). */
function migrationsFolder(migrations: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-migrations-"));
  folders.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the PostgreSQL migration runner", () => {
  it("applies Newsdesk's whole history to an empty database, once", async () => {
    const url = await freshDatabase();
    const names = readMigrations().map((migration) => migration.name);
    expect(names[0]).toBe("0001_init");
    expect(await migratePostgres(url)).toEqual(names);
    expect(await migratePostgres(url)).toEqual([]);
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(["User", "Article", "Revision", "Notification", "EmailOutbox", "_newsdesk_migrations"]));
    const indexes = await query<{ indexname: string }>(url, `SELECT indexname FROM pg_indexes WHERE tablename = 'Article'`);
    expect(indexes.map((row) => row.indexname)).toContain("Article_sectionId_status_publishedAt_liveRevisionId_idx");
    const recorded = await query<{ name: string }>(url, `SELECT "name" FROM "_newsdesk_migrations" ORDER BY "name"`);
    expect(recorded.map((row) => row.name)).toEqual(names);
  });

  it("applies a migration whole or not at all, names the one that failed, and goes on from there once it is fixed", async () => {
    const url = await freshDatabase();
    const dir = migrationsFolder({
      "0001_one": `CREATE TABLE "One" ("id" INTEGER PRIMARY KEY);`,
      "0002_two": `CREATE TABLE "Two" ("id" INTEGER PRIMARY KEY); INSERT INTO "Two" VALUES (1); SELECT * FROM "NoSuchTable";`,
    });
    await expect(migratePostgres(url, { dir })).rejects.toThrow(/Migration 0002_two failed and was rolled back: .*NoSuchTable/);
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.map((row) => row.table_name)).toEqual(["One", "_newsdesk_migrations"]);
    expect(await query(url, `SELECT "name" FROM "_newsdesk_migrations"`)).toEqual([{ name: "0001_one" }]);

    fs.writeFileSync(path.join(dir, "0002_two", "migration.sql"), `CREATE TABLE "Two" ("id" INTEGER PRIMARY KEY);`);
    expect(await migratePostgres(url, { dir })).toEqual(["0002_two"]);
  });

  it("refuses to start on a migration changed after it was applied, or on a database a newer release migrated", async () => {
    const url = await freshDatabase();
    const dir = migrationsFolder({ "0001_one": `CREATE TABLE "One" ("id" INTEGER PRIMARY KEY);` });
    await migratePostgres(url, { dir });
    fs.writeFileSync(path.join(dir, "0001_one", "migration.sql"), `CREATE TABLE "One" ("id" BIGINT PRIMARY KEY);`);
    const changed = migratePostgres(url, { dir });
    await expect(changed).rejects.toBeInstanceOf(MigrationError);
    await expect(changed).rejects.toThrow(/0001_one was changed after it was applied/);

    const older = migrationsFolder({});
    await expect(migratePostgres(url, { dir: older })).rejects.toThrow(/has migration 0001_one, which this version of Newsdesk does not know/);
  });

  it("applies each migration once when several processes start together", async () => {
    const url = await freshDatabase();
    const dir = migrationsFolder({
      "0001_one": `CREATE TABLE "One" ("id" INTEGER PRIMARY KEY);`,
      "0002_two": `CREATE TABLE "Two" ("id" INTEGER PRIMARY KEY);`,
    });
    const results = await Promise.all([migratePostgres(url, { dir }), migratePostgres(url, { dir }), migratePostgres(url, { dir })]);
    expect(results.flat().sort()).toEqual(["0001_one", "0002_two"]);
  });
});

describe("the PostgreSQL history", () => {
  it("is in step with the Prisma schema: a schema change comes with its migration for both databases", () => {
    const schema = fs.readFileSync(path.join("prisma", "schema.prisma"), "utf8");
    const sqliteLast = fs.readFileSync(path.join("prisma", "migrations", "last-schema.prisma"), "utf8");
    const postgresLast = fs.readFileSync(path.join("prisma", "postgres", "migrations", "last-schema.prisma"), "utf8");
    expect(sqliteLast).toBe(schema);
    expect(postgresLast).toBe(postgresSchema(schema));
    expect(fs.readFileSync(postgresSchemaFile, "utf8")).toBe(postgresSchema(schema));
  });
});
