/**
 * Notifications on a real database, through the real commands: who is told of what (never the
 * person who did it, never about what they may not see), what each person's preferences do, the
 * notices queue (written with the event, delivered once, after a crash too), and the email outbox
 * (sent once, retried, gathered into digests) with a real SMTP server on 127.0.0.1 at the edge.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailServer } from "../../e2e/mail-server";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { deliverQueuedNotices, maxDeliveryAttempts } = await import("@/lib/notifications/queue");
const { publishDueArticles } = await import("@/lib/articles/scheduler");

/**
 * A command followed by the delivery of what it queued, as the server's delivery tick does within
 * a second; the notices queue's own tests call the commands alone.
 */
const thenDelivered =
  <A extends unknown[], R>(command: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    const result = await command(...args);
    await deliverQueuedNotices();
    return result;
  };
const addNote = thenDelivered((await import("@/lib/articles/commands/add-note")).addNote);
const createAssignment = thenDelivered((await import("@/lib/assignments/commands/create-assignment")).createAssignment);
const updateAssignment = thenDelivered((await import("@/lib/assignments/commands/update-assignment")).updateAssignment);
const cancelAssignment = thenDelivered((await import("@/lib/assignments/commands/cancel-assignment")).cancelAssignment);
const { savePreferences, followArticle, isFollowingArticle } = await import("@/lib/notifications/preferences");
const { sendDueEmails, claimMs, maxAttempts } = await import("@/lib/notifications/outbox");
const { smtpMailer } = await import("@/lib/notifications/email/transport");
const { remindOfDeadlines } = await import("@/lib/notifications/deadlines");
const { unreadCount, listNotifications, openNotification, markAllRead } = await import("@/lib/notifications/queries");

type Person = { id: string; role: "reporter" | "editor" | "admin"; name: string; email: string };
let reporter: Person;
let colleague: Person;
let editor: Person;
let admin: Person;
let reviewers: Person[];
let sectionId: string;
let otherSectionId: string;
const t0 = new Date("2031-03-02T10:20:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const smtpEnv = { NEWSDESK_SMTP_HOST: "127.0.0.1", NEWSDESK_SMTP_FROM: "desk@paper.test", NEWSDESK_SMTP_TLS: "off" };

async function draftBy(user: Person, headline: string, section = sectionId) {
  return createArticle({
    fields: { headline, dateline: "HARBOURTON", standfirst: "", sectionId: section, kind: "news", body: "First paragraph.", bylineIds: [user.id] },
    actor: user,
    now: t0,
  });
}

const moveOnly = (id: string, action: string, actor: Person, extra: Record<string, unknown> = {}) =>
  moveArticle({ input: { articleId: id, action, ...extra } as Parameters<typeof moveArticle>[0]["input"], actor, now: t0 });
const move = thenDelivered(moveOnly);

/** Who was told of what about one article, as [recipient email, kind], sorted. */
async function toldAbout(articleId: string) {
  const rows = await db.notification.findMany({ where: { articleId }, select: { kind: true, recipient: { select: { email: true } } } });
  return rows.map((row) => [row.recipient.email, row.kind]).sort();
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const find = async (email: string): Promise<Person> => {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    return { id: user.id, role: user.role as Person["role"], name: user.name, email: user.email };
  };
  reporter = await find("reporter@example.com");
  editor = await find("editor@example.com");
  admin = await find("admin@example.com");
  const made = await db.user.create({ data: { email: "colleague@example.com", name: "Cole League", role: "reporter", passwordHash: "x" } });
  colleague = { id: made.id, role: "reporter", name: made.name, email: made.email };
  const staff = await db.user.findMany({ where: { active: true, role: { in: ["editor", "admin"] } } });
  reviewers = staff.map((user) => ({ id: user.id, role: user.role as Person["role"], name: user.name, email: user.email }));
  const sections = await db.section.findMany({ orderBy: { position: "asc" } });
  sectionId = sections[0]!.id;
  otherSectionId = sections[1]!.id;
});

beforeEach(async () => {
  await db.notificationPreference.deleteMany();
  await db.notificationSettings.deleteMany();
  await db.sectionFollow.deleteMany();
  for (const key of Object.keys(smtpEnv)) delete process.env[key];
});

afterAll(async () => {
  await db.$disconnect();
});

