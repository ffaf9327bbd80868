/**
 * npm run restore -- FILE: brings a backup (scripts/backup.ts) back into an empty data folder: the
 * database to DATABASE_URL's file (data/newsdesk.db), or into DATABASE_URL's PostgreSQL database,
 * which must hold no tables (lib/postgres/dump.ts), the media to MEDIA_DIR (data/media) and the
 * session secret into the data folder. It never overwrites: a data or media folder with anything
 * in it is refused. The archive is unpacked beside its destination, only the entries a backup
 * writes, and the database must pass PRAGMA integrity_check before anything is moved into place.
 * Then `npm start` serves it (and applies any newer migrations).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { extract } from "tar";
import { databaseFile, databaseProvider, databaseUrl } from "@/lib/database-url";
import { isEmptyPostgres, restorePostgres } from "@/lib/postgres/dump";
import { mediaDirectory } from "@/lib/media/directory";
import { archiveEntries, isBackupEntry } from "@/lib/backups/archive";
import { dataDirectory, secretFile } from "./runtime";

const isEmpty = (folder: string) => !fs.existsSync(folder) || fs.readdirSync(folder).length === 0;

function verifyDatabase(file: string) {
  if (!fs.existsSync(file)) throw new Error("That archive holds no Newsdesk database: nothing was restored.");
  const database = new Database(file, { fileMustExist: true });
  try {
    const result = database.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`The archive's database failed its integrity check (${String(result)}): nothing was restored.`);
  } finally {
    database.close();
  }
}

/** Moves a folder, copying when the destination is on another disk (MEDIA_DIR elsewhere). */
function moveFolder(from: string, to: string) {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    fs.cpSync(from, to, { recursive: true });
  }
}

async function main() {
  const archive = process.argv[2];
  if (!archive) throw new Error("Name the archive to restore: npm run restore -- backups/newsdesk-….tar.gz");
  if (!fs.existsSync(archive)) throw new Error(`No such archive: ${archive}`);
  process.umask(0o077); // every file and folder made here: the owner's only

  const data = dataDirectory();
  const media = mediaDirectory();
  for (const folder of [data, media]) {
    if (!isEmpty(folder)) throw new Error(`Refusing to restore: ${folder} is not empty (restore only into an empty data folder; move the current one aside first).`);
  }

  const postgres = databaseProvider() === "postgresql";
  if (postgres && !(await isEmptyPostgres(databaseUrl()))) {
    throw new Error("Refusing to restore: the PostgreSQL database DATABASE_URL names has tables (restore only into an empty database).");
  }

  fs.mkdirSync(data, { recursive: true, mode: 0o700 });
  fs.chmodSync(data, 0o700);
  const staging = fs.mkdtempSync(path.join(data, ".restoring-"));
  try {
    await extract({
      file: archive,
      cwd: staging,
      // The archive's own file modes are ignored: what is made here is the owner's only (umask).
      noChmod: true,
      filter: (entryPath, entry) => isBackupEntry(entryPath, "type" in entry ? entry.type : entry.isDirectory() ? "Directory" : "File"),
    });
    const database = path.join(staging, archiveEntries.database);
    const dump = path.join(staging, archiveEntries.postgresDump);
    // Each database restores only its own kind: SQLite's file is not PostgreSQL's dump.
    if (postgres && !fs.existsSync(dump)) {
      throw new Error(fs.existsSync(database) ? "That archive holds a SQLite database, and DATABASE_URL names PostgreSQL: nothing was restored." : "That archive holds no Newsdesk database: nothing was restored.");
    }
    if (!postgres && fs.existsSync(dump)) throw new Error("That archive holds a PostgreSQL dump, and DATABASE_URL names a SQLite file: nothing was restored.");
    if (postgres) await restorePostgres(databaseUrl(), dump);
    else {
      verifyDatabase(database);
      fs.mkdirSync(path.dirname(databaseFile()), { recursive: true, mode: 0o700 });
      fs.renameSync(database, databaseFile());
    }
    const secret = path.join(staging, archiveEntries.secret);
    if (fs.existsSync(secret)) fs.renameSync(secret, secretFile());
    const mediaFiles = path.join(staging, archiveEntries.media);
    if (fs.existsSync(mediaFiles)) {
      fs.mkdirSync(path.dirname(media), { recursive: true, mode: 0o700 });
      fs.rmSync(media, { recursive: true, force: true }); // empty, as checked above
      moveFolder(mediaFiles, media);
    }
    const into = postgres ? "into the PostgreSQL database" : `(integrity ok) into ${databaseFile()}`;
    console.log(`Restored ${archive}: the database ${into}, media into ${media}${fs.existsSync(secretFile()) ? ", and the session secret" : ""}. Start it with npm start.`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
