/**
 * An article's history on a real database: `recordEvent` writes the line it is given, inside the
 * caller's transaction, and the desk's commands write theirs through it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { recordEvent } = await import("@/lib/articles/history");
const { createArticle } = await import("@/lib/articles/commands/create-article");

let reporter: { id: string; role: "reporter" };
let editor: { id: string; role: "editor" };
let articleId: string;

beforeAll(async () => {
  // Settings and sections only: this file needs no demo stories.
  await seedNewsroom(db, { demo: false, now: new Date() });
  const person = (name: string, role: string) =>
    db.user.create({ data: { email: `${name.toLowerCase()}@history.test`, name, role, passwordHash: "-" }, select: { id: true } });
  reporter = { ...(await person("Rina", "reporter")), role: "reporter" };
  editor = { ...(await person("Elias", "editor")), role: "editor" };
  const section = await db.section.findFirstOrThrow({ select: { id: true } });
  ({ id: articleId } = await createArticle({
    fields: { headline: "Harbour history", sectionId: section.id, kind: "news", body: "" },
    actor: reporter,
    now: new Date("2030-01-01T08:00:00Z"),
  }));
});

afterAll(async () => {
  await db.$disconnect();
});

const lines = () => db.articleEvent.findMany({ where: { articleId }, orderBy: { createdAt: "asc" } });

describe("recordEvent", () => {
  it("is how a new article's first line is written", async () => {
    expect(await lines()).toMatchObject([{ action: "create", actorId: reporter.id, fromStatus: null, toStatus: "draft", note: null }]);
  });

  it("writes every field it is given, the kind in the column the database has always used", async () => {
    const event = {
      articleId,
      kind: "republish",
      actorId: editor.id,
      fromStatus: "published",
      toStatus: "published",
      note: "Correction: the ferry leaves at nine.",
      significant: true,
      late: true,
      at: new Date("2030-01-02T09:30:00Z"),
    } as const;
    await db.$transaction((tx) => recordEvent(tx, event));
    const { kind, at, ...asGiven } = event;
    expect((await lines()).at(-1)).toMatchObject({ ...asGiven, action: kind, createdAt: at });
  });

  it("writes no note, significance or lateness it was not given", async () => {
    const at = new Date("2030-01-03T10:00:00Z");
    await recordEvent(db, { articleId, kind: "unpublish", actorId: editor.id, fromStatus: "published", toStatus: "unpublished", at });
    expect((await lines()).at(-1)).toMatchObject({ action: "unpublish", note: null, significant: false, late: false, createdAt: at });
  });

  it("lands with its transaction or not at all", async () => {
    const before = await lines();
    await expect(
      db.$transaction(async (tx) => {
        await recordEvent(tx, { articleId, kind: "spike", actorId: editor.id, fromStatus: "draft", toStatus: "spiked", at: new Date() });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await lines()).toEqual(before);
  });
});
