/**
 * A change's writes sent together (lib/writes-together.ts): one statement on PostgreSQL, in turn in
 * a transaction on SQLite. Either way every write lands, the lead's count of changed rows comes back
 * (0 is how a publication learns the article moved under it, and then nothing is written), and a
 * write that fails takes the others back.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { Prisma } = await import("@/lib/generated/prisma/client");
const { seedNewsroom } = await import("@/prisma/seed");
const { writeTogether } = await import("@/lib/writes-together");
const { auditInsert } = await import("@/lib/audit/record");

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
});

afterAll(async () => {
  await db.$disconnect();
});

const entry = (summary: string) => auditInsert({ kind: "settings_changed", actorId: null, summary });

it("lands every write and returns how many rows the lead changed", async () => {
  const section = await db.section.findFirstOrThrow();
  const changed = await writeTogether(db, Prisma.sql`UPDATE "Section" SET "name" = ${`${section.name} (renamed)`} WHERE "id" = ${section.id}`, [entry("together one"), entry("together two")], [Prisma.sql`SELECT 1`]);
  expect(changed).toBe(1);
  expect((await db.section.findUniqueOrThrow({ where: { id: section.id } })).name).toBe(`${section.name} (renamed)`);
  expect(await db.auditEntry.count({ where: { summary: { in: ["together one", "together two"] } } })).toBe(2);
});

it("returns 0 when the lead changes nothing, and then writes nothing else", async () => {
  const changed = await writeTogether(db, Prisma.sql`UPDATE "Section" SET "name" = 'Nowhere' WHERE "id" = ${"no-such-section"}`, [entry("never kept"), entry("never kept either")], [Prisma.sql`SELECT 1`]);
  expect(changed).toBe(0);
  expect(await db.auditEntry.count({ where: { summary: { in: ["never kept", "never kept either"] } } })).toBe(0);
  expect(await db.section.count({ where: { name: "Nowhere" } })).toBe(0);
});

it("fails as a whole when a write fails, keeping not even the lead's change", async () => {
  const section = await db.section.findFirstOrThrow();
  const broken = Prisma.sql`INSERT INTO "AuditEntry" ("id", "kind", "summary") VALUES (NULL, 'settings_changed', 'broken')`;
  await expect(writeTogether(db, Prisma.sql`UPDATE "Section" SET "name" = 'Half-written' WHERE "id" = ${section.id}`, [entry("beside a broken write"), broken])).rejects.toThrow();
  expect(await db.section.count({ where: { name: "Half-written" } })).toBe(0);
  expect(await db.auditEntry.count({ where: { summary: "beside a broken write" } })).toBe(0);
});

it("runs the lead alone when there is nothing else to write", async () => {
  const section = await db.section.findFirstOrThrow();
  expect(await writeTogether(db, Prisma.sql`UPDATE "Section" SET "position" = "position" WHERE "id" = ${section.id}`, [])).toBe(1);
  expect(await writeTogether(db, Prisma.sql`UPDATE "Section" SET "position" = "position" WHERE "id" = ${"no-such-section"}`, [])).toBe(0);
});
