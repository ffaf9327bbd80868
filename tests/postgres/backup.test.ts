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

let archivePath = "";
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
    archivePath = path.join(backups, archive!);

    const elsewhere = { DATABASE_URL: await server.createDatabase("restored"), MEDIA_DIR: path.join(work, "new", "media"), NEWSDESK_DATA_DIR: path.join(work, "new", "data") };
    const restored = await script("restore", [path.join(backups, archive!)], elsewhere);
    expect(restored.stdout).toMatch(/into the PostgreSQL database/);
    expect(await headlines(elsewhere.DATABASE_URL)).toEqual(await headlines(newsroom.DATABASE_URL));
    expect((await headlines(elsewhere.DATABASE_URL)).length).toBeGreaterThan(5);
    expect(fs.readFileSync(path.join(elsewhere.NEWSDESK_DATA_DIR, ".nextauth-secret"), "utf8")).toBe("a-secret-for-the-test\n");
    const mediaFiles = (dir: string) => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    expect(mediaFiles(elsewhere.MEDIA_DIR)).toBe(mediaFiles(newsroom.MEDIA_DIR));
    expect(await migratePostgres(elsewhere.DATABASE_URL)).toEqual([]);
    // Restored by a superuser, the search warm-up's extension is there again.
    expect((await withPostgresClient(elsewhere.DATABASE_URL, (client) => client.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm'`))).rowCount).toBe(1);

    // Never over a database with tables, nor into the other kind of database.
    const again = { ...elsewhere, MEDIA_DIR: path.join(work, "again", "media"), NEWSDESK_DATA_DIR: path.join(work, "again", "data") };
    await expect(script("restore", [path.join(backups, archive!)], again)).rejects.toMatchObject({ stderr: expect.stringMatching(/has tables/) });
    const sqlite = { DATABASE_URL: `file:${path.join(work, "sqlite", "newsdesk.db")}`, MEDIA_DIR: path.join(work, "sqlite", "media") };
    await expect(script("restore", [path.join(backups, archive!)], sqlite)).rejects.toMatchObject({ stderr: expect.stringMatching(/holds a PostgreSQL dump/) });
  }, 240_000);

  it("migrate and restore for a database owner who is not a superuser, without pg_prewarm, which only a superuser may create", async () => {
    expect(archivePath).not.toBe("");
    await withPostgresClient(server.url, async (admin) => {
      await admin.query(`CREATE ROLE "editor_in_chief" LOGIN NOSUPERUSER`);
      await admin.query(`CREATE DATABASE "owned" OWNER "editor_in_chief"`);
      await admin.query(`CREATE DATABASE "owned_fresh" OWNER "editor_in_chief"`);
    });
    const asOwner = (database: string) => `postgres://editor_in_chief@127.0.0.1:${server.port}/${database}`;
    const prewarmInstalled = (url: string) => withPostgresClient(url, async (client) => (await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm'`)).rowCount === 1);

    // A new database: every migration applies; the warm-up's extension is left out.
    expect((await migratePostgres(asOwner("owned_fresh"))).length).toBeGreaterThan(10);
    expect(await prewarmInstalled(asOwner("owned_fresh"))).toBe(false);

    // A superuser's backup (it holds pg_prewarm) restores whole, without it.
    expect(await prewarmInstalled(newsroom.DATABASE_URL)).toBe(true);
    const owned = { DATABASE_URL: asOwner("owned"), MEDIA_DIR: path.join(work, "owned", "media"), NEWSDESK_DATA_DIR: path.join(work, "owned", "data") };
    await script("restore", [archivePath], owned);
    expect(await headlines(owned.DATABASE_URL)).toEqual(await headlines(newsroom.DATABASE_URL));
    expect(await prewarmInstalled(owned.DATABASE_URL)).toBe(false);
    expect(await migratePostgres(owned.DATABASE_URL)).toEqual([]);
  }, 240_000);
});
