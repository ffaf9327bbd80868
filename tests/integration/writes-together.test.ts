/**
 * A change's writes sent together (lib/writes-together.ts): one statement on PostgreSQL, in turn on
 * SQLite. Either way every write lands, the lead's count of changed rows comes back (0 is how a
 * publication learns the article moved under it), and a transaction that then refuses takes every
 * write back.
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
  const changed = await db.$transaction((tx) =>
    writeTogether(tx, Prisma.sql`UPDATE "Section" SET "name" = ${`${section.name} (renamed)`} WHERE "id" = ${section.id}`, [entry("together one"), entry("together two")]),
  );
  expect(changed).toBe(1);
  expect((await db.section.findUniqueOrThrow({ where: { id: section.id } })).name).toBe(`${section.name} (renamed)`);
  expect(await db.auditEntry.count({ where: { summary: { in: ["together one", "together two"] } } })).toBe(2);
});

it("returns 0 when the lead changes nothing, and a transaction that then refuses keeps none of the writes", async () => {
  await expect(
    db.$transaction(async (tx) => {
      const changed = await writeTogether(tx, Prisma.sql`UPDATE "Section" SET "name" = 'Nowhere' WHERE "id" = ${"no-such-section"}`, [entry("never kept")]);
      expect(changed).toBe(0);
      // Inside the transaction the write is there…
      expect((await tx.auditEntry.count({ where: { summary: "never kept" } })) > 0).toBe(true);
      throw new Error("refused");
    }),
  ).rejects.toThrow("refused");
  // …and after the refusal it is not.
  expect(await db.auditEntry.count({ where: { summary: "never kept" } })).toBe(0);
  expect(await db.section.count({ where: { name: "Nowhere" } })).toBe(0);
});

it("runs the lead alone when there is nothing else to write", async () => {
  const section = await db.section.findFirstOrThrow();
  expect(await db.$transaction((tx) => writeTogether(tx, Prisma.sql`UPDATE "Section" SET "position" = "position" WHERE "id" = ${section.id}`, []))).toBe(1);
});
