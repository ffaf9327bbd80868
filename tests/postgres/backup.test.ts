/**
 * Backups of a newsroom on PostgreSQL, through the scripts an operator runs (npm run backup,
 * npm run restore), against a real PostgreSQL server in a throwaway folder: the archive carries
 * pg_dump's snapshot, the media and the secret, and restores whole into an empty database only.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPostgresClient } from "@/lib/postgres/client";
import { migratePostgres } from "@/lib/postgres/migrate";
import { startPostgres, type PostgresServer } from "@/lib/postgres/server";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedNewsroom } from "@/prisma/seed";

const run = promisify(execFile);
let server: PostgresServer;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-pg-backup-"));
/** Runs one of the project's npm scripts as an operator would, with these settings. */
function script(name: "backup" | "restore", args: string[], env: Record<string, string>) {
  return run("npx", ["tsx", `scripts/${name}.ts`, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
}

const headlines = (url: string) =>
  withPostgresClient(url, async (client) => (await client.query<{ headline: string }>(`SELECT "headline" FROM "Article" ORDER BY "headline"`)).rows.map((row) => row.headline));

const newsroom = { DATABASE_URL: "", MEDIA_DIR: path.join(work, "live", "media"), NEWSDESK_DATA_DIR: path.join(work, "live", "data") };

beforeAll(async () => {
  server = await startPostgres();
  newsroom.DATABASE_URL = await server.createDatabase("live");
  await migratePostgres(newsroom.DATABASE_URL);
  process.env.MEDIA_DIR = newsroom.MEDIA_DIR; // the seed draws the demo pictures into the media library
  const prisma = createPrismaClient(newsroom.DATABASE_URL);
  await seedNewsroom(prisma, { demo: true, now: new Date() });
  await prisma.$disconnect();
  fs.mkdirSync(newsroom.NEWSDESK_DATA_DIR, { recursive: true });
  fs.writeFileSync(path.join(newsroom.NEWSDESK_DATA_DIR, ".nextauth-secret"), "a-secret-for-the-test\n");
}, 120_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("backups on PostgreSQL", () => {
  it("archive the database, the media and the secret, and restore them whole into an empty database only", async () => {
    const backups = path.join(work, "backups");
    const made = await script("backup", ["--to", backups], newsroom);
    expect(made.stdout).toMatch(/Backed up to .*newsdesk-.*\.tar\.gz/);
    const [archive] = fs.readdirSync(backups).filter((name) => name.endsWith(".tar.gz"));
    expect(archive).toBeDefined();

    const elsewhere = { DATABASE_URL: await server.createDatabase("restored"), MEDIA_DIR: path.join(work, "new", "media"), NEWSDESK_DATA_DIR: path.join(work, "new", "data") };
    const restored = await script("restore", [path.join(backups, archive!)], elsewhere);
    expect(restored.stdout).toMatch(/into the PostgreSQL database/);
    expect(await headlines(elsewhere.DATABASE_URL)).toEqual(await headlines(newsroom.DATABASE_URL));
    expect((await headlines(elsewhere.DATABASE_URL)).length).toBeGreaterThan(5);
    expect(fs.readFileSync(path.join(elsewhere.NEWSDESK_DATA_DIR, ".nextauth-secret"), "utf8")).toBe("a-secret-for-the-test\n");
    const mediaFiles = (dir: string) => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    expect(mediaFiles(elsewhere.MEDIA_DIR)).toBe(mediaFiles(newsroom.MEDIA_DIR));
    expect(await migratePostgres(elsewhere.DATABASE_URL)).toEqual([]);

    // Never over a database with tables, nor into the other kind of database.
    const again = { ...elsewhere, MEDIA_DIR: path.join(work, "again", "media"), NEWSDESK_DATA_DIR: path.join(work, "again", "data") };
    await expect(script("restore", [path.join(backups, archive!)], again)).rejects.toMatchObject({ stderr: expect.stringMatching(/has tables/) });
    const sqlite = { DATABASE_URL: `file:${path.join(work, "sqlite", "newsdesk.db")}`, MEDIA_DIR: path.join(work, "sqlite", "media") };
    await expect(script("restore", [path.join(backups, archive!)], sqlite)).rejects.toMatchObject({ stderr: expect.stringMatching(/holds a PostgreSQL dump/) });
  }, 240_000);
});
