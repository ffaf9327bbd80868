/**
 * A PostgreSQL database into a backup and back (scripts/backup.ts, scripts/restore.ts), with
 * Debian's own tools from the same folder as the server's (lib/postgres/server.ts): `pg_dump` in
 * its custom format (one consistent snapshot, however many writes go on; compressed), checked by
 * `pg_restore --list` before it is archived, and restored by `pg_restore` in one transaction that
 * stops at the first error, so a restore lands whole or not at all.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { withPostgresClient } from "./client";
import { postgresBin } from "./server";

const run = promisify(execFile);

function tool(name: string): string {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL's tools are not installed: apt-get install -y postgresql-client (or set NEWSDESK_PG_BIN).");
  return path.join(bin, name);
}

/** Dumps the database at `url` into `file` and checks that the dump reads back. */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  await run(tool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", url]);
  await run(tool("pg_restore"), ["--list", file], { maxBuffer: 64 * 1024 * 1024 });
}

/** Whether the database at `url` holds no tables of its own (restoring never overwrites). */
export async function isEmptyPostgres(url: string): Promise<boolean> {
  const { rows } = await withPostgresClient(url, (client) => client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`));
  return rows.length === 0;
}

/** Restores a dump into the (empty) database at `url`: all of it in one transaction, or nothing. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await run(tool("pg_restore"), ["--list", file], { maxBuffer: 64 * 1024 * 1024 }).catch(() => {
    throw new Error("The archive's PostgreSQL dump does not read back: nothing was restored.");
  });
  await run(tool("pg_restore"), ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", url, file]);
}
