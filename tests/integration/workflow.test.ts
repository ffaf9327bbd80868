/**
 * The workflow through the real route handlers and commands, on a real database. Only the session
 * is stubbed (the edge of the machine): each request acts as whichever user `signedIn` names.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn, userByEmail, type TestUser as User } from "./signed-in";

freshDatabase();

vi.mock("@/lib/auth/session", () => import("./signed-in"));

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { publishDueArticles } = await import("@/lib/articles/scheduler");
const { getPublishedArticle } = await import("@/lib/articles/public-queries");
const transitions = await import("@/app/api/articles/[id]/transitions/route");
const articleRoute = await import("@/app/api/articles/[id]/route");

let reporter: User;
let editor: User;
let sectionId: string;


function post(articleId: string, body: unknown) {
  return transitions.POST(new Request("http://test/api", { method: "POST", body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: articleId }),
  });
}

function put(articleId: string, body: unknown) {
  return articleRoute.PUT(new Request("http://test/api", { method: "PUT", body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: articleId }),
  });
}

const snapshot = (id: string) =>
  db.article.findUniqueOrThrow({
    where: { id },
    include: { revisions: { orderBy: { number: "asc" } }, events: true },
  });

async function draftBy(user: User, headline: string, now = new Date()) {
  return createArticle({
    fields: { headline, dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news", body: "First paragraph." },
    actor: user,
    now,
  });
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const users = await db.user.findMany();
  const find = (email: string) => userByEmail(users, email);
  reporter = find("reporter@example.com");
  editor = find("editor@example.com");
  sectionId = (await db.section.findFirstOrThrow({ where: { slug: "city" } })).id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("refused transitions", () => {
  it("answer 403 and change nothing when a reporter tries to publish their submitted article", async () => {
    const { id } = await draftBy(reporter, "Reporter tries to publish");
    await moveArticle({ input: { articleId: id, action: "submit" }, actor: reporter, now: new Date() });
    const before = await snapshot(id);

    signedIn(reporter);
    for (const action of ["publish", "approve", "schedule", "unpublish", "spike"]) {
      const response = await post(id, { action, scheduledFor: "2099-01-01T09:00" });
      expect(response.status, action).toBe(403);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("answer 403 and change nothing when an editor publishes what is already published", async () => {
    const { id } = await draftBy(editor, "Published twice");
    signedIn(editor);
    expect((await post(id, { action: "publish" })).status).toBe(200);
    const before = await snapshot(id);
    const response = await post(id, { action: "publish" });
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("invalid_transition");
    expect(await snapshot(id)).toEqual(before);
  });

  it("answer 401 to nobody", async () => {
    const { id } = await draftBy(reporter, "Anonymous publish");
    signedIn(null);
    expect((await post(id, { action: "publish" })).status).toBe(401);
    expect((await snapshot(id)).status).toBe("draft");
  });
});

describe("saves", () => {
  it("refuse a stale save with 409, attach the newer version and lose nothing", async () => {
    const { id } = await draftBy(reporter, "Two writers");
    signedIn(reporter);
    const fields = { headline: "Two writers", dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news" };
    const first = await put(id, { ...fields, body: "The first writer's words.", baseVersion: 1 });
    expect(first.status).toBe(200);
    const before = await snapshot(id);

    const stale = await put(id, { ...fields, body: "The second writer's words.", baseVersion: 1 });
    expect(stale.status).toBe(409);
    const answer = await stale.json();
    expect(answer.latest).toMatchObject({ version: 2, body: "The first writer's words." });
    expect(await snapshot(id)).toEqual(before);

    // Overwriting after seeing the newer version is a deliberate save on top of it.
    const overwrite = await put(id, { ...fields, body: "The second writer's words.", baseVersion: 2 });
    expect(overwrite.status).toBe(200);
    const after = await snapshot(id);
    expect(after.revisions.map((revision) => revision.body)).toEqual([
      "First paragraph.",
      "The first writer's words.",
      "The second writer's words.",
    ]);
  });

  it("send an approved article back to review when its text changes, and say so in the history", async () => {
    const { id } = await draftBy(reporter, "Approved then edited");
    await moveArticle({ input: { articleId: id, action: "submit" }, actor: reporter, now: new Date() });
    await moveArticle({ input: { articleId: id, action: "approve" }, actor: editor, now: new Date() });
    expect((await snapshot(id)).approvedVersion).toBe(1);

    signedIn(editor);
    const fields = { headline: "Approved then edited", dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news" };
    expect((await put(id, { ...fields, body: "Changed after approval.", baseVersion: 1 })).status).toBe(200);
    const after = await snapshot(id);
    expect(after.status).toBe("submitted");
    expect(after.approvedVersion).toBeNull();
    expect(after.events.map((event) => event.action)).toContain("edited-after-approval");
  });
});

describe("scheduled publication", () => {
  const at = new Date("2030-06-01T09:00:00Z");
  const second = 1000;

  it("goes live at its time and not a moment before", async () => {
    const { id } = await draftBy(reporter, "Scheduled budget story", new Date("2030-05-31T08:00:00Z"));
    const slug = (await snapshot(id)).slug;
    await moveArticle({
      input: { articleId: id, action: "schedule", scheduledFor: at },
      actor: editor,
      now: new Date("2030-05-31T09:00:00Z"),
    });

    expect(await publishDueArticles(new Date(at.getTime() - second))).toEqual([]);
    expect(await getPublishedArticle(slug)).toBeNull();

    expect(await publishDueArticles(new Date(at.getTime() + 500))).toEqual([{ id, late: false }]);
    const live = await snapshot(id);
    expect(live.status).toBe("published");
    expect(live.publishedAt).toEqual(new Date(at.getTime() + 500));
    expect(live.scheduledFor).toBeNull();
    expect(await getPublishedArticle(slug)).not.toBeNull();
    const event = live.events.find((candidate) => candidate.action === "publish")!;
    expect(event.actorId).toBe(editor.id);
    expect(event.late).toBe(false);
  });

  it("publishes on start after a restart, and records that it was late", async () => {
    const { id } = await draftBy(reporter, "Missed while the server was down", new Date("2030-05-31T08:00:00Z"));
    await moveArticle({
      input: { articleId: id, action: "schedule", scheduledFor: at },
      actor: editor,
      now: new Date("2030-05-31T09:00:00Z"),
    });
    // The server was down at 09:00 and comes back at 09:20: its first check publishes the story.
    const restart = new Date(at.getTime() + 20 * 60 * second);
    expect(await publishDueArticles(restart)).toEqual([{ id, late: true }]);
    const event = (await snapshot(id)).events.find((candidate) => candidate.action === "publish")!;
    expect(event.late).toBe(true);
    expect(event.note).toMatch(/^Published late/);
  });

  it("refuses a time in the past", async () => {
    const { id } = await draftBy(reporter, "Scheduled in the past");
    signedIn(editor);
    const response = await post(id, { action: "schedule", scheduledFor: "2001-01-01T09:00" });
    expect(response.status).toBe(422);
    expect((await snapshot(id)).status).toBe("draft");
  });
});