describe("who is told of what", () => {
  it("a submission reaches every editor and admin, and not the reporter who submitted it", async () => {
    const { id } = await draftBy(reporter, "Ferry timetable changes");
    await move(id, "submit", reporter);
    expect(await toldAbout(id)).toEqual(reviewers.map((person) => [person.email, "submitted"]).sort());
  });

  it("a submission reaches an editor who follows sections only when it is in one of theirs", async () => {
    await savePreferences({ input: { channels: {}, digest: "immediately", sectionIds: [otherSectionId] }, actor: editor });
    const { id } = await draftBy(reporter, "Harbour wall repairs");
    await move(id, "submit", reporter);
    expect((await toldAbout(id)).map(([email]) => email)).not.toContain(editor.email);
    const elsewhere = await draftBy(reporter, "Market reopens", otherSectionId);
    await move(elsewhere.id, "submit", reporter);
    expect((await toldAbout(elsewhere.id)).map(([email]) => email)).toContain(editor.email);
  });

  it("every step an editor takes reaches the writer, and never the editor", async () => {
    const { id } = await draftBy(reporter, "Lighthouse keeper retires");
    await move(id, "submit", reporter);
    await db.notification.deleteMany({ where: { articleId: id } });
    await move(id, "requestChanges", editor, { note: "Add the keeper's own words." });
    await move(id, "submit", reporter);
    await move(id, "approve", editor);
    await move(id, "schedule", editor, { scheduledFor: at(60) });
    await move(id, "publish", admin);
    await move(id, "republish", admin, { correction: { kind: "correction", text: "The keeper served 31 years, not 30." } });
    await move(id, "republish", admin);
    await move(id, "unpublish", admin);
    const toReporter = (await toldAbout(id)).filter(([email]) => email === reporter.email).map(([, kind]) => kind);
    expect(toReporter.sort()).toEqual(["approved", "changes_requested", "corrected", "published", "scheduled", "withdrawn"]);
    const notToActors = await db.notification.findMany({ where: { articleId: id, recipientId: { in: [editor.id, admin.id] }, kind: { not: "submitted" } } });
    expect(notToActors).toEqual([]);
  });

  it("a go-live the scheduler made late reaches every editor, the one who scheduled it too; the writer hears it is published", async () => {
    const { id } = await draftBy(reporter, "Storm warning for the harbour");
    await move(id, "submit", reporter);
    await move(id, "approve", editor);
    await move(id, "schedule", editor, { scheduledFor: at(60) });
    await db.notification.deleteMany({ where: { articleId: id } });
    expect(await publishDueArticles(at(65))).toEqual([{ id, late: true }]);
    await deliverQueuedNotices();
    expect(await toldAbout(id)).toEqual([[reporter.email, "published"], ...reviewers.map((person) => [person.email, "late_publication"])].sort());
  });

  it("the writer's notice of requested changes carries the note and leads to it in the history", async () => {
    const { id } = await draftBy(reporter, "School roof leaks");
    await move(id, "submit", reporter);
    await move(id, "requestChanges", editor, { note: "Who pays for the repair?" });
    const notice = await db.notification.findFirstOrThrow({ where: { articleId: id, kind: "changes_requested" } });
    const line = await db.articleEvent.findFirstOrThrow({ where: { articleId: id, action: "requestChanges" } });
    expect(notice).toMatchObject({ recipientId: reporter.id, actorId: editor.id, excerpt: "Who pays for the repair?", title: "School roof leaks" });
    expect(notice.href).toBe(`/desk/articles/${id}#event-${line.id}`);
  });

  it("a note reaches a mentioned person as a mention and the article's followers, not its writer when they wrote it", async () => {
    const { id } = await draftBy(reporter, "Bridge tolls rise");
    await move(id, "submit", reporter);
    await move(id, "requestChanges", editor, { note: "Check the figures." });
    await db.notification.deleteMany({ where: { articleId: id } });
    const note = await addNote({ input: { articleId: id, body: `@${admin.name} can you confirm the toll figures?` }, actor: reporter, now: t0 });
    expect(await toldAbout(id)).toEqual([
      [admin.email, "mentioned"],
      [editor.email, "note"],
    ]);
    const mention = await db.notification.findFirstOrThrow({ where: { articleId: id, kind: "mentioned" } });
    expect(mention.href).toBe(`/desk/articles/${id}#note-${note.id}`);
  });

  it("someone who unfollows an article hears no more of its notes; someone who follows it does", async () => {
    const { id } = await draftBy(reporter, "Swimming pool closes");
    await move(id, "submit", reporter);
    await move(id, "approve", editor);
    expect([await isFollowingArticle(editor, id), await isFollowingArticle(admin, id), await isFollowingArticle(colleague, id)]).toEqual([true, false, null]);
    await followArticle({ input: { articleId: id, following: false }, actor: editor });
    await followArticle({ input: { articleId: id, following: true }, actor: admin });
    expect([await isFollowingArticle(editor, id), await isFollowingArticle(admin, id)]).toEqual([false, true]);
    await db.notification.deleteMany({ where: { articleId: id } });
    await addNote({ input: { articleId: id, body: "Updated the opening hours." }, actor: reporter, now: t0 });
    expect(await toldAbout(id)).toEqual([[admin.email, "note"]]);
  });

  it("a reporter mentioned on a story they may not see hears nothing of it", async () => {
    const { id } = await draftBy(reporter, "Council budget leaked");
    await addNote({ input: { articleId: id, body: `@${colleague.name} do you know the source?` }, actor: editor, now: t0 });
    expect((await toldAbout(id)).map(([email]) => email)).not.toContain(colleague.email);
  });

  it("an assignment reaches its assignee, not the editor who set it", async () => {
    const { id } = await createAssignment({
      input: { brief: "Cover the regatta", notes: "", assigneeId: reporter.id, deadline: at(24 * 60) },
      actor: editor,
      now: t0,
    });
    const rows = await db.notification.findMany({ where: { assignmentId: id } });
    expect(rows.map((row) => [row.recipientId, row.kind, row.href])).toEqual([[reporter.id, "assignment_created", `/desk/assignments/${id}`]]);
  });

  it("a cancelled assignment reaches its assignee, linked to the assignment, and not the editor who cancelled it", async () => {
    const { id } = await createAssignment({
      input: { brief: "Cover the sea shanty night", notes: "", assigneeId: reporter.id, deadline: at(24 * 60) },
      actor: admin,
      now: t0,
    });
    await cancelAssignment({ assignmentId: id, actor: editor, now: at(5) });
    const rows = await db.notification.findMany({ where: { assignmentId: id, kind: "assignment_cancelled" } });
    expect(rows.map((row) => [row.recipientId, row.actorId, row.href, row.title])).toEqual([
      [reporter.id, editor.id, `/desk/assignments/${id}`, "Cover the sea shanty night"],
    ]);
  });

  it("an editor who cancels an assignment they gave themselves is told nothing", async () => {
    const { id } = await createAssignment({
      input: { brief: "Cover the pier auction", notes: "", assigneeId: editor.id, deadline: at(24 * 60) },
      actor: editor,
      now: t0,
    });
    await cancelAssignment({ assignmentId: id, actor: editor, now: at(5) });
    expect(await db.notification.count({ where: { assignmentId: id } })).toBe(0);
  });
});

