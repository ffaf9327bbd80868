/**
 * What a Newsdesk backup is (scripts/backup.ts makes one, scripts/restore.ts brings it back): one
 * gzipped tar archive, dated in UTC, holding the database (as SQLite's online backup copied it, or
 * as pg_dump dumped PostgreSQL's), the media folder and the session secret kept in the data folder.
 * Pure rules only; the scripts do the I/O.
 */

/** Where each part sits inside the archive: one of the two databases, the secret, the media. */
export const archiveEntries = { database: "newsdesk.db", postgresDump: "newsdesk.pgdump", secret: ".nextauth-secret", media: "media" } as const;

const namePattern = /^newsdesk-(\d{4}-\d{2}-\d{2}T\d{6}Z)\.tar\.gz$/;

/** newsdesk-2026-11-30T154012Z.tar.gz: sorts by time, safe in any file system. */
export function archiveName(at: Date): string {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "");
  return `newsdesk-${stamp}.tar.gz`;
}

/** The backups to delete so that only the newest `keep` remain; other files in the folder are left alone. */
export function archivesBeyond(fileNames: readonly string[], keep: number): string[] {
  const archives = fileNames.filter((name) => namePattern.test(name)).sort().reverse();
  return archives.slice(Math.max(keep, 1));
}

/** Whether an archive entry is one a backup writes: anything else (links, stray paths) is not extracted. */
export function isBackupEntry(entryPath: string, type: string): boolean {
  const clean = entryPath.replace(/^\.\//, "").replace(/\/$/, "");
  if (type !== "File" && type !== "Directory") return false;
  if (clean.split("/").some((part) => part === ".." || part === "")) return false;
  if (clean === archiveEntries.database || clean === archiveEntries.postgresDump || clean === archiveEntries.secret) return type === "File";
  return clean === archiveEntries.media || clean.startsWith(`${archiveEntries.media}/`);
}
