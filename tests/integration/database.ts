/**
 * A real SQLite database for one integration test file: a new temporary file with every migration
 * applied, exactly as `prisma migrate deploy` would, and DATABASE_URL (and MEDIA_DIR) pointing at it. Call it
 * before importing any module that opens the database.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function freshDatabase(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-it-")), "test.db");
  const sqlite = new Database(file);
  const migrations = path.resolve("prisma", "migrations");
  for (const entry of fs.readdirSync(migrations).filter((name) => /^\d{4}_/.test(name)).sort()) {
    sqlite.exec(fs.readFileSync(path.join(migrations, entry, "migration.sql"), "utf8"));
  }
  sqlite.close();
  process.env.DATABASE_URL = `file:${file}`;
  // The seed draws the demo pictures into the media library: keep them beside this database.
  process.env.MEDIA_DIR = path.join(path.dirname(file), "media");
  return file;
}
