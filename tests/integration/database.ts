/**
 * A real database for one integration test file, with every migration applied and DATABASE_URL
 * (and MEDIA_DIR) pointing at it. Call it before importing any module that opens the database.
 *
 * - SQLite (the default): a new temporary file, migrated exactly as `prisma migrate deploy` would.
 * - PostgreSQL, when the test script gives NEWSDESK_TEST_POSTGRES (the URL of a server it started
 *   in a throwaway folder, see scripts/test.ts): a new database copied from the migrated template
 *   database `newsdesk_template`, which the script made with lib/postgres/migrate.ts.
 */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { postgresBin } from "@/lib/postgres/server";

export const postgresTemplate = "newsdesk_template";

/** Whether this run is the suite on PostgreSQL. */
export const onPostgres = Boolean(process.env.NEWSDESK_TEST_POSTGRES);

let made = 0;

/** This file's throwaway folders, removed once its tests are done (hooks run last-registered first, so after the file's own). */
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

export function freshDatabase(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-it-"));
  folders.push(folder);
  // The seed draws the demo pictures into the media library: keep them beside this database.
  process.env.MEDIA_DIR = path.join(folder, "media");
  const server = process.env.NEWSDESK_TEST_POSTGRES;
  if (server) {
    const name = `it_${process.pid}_${++made}`;
    execFileSync(path.join(postgresBin()!, "psql"), ["--no-psqlrc", "-q", "-v", "ON_ERROR_STOP=1", "-d", server, "-c", `CREATE DATABASE "${name}" TEMPLATE ${postgresTemplate}`]);
    process.env.DATABASE_URL = server.replace(/\/[^/]*$/, `/${name}`);
    return process.env.DATABASE_URL;
  }
  const file = path.join(folder, "test.db");
  const sqlite = new Database(file);
  const migrations = path.resolve("prisma", "migrations");
  for (const entry of fs.readdirSync(migrations).filter((name) => /^\d{4}_/.test(name)).sort()) {
    sqlite.exec(fs.readFileSync(path.join(migrations, entry, "migration.sql"), "utf8"));
  }
  sqlite.close();
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}