describe("the notices queue", () => {
  beforeEach(async () => {
    await db.queuedNotice.deleteMany();
  });

  it("a command only queues its notice; the delivery writes it, after a crash too, and once", async () => {
    const { id } = await draftBy(reporter, "Queued before a crash");
    await moveOnly(id, "submit", reporter);
    // The submission committed its notice; no delivery ran (the process died). The next one writes it.
    expect(await db.queuedNotice.count()).toBe(1);
    expect(await toldAbout(id)).toEqual([]);
    expect(await deliverQueuedNotices()).toEqual({ delivered: 1, failed: 0 });
    expect(await toldAbout(id)).toEqual(reviewers.map((person) => [person.email, "submitted"]).sort());
    expect(await deliverQueuedNotices()).toEqual({ delivered: 0, failed: 0 });
    expect(await db.notification.count({ where: { articleId: id } })).toBe(reviewers.length);
    expect(await db.queuedNotice.count()).toBe(0);
  });

  it("two deliveries at once write a notice's notifications once between them", async () => {
    const { id } = await draftBy(reporter, "Two processes, one notice");
    await moveOnly(id, "submit", reporter);
    const results = await Promise.all([deliverQueuedNotices(), deliverQueuedNotices()]);
    expect(results.map((result) => result.delivered).sort()).toEqual([0, 1]);
    expect(await db.notification.count({ where: { articleId: id } })).toBe(reviewers.length);
  });

  it("takes no more notices once the server is stopping; the rest wait for the next start", async () => {
    for (const headline of ["First before a stop", "Second before a stop"]) {
      const { id } = await draftBy(reporter, headline);
      await moveOnly(id, "submit", reporter);
    }
    let delivered = 0;
    const stopping = () => delivered++ > 0; // asked before each notice: the stop comes after the first
    expect(await deliverQueuedNotices({ stopping })).toEqual({ delivered: 1, failed: 0 });
    expect(await db.queuedNotice.count()).toBe(1);
    expect(await deliverQueuedNotices()).toEqual({ delivered: 1, failed: 0 });
    expect(await db.queuedNotice.count()).toBe(0);
  });

  it("the notifications carry the moment of the event, not of the delivery", async () => {
    const { id } = await draftBy(reporter, "Told later, dated then");
    await moveOnly(id, "submit", reporter);
    await deliverQueuedNotices({ now: at(90) });
    const times = await db.notification.findMany({ where: { articleId: id }, select: { createdAt: true } });
    expect(times.map((row) => row.createdAt.toISOString())).toEqual(reviewers.map(() => t0.toISOString()));
  });

  it("retries a notice that cannot be delivered, saying why, and leaves it for good after the last attempt", async () => {
    await db.queuedNotice.create({ data: { event: "{not json", occurredAt: t0, nextAttemptAt: t0 } });
    expect(await deliverQueuedNotices({ now: t0 })).toEqual({ delivered: 0, failed: 1 });
    const row = await db.queuedNotice.findFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/JSON/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    // Not before its time; then it is tried again.
    expect(await deliverQueuedNotices({ now: at(0.1) })).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverQueuedNotices({ now: row.nextAttemptAt })).toEqual({ delivered: 0, failed: 1 });
    await db.queuedNotice.updateMany({ data: { attempts: maxDeliveryAttempts } });
    expect(await deliverQueuedNotices({ now: at(24 * 60) })).toEqual({ delivered: 0, failed: 0 });
    expect(await db.queuedNotice.count()).toBe(1);
  });
});

