/**
 * The assignment lists on a real database: every assignment is reachable a page at a time, in
 * deadline order, and a reporter's pages hold only their own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { listFiledAssignments, listOpenAssignments } = await import("@/lib/assignments/queries");

type Person = { id: string; role: "reporter" | "editor" };
let editor: Person;
let reporter: Person;
let colleague: Person;
const base = Date.parse("2031-01-01T09:00:00Z");
const hour = 3_600_000;

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  await db.assignment.deleteMany();
  const find = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
  editor = { id: (await find("editor@example.com")).id, role: "editor" };
  reporter = { id: (await find("reporter@example.com")).id, role: "reporter" };
  colleague = {
    id: (await db.user.create({ data: { email: "colleague@example.com", name: "Colleague", role: "reporter", passwordHash: "x" } })).id,
    role: "reporter",
  };
  // 60 open assignments, alternating between two reporters, each an hour after the last.
  for (let index = 0; index < 60; index++) {
    await db.assignment.create({
      data: {
        brief: `Open brief ${index}`,
        assigneeId: index % 2 ? colleague.id : reporter.id,
        assignedById: editor.id,
        deadline: new Date(base + index * hour),
      },
    });
  }
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the assignment lists", () => {
  it("page through every open assignment, soonest deadline first, without overlap", async () => {
    const first = await listOpenAssignments(editor, { page: 1, per: 25 });
    expect(first.window).toMatchObject({ total: 60, pageCount: 3, from: 1, to: 25 });
    const briefs = [first.rows];
    for (let page = 2; page <= 3; page++) briefs.push((await listOpenAssignments(editor, { page, per: 25 })).rows);
    expect(briefs.flat().map((row) => row.brief)).toEqual(Array.from({ length: 60 }, (_, index) => `Open brief ${index}`));
  });

  it("give a reporter only their own, a page at a time", async () => {
    const page = await listOpenAssignments(reporter, { page: 2, per: 10 });
    expect(page.window).toMatchObject({ total: 30, page: 2, from: 11, to: 20 });
    expect(page.rows.map((row) => row.brief)).toEqual(Array.from({ length: 10 }, (_, index) => `Open brief ${(10 + index) * 2}`));
    expect(new Set(page.rows.map((row) => row.assigneeId))).toEqual(new Set([reporter.id]));
  });

  it("list filed assignments separately, latest deadline first", async () => {
    const section = await db.section.findFirstOrThrow();
    for (const index of [0, 1, 2]) {
      const article = await db.article.create({
        data: {
          slug: `filed-story-${index}`,
          headline: `Filed story ${index}`,
          dateline: "HARBOURTON",
          body: "Filed.",
          kind: "news",
          status: "submitted",
          sectionId: section.id,
          authorId: reporter.id,
        },
      });
      const assignment = await db.assignment.findFirstOrThrow({ where: { brief: `Open brief ${index * 2}` } });
      await db.assignment.update({ where: { id: assignment.id }, data: { articleId: article.id } });
    }
    const filed = await listFiledAssignments(editor, { page: 1, per: 2 });
    expect(filed.window).toMatchObject({ total: 3, pageCount: 2 });
    expect(filed.rows.map((row) => row.brief)).toEqual(["Open brief 4", "Open brief 2"]);
    expect((await listOpenAssignments(editor)).window.total).toBe(57);
  });
});
