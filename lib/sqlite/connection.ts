/**
 * How every connection to the SQLite file is set up, in one place: the Prisma client's
 * (lib/sqlite/adapter.ts), the article routing's read-only one (lib/articles/public-routing.ts)
 * and the backup's (scripts/backup.ts).
 *
 * - WAL: readers never block a writer and a writer never blocks readers, so a backup, the `sqlite3`
 *   shell or a script reading for seconds cannot make a commit fail. The mode is stored in the file;
 *   setting it on each writing connection covers a database made before WAL was the rule.
 * - A busy timeout: a writer that finds another process writing waits for it (up to 5 s) instead
 *   of failing at once. better-sqlite3 applies it through its `timeout` option.
 * - synchronous=NORMAL: in WAL mode a commit stays atomic and consistent after a crash; only the
 *   last commits before a power cut can be rolled back. FULL would sync the disk on every commit.
 *   It is per connection, so it is set on every one.
 */
import type Database from "better-sqlite3";

export const busyTimeoutMs = 5_000;

/** better-sqlite3's options for any connection to the database file. */
export const connectionOptions = { timeout: busyTimeoutMs } as const satisfies Database.Options;

/** Run on every writing connection as it opens. */
export const writerPragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

/** Sets a freshly opened better-sqlite3 connection up as every other connection is. */
export function prepareConnection(connection: Database.Database): Database.Database {
  connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
  if (!connection.readonly) connection.exec(writerPragmas);
  return connection;
}
