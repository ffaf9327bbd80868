/**
 * A PostgreSQL database into a backup and back (scripts/backup.ts, scripts/restore.ts), with
 * Debian's own tools from the same folder as the server's (lib/postgres/server.ts): `pg_dump` in
 * its custom format (one consistent snapshot, however many writes go on; compressed), checked by
 * `pg_restore --list` before it is archived, and restored by `pg_restore` in one transaction that
 * stops at the first error, so a restore lands whole or not at all (an extension only a superuser
 * may create aside, below).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
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

/**
 * The dump's entries for extensions only a superuser may create (pg_prewarm, the search warm-up's,
 * migration 0013): left out of the restore, so that a database owner who is not a superuser
 * restores everything else, and created afterwards where the restoring role may.
 */
const superuserExtensions = /^\d+; \d+ \d+ (?:EXTENSION - pg_prewarm|COMMENT - EXTENSION pg_prewarm)\b/;

/** Restores a dump into the (empty) database at `url`: all of it in one transaction, or nothing. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const { stdout: contents } = await run(tool("pg_restore"), ["--list", file], { maxBuffer: 64 * 1024 * 1024 }).catch(() => {
    throw new Error("The archive's PostgreSQL dump does not read back: nothing was restored.");
  });
  const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-restore-")), "contents.list");
  try {
    fs.writeFileSync(list, contents.split("\n").filter((line) => !superuserExtensions.test(line)).join("\n"));
    await run(tool("pg_restore"), ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--use-list", list, "--dbname", url, file]);
  } finally {
    fs.rmSync(path.dirname(list), { recursive: true, force: true });
  }
  await withPostgresClient(url, (client) =>
    client.query(`DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_prewarm; EXCEPTION WHEN insufficient_privilege THEN NULL; END $$`),
  );
}
