/**
 * The seed on a real database: the demo newsroom's dates are honest whatever the time of day it is
 * seeded (prisma/demo/timeline.ts has the rule and its own tests), and a seed that fails half-way
 * leaves nothing behind, so the next start seeds again.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase, onPostgres } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createPrismaClient } = await import("@/lib/prisma-client");

/** Hashing the demo passwords and drawing the pictures takes seconds on a busy machine. */
const seedTimeout = 60_000;

/** Every file under `folder`, however deep (none when it does not exist). */
const filesUnder = (folder: string) =>
  fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()) : [];

afterAll(async () => {
  await db.$disconnect();
});

describe("seeding the demo newsroom", () => {
  it("at 00:30 UTC, publishes every story before its update, dates nothing later than the seed, and gives the editorials distinct dates", async () => {
    const now = new Date("2026-03-10T00:30:00.000Z");
    expect(await seedNewsroom(db, { demo: true, now })).toEqual({ seeded: true });

    const articles = await db.article.findMany({ select: { headline: true, kind: true, publishedAt: true, updatedStampAt: true } });
    expect(articles.length).toBeGreaterThanOrEqual(10);
    for (const article of articles) {
      expect(article.publishedAt!.getTime(), article.headline).toBeLessThanOrEqual(now.getTime());
      if (!article.updatedStampAt) continue;
      expect(article.publishedAt!.getTime(), article.headline).toBeLessThan(article.updatedStampAt.getTime());
      expect(article.updatedStampAt.getTime(), article.headline).toBeLessThanOrEqual(now.getTime());
    }
    expect(articles.filter((article) => article.updatedStampAt).length).toBeGreaterThanOrEqual(2);
    const editorialDays = articles.filter((article) => article.kind === "editorial").map((article) => article.publishedAt!.toISOString().slice(0, 10));
    expect(editorialDays.length).toBeGreaterThanOrEqual(6);
    expect(new Set(editorialDays).size).toBe(editorialDays.length);
  }, seedTimeout);

  it("that fails half-way leaves no users, stories or picture files, and the next try seeds the whole newsroom", async () => {
    const database = freshDatabase();
    const prisma = createPrismaClient(process.env.DATABASE_URL);
    // A real failure from the database itself, after the users, pictures and first stories are written.
    const sqlite = onPostgres ? null : new Database(database);
    const failing = onPostgres
      ? [
          `CREATE FUNCTION "failing_seed"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the disk is full'; END; $$`,
          `CREATE TRIGGER "failing_seed" BEFORE INSERT ON "Article" FOR EACH ROW WHEN (NEW."headline" = 'Salt in the wells') EXECUTE FUNCTION "failing_seed"()`,
        ]
      : [`CREATE TRIGGER "failing_seed" BEFORE INSERT ON "Article" WHEN NEW."headline" = 'Salt in the wells' BEGIN SELECT RAISE(ABORT, 'the disk is full'); END;`];
    for (const statement of failing) {
      if (sqlite) sqlite.exec(statement);
      else await prisma.$executeRawUnsafe(statement);
    }
    try {
      // (Prisma reports SQLite's aborting trigger as a constraint violation of the insert, and
      // PostgreSQL's exception by its message.)
      await expect(seedNewsroom(prisma, { demo: true, now: new Date() })).rejects.toThrow(onPostgres ? /the disk is full/ : /article\.create/);
      expect(await prisma.user.count()).toBe(0);
      expect(await prisma.article.count()).toBe(0);
      expect(await prisma.media.count()).toBe(0);
      expect(filesUnder(process.env.MEDIA_DIR!)).toEqual([]);
      // Settings and sections are seeded whatever happens, and never twice.
      expect(await prisma.section.count()).toBeGreaterThan(0);

      if (sqlite) sqlite.exec(`DROP TRIGGER "failing_seed"`);
      else await prisma.$executeRawUnsafe(`DROP TRIGGER "failing_seed" ON "Article"`);
      expect(await seedNewsroom(prisma, { demo: true, now: new Date() })).toEqual({ seeded: true });
      expect(await prisma.user.count({ where: { email: "editor@example.com" } })).toBe(1);
      expect(await prisma.article.count({ where: { headline: "Salt in the wells" } })).toBe(1);
      const pictures = await prisma.media.count();
      expect(pictures).toBeGreaterThan(0);
      expect(filesUnder(process.env.MEDIA_DIR!).filter((entry) => entry.name.startsWith("original.")).length).toBe(pictures);
    } finally {
      sqlite?.close();
      await prisma.$disconnect();
    }
  }, 2 * seedTimeout);
});
