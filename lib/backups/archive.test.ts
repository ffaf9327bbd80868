import { describe, expect, it } from "vitest";
import { archiveName, archivesBeyond, isBackupEntry } from "./archive";

describe("backup archives", () => {
  it("are named by their UTC time, to the second, without colons", () => {
    expect(archiveName(new Date("2026-11-30T15:40:12.345Z"))).toBe("newsdesk-2026-11-30T154012Z.tar.gz");
  });

  it("keep the newest N: the older ones are the ones to delete, other files are left alone", () => {
    const names = [
      "newsdesk-2026-11-30T150000Z.tar.gz",
      "notes.txt",
      "newsdesk-2026-11-30T170000Z.tar.gz",
      "newsdesk-2026-11-29T230000Z.tar.gz",
      "newsdesk-2026-11-30T160000Z.tar.gz",
    ];
    expect(archivesBeyond(names, 2)).toEqual(["newsdesk-2026-11-30T150000Z.tar.gz", "newsdesk-2026-11-29T230000Z.tar.gz"]);
    expect(archivesBeyond(names, 10)).toEqual([]);
    // Never every one: the backup just made always stays.
    expect(archivesBeyond(names, 0)).toHaveLength(3);
  });

  it("extract only what a backup writes", () => {
    expect(isBackupEntry("newsdesk.db", "File")).toBe(true);
    expect(isBackupEntry("newsdesk.pgdump", "File")).toBe(true);
    expect(isBackupEntry("newsdesk.pgdump", "Directory")).toBe(false);
    expect(isBackupEntry(".nextauth-secret", "File")).toBe(true);
    expect(isBackupEntry("media/", "Directory")).toBe(true);
    expect(isBackupEntry("media/ab/cd/480.webp", "File")).toBe(true);
    expect(isBackupEntry("./media/ab/original.png", "File")).toBe(true);
    expect(isBackupEntry("media/../../etc/passwd", "File")).toBe(false);
    expect(isBackupEntry("media/link", "SymbolicLink")).toBe(false);
    expect(isBackupEntry("newsdesk.db", "Directory")).toBe(false);
    expect(isBackupEntry("other.db", "File")).toBe(false);
    expect(isBackupEntry("/newsdesk.db", "File")).toBe(false);
  });
});
