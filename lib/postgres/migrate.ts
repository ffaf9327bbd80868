/**
 * Applies the PostgreSQL migration history (prisma/postgres/migrations/NNNN_name/migration.sql,
 * generated from the same Prisma schema as SQLite's by `npm run db:migration`) and records what it
 * applied. Prisma 6.19's JavaScript engine cannot run `migrate deploy` on PostgreSQL
 * (../shared/STACK.md, trap 4), so this small runner does what it would:
 *
 * - each migration runs in a transaction of its own with its record (PostgreSQL's DDL is
 *   transactional): it lands whole, or not at all and the error names it;
 * - "_newsdesk_migrations" keeps each applied migration's name and checksum; a file changed after it
 *   was applied, or a database that has migrations this code does not know (a newer release
 *   migrated it), stops the start with a clear error instead of guessing;
 * - an advisory lock makes app processes starting together apply each migration once.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ClientConfig } from "pg";
import { withPostgresClient } from "./client";

export const postgresMigrationsDir = path.join(process.cwd(), "prisma", "postgres", "migrations");

/** The advisory lock all Newsdesk processes take while migrating (any fixed number will do). */
const migrationLock = 7_120_481;

export type Migration = { name: string; sql: string; checksum: string };

/** The migrations in `dir`, in order: every folder named NNNN_name with a migration.sql. */
export function readMigrations(dir = postgresMigrationsDir): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+$/.test(name) && fs.existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies what `dir` has and the database lacks; returns the names it applied. */
export async function migratePostgres(connection: string | ClientConfig, { dir = postgresMigrationsDir } = {}): Promise<string[]> {
  const migrations = readMigrations(dir);
  // Ending the session releases the advisory lock too.
  return withPostgresClient(connection, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "_newsdesk_migrations" (
        "name" TEXT PRIMARY KEY,
        "checksum" TEXT NOT NULL,
        "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_newsdesk_migrations" ORDER BY "name"`);
    const known = new Map(migrations.map((migration) => [migration.name, migration]));
    for (const row of rows) {
      const migration = known.get(row.name);
      if (!migration) {
        throw new MigrationError(`The database has migration ${row.name}, which this version of Newsdesk does not know: it was migrated by a newer release.`);
      }
      if (migration.checksum !== row.checksum) {
        throw new MigrationError(`Migration ${row.name} was changed after it was applied: restore the file, and write the change as a new migration.`);
      }
    }
    const applied = new Set(rows.map((row) => row.name));
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_newsdesk_migrations" ("name", "checksum") VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      done.push(migration.name);
    }
    return done;
  });
}

/** Drops everything in the database's public schema, migrations' record included: `npm start -- --fresh`. */
export async function emptyPostgres(connection: string | ClientConfig): Promise<void> {
  await withPostgresClient(connection, (client) => client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"));
}
