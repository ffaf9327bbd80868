/**
 * The workflow through the real route handlers and commands, on a real database. Only the session
 * is stubbed (the edge of the machine): each request acts as whichever user `signedIn` names.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn, userByEmail, type TestUser as User } from "./signed-in";

freshDatabase();

vi.mock("@/lib/auth/session", () => import("./signed-in"));

// The API takes JSON only (lib/http.ts); a Request with a string body would otherwise say text/plain.
const json = { "content-type": "application/json" };

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { publishDueArticles, startScheduler } = await import("@/lib/articles/scheduler");
const { getPublishedArticle } = await import("@/lib/articles/public-queries");
const { getDeskArticle } = await import("@/lib/articles/desk-queries");
const transitions = await import("@/app/api/articles/[id]/transitions/route");
const articleRoute = await import("@/app/api/articles/[id]/route");

let reporter: User;
let editor: User;
let sectionId: string;


function post(articleId: string, body: unknown) {
  return transitions.POST(new Request("http://test/api", { method: "POST", headers: json, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: articleId }),
  });
}

function put(articleId: string, body: unknown) {
  return articleRoute.PUT(new Request("http://test/api", { method: "PUT", headers: json, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: articleId }),
  });
}

const snapshot = (id: string) =>
  db.article.findUniqueOrThrow({
    where: { id },
    include: { revisions: { orderBy: { number: "asc" } }, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
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
      expect((await response.json()).code, action).toBe("forbidden");
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("answer 409 and change nothing when an editor publishes what is already published: the state refuses, not the policy", async () => {
    const { id } = await draftBy(editor, "Published twice");
    signedIn(editor);
    expect((await post(id, { action: "publish" })).status).toBe(200);
    const before = await snapshot(id);
    const response = await post(id, { action: "publish" });
    expect(response.status).toBe(409);
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
  it("refuse with 403 a reporter's crafted save of their article while it is in review, and change nothing", async () => {
    const { id } = await draftBy(reporter, "In review, hands off");
    await moveArticle({ input: { articleId: id, action: "submit" }, actor: reporter, now: new Date() });
    const before = await snapshot(id);

    signedIn(reporter);
    const fields = { headline: "In review, hands off", dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news" };
    const response = await put(id, { ...fields, body: "Slipped in after submitting.", baseVersion: 1 });
    expect(response.status).toBe(403);
    expect(await snapshot(id)).toEqual(before);

    // Once the editor returns it, the same save goes through.
    await moveArticle({ input: { articleId: id, action: "requestChanges", note: "Add the council's reply." }, actor: editor, now: new Date() });
    expect((await put(id, { ...fields, body: "With the council's reply.", baseVersion: 1 })).status).toBe(200);
  });

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
    const due = new Date("2030-06-02T09:00:00Z");
    const { id } = await draftBy(reporter, "Missed while the server was down", new Date("2030-05-31T08:00:00Z"));
    await moveArticle({
      input: { articleId: id, action: "schedule", scheduledFor: due },
      actor: editor,
      now: new Date("2030-05-31T09:00:00Z"),
    });
    // The server was down at 09:00 and starts again at 09:20: the scheduler's first run, on start,
    // publishes the story without anyone asking.
    const restart = new Date(due.getTime() + 20 * 60 * second);
    const stop = startScheduler(() => restart);
    try {
      await vi.waitFor(async () => expect((await snapshot(id)).status).toBe("published"), { timeout: 5000 });
    } finally {
      stop();
    }
    const live = await snapshot(id);
    expect(live.publishedAt).toEqual(restart);
    const event = live.events.find((candidate) => candidate.action === "publish")!;
    expect(event.late).toBe(true);
    expect(event.note).toBe(
      "Published late, when the server started: it was due at 2 Jun, 2030 09:00 (UTC, UTC+00:00), when the server was not running.",
    );
    // The desk's article page says so above the story.
    expect((await getDeskArticle(editor, id))?.publishedLate).toBe(event.note);
  });

  it("records a publication a running server made minutes after its time as late, with how late", async () => {
    const due = new Date("2030-06-03T09:00:00Z");
    const { id } = await draftBy(reporter, "Published after a stall", new Date("2030-05-31T08:00:00Z"));
    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: due }, actor: editor, now: new Date("2030-05-31T09:00:00Z") });
    expect(await publishDueArticles(new Date(due.getTime() + 5 * 60 * second))).toEqual([{ id, late: true }]);
    const event = (await snapshot(id)).events.find((candidate) => candidate.action === "publish")!;
    expect(event.note).toBe("Published late: it was due at 3 Jun, 2030 09:00 (UTC, UTC+00:00), 5 minutes earlier.");
  });

  it("publishes the revision that was scheduled, not edits saved after it, and says so", async () => {
    const due = new Date("2030-06-04T09:00:00Z");
    const { id } = await draftBy(reporter, "Embargoed report", new Date("2030-05-31T08:00:00Z"));
    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: due }, actor: editor, now: new Date("2030-05-31T09:00:00Z") });
    expect((await snapshot(id)).approvedVersion).toBe(1);

    signedIn(editor);
    const fields = { headline: "Embargoed report", dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news" };
    expect((await put(id, { ...fields, body: "An unreviewed late change.", baseVersion: 1 })).status).toBe(200);
    expect((await put(id, { ...fields, body: "Another unreviewed change.", baseVersion: 2 })).status).toBe(200);
    const edited = await snapshot(id);
    expect(edited.status).toBe("scheduled");
    expect(edited.scheduledFor).toEqual(due);
    // One history line, at the first edit, not one per autosave.
    expect(edited.events.filter((event) => event.action === "edited-after-scheduling").map((event) => event.note)).toEqual([
      "Revision 2 was saved after scheduling; revision 1 is the one that goes live at its time.",
    ]);

    expect(await publishDueArticles(new Date(due.getTime() + 500))).toEqual([{ id, late: false }]);
    const live = await db.article.findUniqueOrThrow({ where: { id }, include: { liveRevision: true, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
    expect(live.liveRevision?.number).toBe(1);
    expect(live.liveRevision?.body).toBe("First paragraph.");
    expect(live.version).toBe(3);
    expect(live.events.find((event) => event.action === "publish")?.note).toBe(
      "Published automatically at its scheduled time. Revision 1, the one scheduled, went live; revision 3, saved later, did not.",
    );
  });

  it("binds a new schedule to the newest revision, and sends an edited article back to review when its schedule is cancelled", async () => {
    const due = new Date("2030-06-05T09:00:00Z");
    const { id } = await draftBy(reporter, "Rescheduled report", new Date("2030-05-31T08:00:00Z"));
    const before = new Date("2030-05-31T09:00:00Z");
    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: due }, actor: editor, now: before });
    signedIn(editor);
    const fields = { headline: "Rescheduled report", dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news" };
    expect((await put(id, { ...fields, body: "Edited after scheduling.", baseVersion: 1 })).status).toBe(200);

    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: due }, actor: editor, now: before });
    expect((await snapshot(id)).approvedVersion).toBe(2);
    expect((await put(id, { ...fields, body: "Edited again.", baseVersion: 2 })).status).toBe(200);

    await moveArticle({ input: { articleId: id, action: "cancelSchedule" }, actor: editor, now: before });
    const cancelled = await snapshot(id);
    expect(cancelled.status).toBe("submitted");
    expect(cancelled.approvedVersion).toBeNull();
    expect(cancelled.scheduledFor).toBeNull();
    expect(cancelled.events.at(-1)).toMatchObject({
      action: "cancelSchedule",
      toStatus: "submitted",
      note: "Revision 3 was saved after it was scheduled, so the article is back in review.",
    });
  });

  it("keeps an unedited article approved when its schedule is cancelled", async () => {
    const { id } = await draftBy(reporter, "Schedule withdrawn", new Date("2030-05-31T08:00:00Z"));
    const before = new Date("2030-05-31T09:00:00Z");
    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: new Date("2030-06-06T09:00:00Z") }, actor: editor, now: before });
    await moveArticle({ input: { articleId: id, action: "cancelSchedule" }, actor: editor, now: before });
    expect(await snapshot(id)).toMatchObject({ status: "approved", approvedVersion: 1, scheduledFor: null });
  });

  it("still publishes at its time when the editor who scheduled it has since been deactivated, and says so", async () => {
    const due = new Date("2030-06-07T09:00:00Z");
    const departing = await db.user.create({
      data: { email: "departing-editor@example.com", name: "Departing Editor", role: "editor", passwordHash: "x" },
    });
    const { id } = await draftBy(reporter, "Scheduled before she left", new Date("2030-05-31T08:00:00Z"));
    await moveArticle({
      input: { articleId: id, action: "schedule", scheduledFor: due },
      actor: { id: departing.id, role: "editor" },
      now: new Date("2030-05-31T09:00:00Z"),
    });
    await db.user.update({ where: { id: departing.id }, data: { active: false } });

    expect(await publishDueArticles(new Date(due.getTime() + 500))).toEqual([{ id, late: false }]);
    const event = (await snapshot(id)).events.find((candidate) => candidate.action === "publish")!;
    expect(event.actorId).toBe(departing.id);
    expect(event.note).toBe(
      "Published automatically at its scheduled time. It was scheduled by Departing Editor, whose account has since been deactivated.",
    );
  });

  it("still publishes, as that editor, when they have since become a reporter who cannot even see the article", async () => {
    const due = new Date("2030-06-08T09:00:00Z");
    const demoted = await db.user.create({
      data: { email: "demoted-editor@example.com", name: "Demoted Editor", role: "editor", passwordHash: "x" },
    });
    const { id } = await draftBy(reporter, "Scheduled before his demotion", new Date("2030-05-31T08:00:00Z"));
    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: due }, actor: { id: demoted.id, role: "editor" }, now: new Date("2030-05-31T09:00:00Z") });
    await db.user.update({ where: { id: demoted.id }, data: { role: "reporter" } });
    // As a reporter, his own publish is refused by the policy...
    await expect(moveArticle({ input: { articleId: id, action: "publish" }, actor: { id: demoted.id, role: "reporter" }, now: due })).rejects.toMatchObject({ code: "not_found" });

    // ...but the schedule he signed off as an editor runs at its time (decision 013), in his name.
    expect(await publishDueArticles(new Date(due.getTime() + 500))).toEqual([{ id, late: false }]);
    const article = await snapshot(id);
    expect(article.status).toBe("published");
    const event = article.events.find((candidate) => candidate.action === "publish")!;
    expect(event.actorId).toBe(demoted.id);
    expect(event.note).toBe("Published automatically at its scheduled time. It was scheduled by Demoted Editor, who may no longer publish.");
  });

  it("writes the scheduled time in the history in the newsroom's time zone, with its offset", async () => {
    await db.settings.update({ where: { id: 1 }, data: { timeZone: "Europe/London" } });
    try {
      const { id } = await draftBy(reporter, "Scheduled in London time");
      signedIn(editor);
      // 01:30 on 25 October 2026 happens twice in London; the form's time means the first.
      const response = await post(id, { action: "schedule", scheduledFor: "2099-10-25T01:30" });
      expect(response.status).toBe(200);
      const scheduled = await snapshot(id);
      expect(scheduled.scheduledFor).toEqual(new Date("2099-10-25T00:30:00Z"));
      expect(scheduled.events.at(-1)?.note).toBe("For 25 Oct, 2099 01:30 (Europe/London, UTC+01:00), revision 1");

      // A time the clocks skip is refused beside the field, and nothing changes.
      const { id: other } = await draftBy(reporter, "Scheduled into the gap");
      const skipped = await post(other, { action: "schedule", scheduledFor: "2099-03-29T01:30" });
      expect(skipped.status).toBe(422);
      expect((await skipped.json()).fieldErrors.scheduledFor[0]).toMatch(/^There is no 01:30 on 29 Mar, 2099 in Europe\/London/);
      expect((await snapshot(other)).status).toBe("draft");
    } finally {
      await db.settings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
    }
  });

  it("refuses a time in the past", async () => {
    const { id } = await draftBy(reporter, "Scheduled in the past");
    signedIn(editor);
    const response = await post(id, { action: "schedule", scheduledFor: "2001-01-01T09:00" });
    expect(response.status).toBe(422);
    expect((await snapshot(id)).status).toBe("draft");
  });
});