describe("deadline reminders", () => {
  it("tell the assignee and the editor once, two hours ahead and when it passes, and again after the deadline moves", async () => {
    const { id } = await createAssignment({
      input: { brief: "Cover the lifeboat launch", notes: "", assigneeId: reporter.id, deadline: at(3 * 60) },
      actor: editor,
      now: t0,
    });
    const reminders = async () =>
      (await db.notification.findMany({ where: { assignmentId: id, kind: { startsWith: "deadline" } }, orderBy: { createdAt: "asc" } })).map(
        (row) => `${row.kind} ${row.recipientId === reporter.id ? "reporter" : row.recipientId === editor.id ? "editor" : "?"}`,
      );
    await remindOfDeadlines(at(59));
    expect(await reminders()).toEqual([]);
    await remindOfDeadlines(at(61));
    await remindOfDeadlines(at(62));
    expect((await reminders()).sort()).toEqual(["deadline_soon editor", "deadline_soon reporter"]);
    await remindOfDeadlines(at(3 * 60 + 1));
    await remindOfDeadlines(at(3 * 60 + 2));
    expect((await reminders()).filter((line) => line.startsWith("deadline_passed")).sort()).toEqual(["deadline_passed editor", "deadline_passed reporter"]);
    expect(await reminders()).toHaveLength(4);
    const notice = await db.notification.findFirstOrThrow({ where: { assignmentId: id, kind: "deadline_passed", recipientId: reporter.id } });
    expect(notice.href).toBe(`/desk/assignments/${id}`);

    await updateAssignment({ input: { assignmentId: id, assigneeId: reporter.id, deadline: at(6 * 60) }, actor: editor, now: at(3 * 60 + 5) });
    await remindOfDeadlines(at(4 * 60 + 30));
    expect(await reminders()).toHaveLength(6);
  });

  it("stay quiet about a cancelled assignment", async () => {
    const { id } = await createAssignment({
      input: { brief: "Called off", notes: "", assigneeId: reporter.id, deadline: at(90) },
      actor: editor,
      now: t0,
    });
    await cancelAssignment({ assignmentId: id, actor: editor, now: t0 });
    await remindOfDeadlines(at(60));
    await remindOfDeadlines(at(91));
    expect(await db.notification.count({ where: { assignmentId: id, kind: { startsWith: "deadline" } } })).toBe(0);
  });

  it("stay quiet about an assignment already filed", async () => {
    const { id } = await createAssignment({
      input: { brief: "Filed early", notes: "", assigneeId: reporter.id, deadline: at(90) },
      actor: editor,
      now: t0,
    });
    const { id: articleId } = await draftBy(reporter, "Filed early");
    await db.assignment.update({ where: { id }, data: { articleId } });
    await move(articleId, "submit", reporter);
    await remindOfDeadlines(at(60));
    expect(await db.notification.count({ where: { assignmentId: id, kind: { startsWith: "deadline" } } })).toBe(0);
  });
});

