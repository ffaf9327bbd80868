/**
 * npm run backup [-- --to FOLDER] [--keep N]: a consistent, dated archive of the newsroom, made
 * while the server runs (lib/backups/archive.ts says what it holds).
 *
 * The database is copied with SQLite's online backup API in one step, so the copy is one moment's
 * database however many writes go on, and it is checked (PRAGMA integrity_check) before it is
 * archived; on PostgreSQL, pg_dump takes that moment's snapshot (lib/postgres/dump.ts). Media files are archived after it: the copy never names an image the archive lacks.
 * The archive is written beside its final name and renamed when complete, readable by its owner
 * only (it holds password hashes and the session secret).
 *
 *   --to FOLDER   where archives go (default NEWSDESK_BACKUP_DIR, else backups/ in the project)
 *   --keep N      then delete all but the newest N archives in that folder
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { create as createTar } from "tar";
import { databaseFile, databaseProvider, databaseUrl } from "@/lib/database-url";
import { dumpPostgres } from "@/lib/postgres/dump";
import { s3Settings } from "@/lib/media/s3-storage";
import { mediaDirectory } from "@/lib/media/directory";
import { archiveEntries, archiveName, archivesBeyond } from "@/lib/backups/archive";
import { connectionOptions } from "@/lib/sqlite/connection";
import { root, secretFile } from "./runtime";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** Copies the live database into `target` and checks the copy. */
async function copyDatabase(target: string) {
  const source = new Database(databaseFile(), { readonly: true, fileMustExist: true, ...connectionOptions });
  try {
    // All remaining pages in each step: a write between steps would restart a paged copy, again and again under load.
    await source.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    source.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`The database copy failed its integrity check: ${String(result)}`);
    // One file, no WAL beside it, whatever mode the live database runs in.
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

/** A path as typed: relative inside the working folder, absolute elsewhere. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

function countFiles(folder: string): number {
  if (!fs.existsSync(folder)) return 0;
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

async function main() {
  process.umask(0o077); // every file and folder made here: the owner's only
  const folder = path.resolve(root, option("--to") ?? (process.env.NEWSDESK_BACKUP_DIR || "backups"));
  const keep = option("--keep") === undefined ? null : Number(option("--keep"));
  if (keep !== null && !(Number.isInteger(keep) && keep >= 1)) throw new Error("--keep needs a whole number of archives, 1 or more.");
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });

  const name = archiveName(new Date());
  const staging = fs.mkdtempSync(path.join(folder, ".in-progress-"));
  const partial = path.join(folder, `.${name}.partial`);
  try {
    const databaseEntry = databaseProvider() === "postgresql" ? archiveEntries.postgresDump : archiveEntries.database;
    if (databaseProvider() === "postgresql") await dumpPostgres(databaseUrl(), path.join(staging, databaseEntry));
    else await copyDatabase(path.join(staging, databaseEntry));
    const parts: string[] = [databaseEntry];
    const secret = secretFile();
    if (fs.existsSync(secret)) {
      fs.copyFileSync(secret, path.join(staging, archiveEntries.secret));
      parts.push(archiveEntries.secret);
    }
    const media = mediaDirectory();
    const bucket = s3Settings();
    if (bucket) {
      // The files are in object storage: versioning or replication of the bucket keeps them.
      console.log(`Media files are in the bucket ${bucket.bucket} (NEWSDESK_S3_BUCKET), not in this archive: keep them with the bucket's versioning or replication.`);
    } else if (fs.existsSync(media)) {
      // Archived from where it is, under the name media/, without copying it first.
      fs.symlinkSync(media, path.join(staging, archiveEntries.media), "dir");
      parts.push(archiveEntries.media);
    }
    await createTar({ gzip: true, file: partial, cwd: staging, follow: true, portable: true }, parts);
    fs.renameSync(partial, path.join(folder, name));

    const size = (fs.statSync(path.join(folder, name)).size / 1_048_576).toFixed(1);
    const secretNote = parts.includes(archiveEntries.secret) ? "the session secret" : "no session secret (NEXTAUTH_SECRET is set outside the data folder: keep it yourself)";
    const mediaNote = bucket ? "no media files (they are in the bucket)" : `${countFiles(media)} media files`;
    console.log(`Backed up to ${shown(path.join(folder, name))} (${size} MB): the database, ${mediaNote} and ${secretNote}.`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }

  if (keep !== null) {
    const old = archivesBeyond(fs.readdirSync(folder), keep);
    for (const file of old) fs.rmSync(path.join(folder, file));
    if (old.length > 0) console.log(`Deleted ${old.length} older ${old.length === 1 ? "archive" : "archives"}, keeping the newest ${keep}.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
