/**
 * The assignment lists on a real database: every assignment is reachable a page at a time, in
 * deadline order, and a reporter's pages hold only their own. Cancelling, through the desk's
 * action (the session and request headers stubbed at the edge): editors only, before the story is
 * started, and a cancelled one is closed to every later change.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn } from "./signed-in";

freshDatabase();
vi.mock("@/lib/auth/session", () => import("./signed-in"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-newsdesk-client-address": "203.0.113.9" }) }));

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { getAssignment, listCancelledAssignments, listFiledAssignments, listOpenAssignments } = await import("@/lib/assignments/queries");
const { cancelAssignmentAction } = await import("@/lib/assignments/actions");
const { updateAssignment } = await import("@/lib/assignments/commands/update-assignment");
const { createArticle } = await import("@/lib/articles/commands/create-article");

type Person = { id: string; role: "reporter" | "editor"; name: string; email: string };
let editor: Person;
let reporter: Person;
let colleague: Person;
const base = Date.parse("2031-01-01T09:00:00Z");
const hour = 3_600_000;

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  await db.assignment.deleteMany();
  const find = async (email: string, role: Person["role"]): Promise<Person> => {
    const { id, name } = await db.user.findUniqueOrThrow({ where: { email } });
    return { id, role, name, email };
  };
  editor = await find("editor@example.com", "editor");
  reporter = await find("reporter@example.com", "reporter");
  await db.user.create({ data: { email: "colleague@example.com", name: "Colleague", role: "reporter", passwordHash: "x" } });
  colleague = await find("colleague@example.com", "reporter");
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

describe("cancelling an assignment", () => {
  const later = new Date(base + 100 * hour);
  const assign = async (brief: string) =>
    db.assignment.create({ data: { brief, assigneeId: reporter.id, assignedById: editor.id, deadline: later } });
  const open = async () => (await listOpenAssignments(editor, { per: 100 })).rows.map((row) => row.brief);

  it("takes an unstarted story off the open lists, marked with who cancelled it and when", async () => {
    const { id } = await assign("Cover the harbour gala");
    expect(await open()).toContain("Cover the harbour gala");
    signedIn(editor);
    expect(await cancelAssignmentAction({ assignmentId: id })).toEqual({ ok: true, id });
    const row = await getAssignment(reporter, id);
    expect(row).toMatchObject({ cancelledByName: editor.name, articleId: null });
    expect(row?.cancelledAt).toBeInstanceOf(Date);
    expect(await open()).not.toContain("Cover the harbour gala");
    expect((await listFiledAssignments(editor, { per: 100 })).rows.map((row) => row.brief)).not.toContain("Cover the harbour gala");
    expect((await listCancelledAssignments(reporter)).rows.map((row) => row.brief)).toEqual(["Cover the harbour gala"]);
  });

  it("is refused to a reporter, even the assignee, with a 403-shaped result and nothing changed", async () => {
    const { id } = await assign("Cover the ferry strike");
    signedIn(reporter);
    expect(await cancelAssignmentAction({ assignmentId: id })).toEqual({ ok: false, code: "forbidden", error: "You may not assign stories." });
    expect((await db.assignment.findUniqueOrThrow({ where: { id } })).cancelledAt).toBeNull();
    expect(await open()).toContain("Cover the ferry strike");
  });

  it("is refused once the story is being written: the article is spiked instead", async () => {
    const { id } = await assign("Cover the council vote");
    const section = await db.section.findFirstOrThrow();
    await createArticle({
      fields: { headline: "Council votes", dateline: "HARBOURTON", standfirst: "", sectionId: section.id, kind: "news", body: "Votes.", bylineIds: [reporter.id] },
      actor: reporter,
      now: new Date(),
      assignmentId: id,
    });
    signedIn(editor);
    const result = await cancelAssignmentAction({ assignmentId: id });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(!result.ok && result.error).toMatch(/already being written.*Spike its article instead/);
    expect((await db.assignment.findUniqueOrThrow({ where: { id } })).cancelledAt).toBeNull();
  });

  it("closes the assignment: it cannot be cancelled again, changed or started", async () => {
    const { id } = await assign("Cover the lifeboat day");
    signedIn(editor);
    expect((await cancelAssignmentAction({ assignmentId: id })).ok).toBe(true);
    expect(await cancelAssignmentAction({ assignmentId: id })).toMatchObject({ ok: false, code: "conflict", error: "This assignment was already cancelled." });
    await expect(
      updateAssignment({ input: { assignmentId: id, assigneeId: reporter.id, deadline: new Date(later.getTime() + hour) }, actor: editor, now: new Date() }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/cancelled/) });
    const section = await db.section.findFirstOrThrow();
    const before = await db.article.count();
    await expect(
      createArticle({
        fields: { headline: "Lifeboat day", dateline: "HARBOURTON", standfirst: "", sectionId: section.id, kind: "news", body: "Launch.", bylineIds: [reporter.id] },
        actor: reporter,
        now: new Date(),
        assignmentId: id,
      }),
    ).rejects.toMatchObject({ code: "conflict", message: "This assignment was cancelled." });
    expect(await db.article.count()).toBe(before);
    expect(await db.assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ articleId: null, deadline: later });
  });
});