describe("the desk's list", () => {
  it("counts unread, opens one to its place and marks it read, and marks all read", async () => {
    await db.notification.deleteMany({ where: { recipientId: reporter.id } });
    const { id } = await draftBy(reporter, "Tide tables printed wrong");
    await move(id, "submit", reporter);
    await move(id, "approve", editor);
    await move(id, "publish", editor);
    expect(await unreadCount(reporter)).toBe(2);
    const { items } = await listNotifications(reporter);
    expect(items.map((item) => item.sentence)).toEqual([
      `${editor.name} published “Tide tables printed wrong”`,
      `${editor.name} approved “Tide tables printed wrong”`,
    ]);
    expect(await openNotification(colleague, items[0]!.id, t0)).toBeNull();
    expect(await openNotification(reporter, items[0]!.id, t0)).toMatch(new RegExp(`^/desk/articles/${id}#event-`));
    expect(await unreadCount(reporter)).toBe(1);
    await markAllRead(reporter, t0);
    expect(await unreadCount(reporter)).toBe(0);
  });

  it("hides from a reporter a notification about a story they can no longer see", async () => {
    const { id } = await draftBy(editor, "Editor's own story");
    await db.notification.create({ data: { recipientId: colleague.id, kind: "note", articleId: id, title: "Editor's own story", href: `/desk/articles/${id}` } });
    expect(await unreadCount(colleague)).toBe(0);
    expect((await listNotifications(colleague)).items).toEqual([]);
  });
});

describe("preferences", () => {
  it("neither: nothing is written; desk only: no email; email only: an email and nothing in the desk", async () => {
    Object.assign(process.env, smtpEnv);
    await savePreferences({ input: { channels: { approved: "neither", changes_requested: "desk", published: "email" }, digest: "immediately", sectionIds: [] }, actor: reporter });
    const { id } = await draftBy(reporter, "Fishing quota cut");
    await move(id, "submit", reporter);
    await move(id, "requestChanges", editor, { note: "More from the fishers." });
    await move(id, "submit", reporter);
    await move(id, "approve", editor);
    await move(id, "publish", editor);
    const rows = await db.notification.findMany({ where: { articleId: id, recipientId: reporter.id }, include: { outbox: true } });
    expect(rows.map((row) => [row.kind, row.inDesk, Boolean(row.outbox)]).sort()).toEqual([
      ["changes_requested", true, false],
      ["published", false, true],
    ]);
  });

  it("one publication tells each writer on the byline by their own choice and rhythm, in one go", async () => {
    Object.assign(process.env, smtpEnv);
    const made = await db.user.create({ data: { email: "second.editor@example.com", name: "Second Editor", role: "editor", passwordHash: "x" } });
    const settingsBefore = await db.settings.findUnique({ where: { id: 1 } });
    await db.settings.upsert({ where: { id: 1 }, create: { newspaperName: "The Harbour Gazette", timeZone: "Asia/Karachi" }, update: { timeZone: "Asia/Karachi" } });
    try {
      await savePreferences({ input: { channels: { published: "email" }, digest: "daily", sectionIds: [] }, actor: admin });
      const { id } = await createArticle({
        fields: { headline: "Tide tables reprinted", dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news", body: "First paragraph.", bylineIds: [admin.id, made.id] },
        actor: admin,
        now: t0,
      });
      await move(id, "publish", editor);
      const rows = await db.notification.findMany({ where: { articleId: id }, include: { outbox: true, recipient: { select: { email: true } } } });
      expect(rows.map((row) => [row.recipient.email, row.kind, row.inDesk, row.outbox?.digest, row.outbox?.nextAttemptAt.toISOString()]).sort()).toEqual([
        // Email only, in the daily digest at 08:00 in the newsroom's time zone (UTC+5).
        ["admin@example.com", "published", false, "daily:2031-03-03T03:00:00.000Z", "2031-03-03T03:00:00.000Z"],
        // No choice made: both, at once.
        ["second.editor@example.com", "published", true, "", t0.toISOString()],
      ]);
      expect(rows.every((row) => row.outbox?.recipientId === row.recipientId)).toBe(true);
    } finally {
      // Out of the other tests' way (they count who hears of submissions); the byline keeps the row.
      await db.user.update({ where: { id: made.id }, data: { active: false } });
      if (settingsBefore) await db.settings.update({ where: { id: 1 }, data: { timeZone: settingsBefore.timeZone } });
      else await db.settings.delete({ where: { id: 1 } });
    }
  });

  it("with no mail server, nothing goes to the outbox and an email-only choice shows in the desk", async () => {
    await savePreferences({ input: { channels: { approved: "email" }, digest: "immediately", sectionIds: [] }, actor: reporter });
    const { id } = await draftBy(reporter, "Ferry fares frozen");
    await move(id, "submit", reporter);
    await move(id, "approve", editor);
    const rows = await db.notification.findMany({ where: { articleId: id, recipientId: reporter.id }, include: { outbox: true } });
    expect(rows.map((row) => [row.kind, row.inDesk, row.outbox])).toEqual([["approved", true, null]]);
  });

  it("refuses a section that does not exist, and keeps the editor's follows as they were", async () => {
    await savePreferences({ input: { channels: {}, digest: "immediately", sectionIds: [sectionId] }, actor: editor });
    await expect(savePreferences({ input: { channels: {}, digest: "immediately", sectionIds: ["no-such-section"] }, actor: editor })).rejects.toThrow(
      /no longer exists/,
    );
    expect(await db.sectionFollow.findMany({ where: { userId: editor.id }, select: { sectionId: true } })).toEqual([{ sectionId }]);
  });
});

describe("the email outbox", () => {
  type Sent = { to: string; subject: string; text: string };
  const recording = () => {
    const sent: Sent[] = [];
    return { sent, mailer: async (message: Sent) => void sent.push(message) };
  };
  const send = (now: Date, mailer: (message: Sent & { messageId: string; html: string; headers: Record<string, string> }) => Promise<void>) =>
    sendDueEmails({ now, mailer, deskUrl: "https://desk.paper.test", newspaperName: "The Harbour Gazette" });

  beforeEach(async () => {
    Object.assign(process.env, smtpEnv);
    await db.emailOutbox.deleteMany();
  });

  afterEach(async () => {
    await db.emailOutbox.deleteMany();
  });

  async function approvedStory(headline: string) {
    const { id } = await draftBy(reporter, headline);
    await move(id, "submit", reporter);
    await db.emailOutbox.deleteMany();
    await move(id, "approve", editor);
    return id;
  }

  it("sends an email written before a crash once the worker runs, and only once", async () => {
    // The approval committed its outbox row; no worker ran (the process died). The next one sends it.
    await approvedStory("Pier lights restored");
    expect(await db.emailOutbox.count({ where: { sentAt: null } })).toBe(1);
    const { sent, mailer } = recording();
    expect(await send(t0, mailer)).toEqual({ sent: 1, failed: 0 });
    expect(await send(at(1), mailer)).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: reporter.email, subject: `[The Harbour Gazette] ${editor.name} approved “Pier lights restored”` });
  });

  it("claims nothing more once the server is stopping, and records what it sent before stopping", async () => {
    const stories = [await draftBy(reporter, "First of two before a restart"), await draftBy(reporter, "Second of two before a restart")];
    for (const { id } of stories) await move(id, "submit", reporter);
    await db.emailOutbox.deleteMany();
    for (const { id } of stories) await move(id, "approve", editor);
    const sent: Sent[] = [];
    let stopping = false;
    const mailer = async (message: Sent) => {
      sent.push(message);
      stopping = true; // the server is told to stop while this message goes out
    };
    const first = await sendDueEmails({ now: t0, mailer, deskUrl: "https://desk.paper.test", newspaperName: "The Harbour Gazette", stopping: () => stopping });
    expect(first).toEqual({ sent: 1, failed: 0 });
    expect(await db.emailOutbox.count({ where: { sentAt: { not: null } } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { sentAt: null, claimedUntil: null } })).toBe(1);
    // After the restart the other one goes, and the first is not sent again.
    expect(await send(at(1), mailer)).toEqual({ sent: 1, failed: 0 });
    expect(sent.map((message) => message.subject)).toEqual([
      expect.stringContaining("First of two before a restart"),
      expect.stringContaining("Second of two before a restart"),
    ]);
  });

  it("lets two workers at once send it once between them", async () => {
    await approvedStory("Two workers, one email");
    const { sent, mailer } = recording();
    const results = await Promise.all([send(t0, mailer), send(t0, mailer)]);
    expect(results.map((result) => result.sent).sort()).toEqual([0, 1]);
    expect(sent).toHaveLength(1);
  });

  it("sends a row whose worker died holding it, once the claim has lapsed", async () => {
    await approvedStory("Claimed, then lost");
    await db.emailOutbox.updateMany({ data: { claimedUntil: new Date(t0.getTime() + claimMs) } });
    const { sent, mailer } = recording();
    expect((await send(t0, mailer)).sent).toBe(0);
    expect((await send(new Date(t0.getTime() + claimMs + 1), mailer)).sent).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it("retries a failure later, saying what went wrong, and gives up after the last attempt", async () => {
    await approvedStory("Mail server down");
    const failing = async () => {
      throw new Error("Connection refused");
    };
    expect(await send(t0, failing)).toEqual({ sent: 0, failed: 1 });
    const row = await db.emailOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, lastError: "Connection refused", sentAt: null, claimedUntil: null });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    // Not before its time; then, with the server back, it goes.
    const { sent, mailer } = recording();
    expect((await send(at(0.1), mailer)).sent).toBe(0);
    expect((await send(row.nextAttemptAt, mailer)).sent).toBe(1);
    expect(sent).toHaveLength(1);

    await db.emailOutbox.updateMany({ data: { sentAt: null, attempts: maxAttempts } });
    expect((await send(at(24 * 60), mailer)).sent).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it("gathers an hourly digest into one email at the top of the hour", async () => {
    await savePreferences({ input: { channels: {}, digest: "hourly", sectionIds: [] }, actor: reporter });
    const { id } = await draftBy(reporter, "Digest story");
    await move(id, "submit", reporter);
    await db.emailOutbox.deleteMany(); // the editors' own, sent at once
    await move(id, "approve", editor);
    await addNote({ input: { articleId: id, body: "Approved with one query." }, actor: editor, now: t0 });
    const { sent, mailer } = recording();
    expect((await send(at(30), mailer)).sent).toBe(0);
    expect((await send(new Date("2031-03-02T11:00:00Z"), mailer)).sent).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("[The Harbour Gazette] 2 things waiting for you in the desk");
    expect(sent[0]!.text).toContain("approved “Digest story”");
    expect(sent[0]!.text).toContain("added a note to “Digest story”");
  });

  it("delivers through a real SMTP server: recipient, subject, link and List-Unsubscribe", async () => {
    const server = await startMailServer();
    try {
      const id = await approvedStory("Real mail arrives");
      const mailer = smtpMailer({ on: true, host: "127.0.0.1", port: server.port, tls: "off", auth: null, from: "Newsdesk <desk@paper.test>" });
      expect(await send(t0, mailer)).toEqual({ sent: 1, failed: 0 });
      expect(server.received).toHaveLength(1);
      const [mail] = server.received;
      expect(mail!.to).toEqual([reporter.email]);
      expect(mail!.subject).toBe(`[The Harbour Gazette] ${editor.name} approved “Real mail arrives”`);
      expect(mail!.text).toMatch(new RegExp(`https://desk\\.paper\\.test/desk/articles/${id}#event-\\w+`));
      expect(mail!.html).toContain(`https://desk.paper.test/desk/articles/${id}#event-`);
      expect(mail!.headers["list-unsubscribe"]).toBe("<https://desk.paper.test/desk/account/notifications>");
    } finally {
      await server.close();
    }
  });

  it("a publication does not wait for the mail server: the command writes the row and returns", async () => {
    // No server listens on this port; the publication still completes and leaves its email queued.
    process.env.NEWSDESK_SMTP_PORT = "9";
    try {
      const id = await approvedStory("Published while mail is down");
      await move(id, "publish", editor);
      expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("published");
      expect(await db.emailOutbox.count({ where: { sentAt: null, notification: { articleId: id } } })).toBe(2);
    } finally {
      delete process.env.NEWSDESK_SMTP_PORT;
    }
  });
});
