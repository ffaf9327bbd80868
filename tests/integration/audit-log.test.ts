/**
 * The audit log on a real database: every audited change writes exactly one entry, in its own
 * transaction, naming the actor, the kind, the subject and the client's address; a refused or
 * failed change writes none; and the database itself refuses to change or remove an entry.
 * The session and the request's headers are stubbed (the edge of the machine).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDatabase, onPostgres } from "./database";
import { signedIn, userByEmail, type TestUser as User } from "./signed-in";

freshDatabase();
// Several tests hash and check passwords (bcrypt, deliberately slow); on a busy shared machine that
// outlasts the 5 s default.
vi.setConfig({ testTimeout: 30_000 });

vi.mock("@/lib/auth/session", () => import("./signed-in"));
// Our server stamps the client's address on every request (lib/server/client-address.ts).
const clientAddress = "203.0.113.7";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-newsdesk-client-address": clientAddress }),
}));

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
const { demoPassword } = await import("@/lib/demo");
const users = await import("@/lib/users/actions");
const { changeUserRole } = await import("@/lib/users/commands/change-user-role");
const settings = await import("@/lib/settings/actions");
const sections = await import("@/lib/sections/actions");
const { workflowAction } = await import("@/lib/articles/actions");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { publishDueArticles } = await import("@/lib/articles/scheduler");
const { attemptSignIn } = await import("@/lib/auth/sign-in");

let admin: User;
let reporter: User;
let editor: User;
let sectionId: string;
/** How many entries there were when the test began: the ones after are the ones it wrote. */
let countBefore = 0;

/**
 * The entries written since `countBefore`, in the order they were written: SQLite's rowid; on
 * PostgreSQL the row's place in the table, which an append-only table fills in order.
 */
async function newEntries() {
  const rows = onPostgres
    ? await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AuditEntry" ORDER BY ctid OFFSET ${countBefore}`
    : await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AuditEntry" ORDER BY rowid LIMIT -1 OFFSET ${countBefore}`;
  const entries = await db.auditEntry.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  return rows.map((row) => entries.find((entry) => entry.id === row.id)!);
}

async function person(role: "reporter" | "editor" | "admin", name: string, password = "harbour-lights-1") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@paper.example`;
  const user = await db.user.create({ data: { name, email, role, passwordHash: await hashPassword(password) } });
  return { id: user.id, role, name, email } satisfies User;
}

async function draftBy(user: User, headline: string, now = new Date()) {
  return createArticle({
    fields: { headline, dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news", body: "First paragraph." },
    actor: user,
    now,
  });
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const all = await db.user.findMany();
  // The demo accounts act here; none of them is changed.
  admin = userByEmail(all, "admin@example.com");
  reporter = userByEmail(all, "reporter@example.com");
  editor = userByEmail(all, "editor@example.com");
  sectionId = (await db.section.findFirstOrThrow({ where: { slug: "city" } })).id;
});

beforeEach(async () => {
  countBefore = await db.auditEntry.count();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("user changes", () => {
  it("records a new user once, by the admin, from the client's address", async () => {
    signedIn(admin);
    const result = await users.createUserAction({ name: "Nadia Audit", email: "nadia.audit@paper.example", role: "reporter", password: "harbour-lights-2" });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id : "";
    const entries = await newEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: "user_created",
      actorId: admin.id,
      address: clientAddress,
      subject: `user:${id}`,
      summary: "Added Nadia Audit (nadia.audit@paper.example) as a reporter",
    });
    expect(JSON.parse(entries[0]!.detail)).toEqual({ after: { name: "Nadia Audit", email: "nadia.audit@paper.example", role: "reporter" } });
  });

  it("records nothing when the email is taken", async () => {
    signedIn(admin);
    const result = await users.createUserAction({ name: "Twin", email: "nadia.audit@paper.example", role: "reporter", password: "harbour-lights-2" });
    expect(result.ok).toBe(false);
    expect(await newEntries()).toEqual([]);
  });

  it("records a role change with the before and after", async () => {
    const sam = await person("reporter", "Sam Reporter");
    signedIn(admin);
    expect((await users.changeUserRoleAction({ userId: sam.id, role: "editor" })).ok).toBe(true);
    const entries = await newEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: "role_changed",
      actorId: admin.id,
      address: clientAddress,
      subject: `user:${sam.id}`,
      summary: "Changed Sam Reporter's role from reporter to editor",
    });
    expect(JSON.parse(entries[0]!.detail)).toEqual({ before: { role: "reporter" }, after: { role: "editor" } });
  });

  it("records nothing for a refused role change, and the role stays", async () => {
    signedIn(admin);
    const result = await users.changeUserRoleAction({ userId: admin.id, role: "reporter" });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    expect(await newEntries()).toEqual([]);
  });

  it("rolls the change back when its entry cannot be written: the two land together or not at all", async () => {
    const lee = await person("reporter", "Lee Rollback");
    // An actor with no account: the entry's reference to them fails inside the transaction.
    const ghost = { id: "no-such-user", role: "admin" as const };
    await expect(changeUserRole({ input: { userId: lee.id, role: "editor" }, actor: ghost, now: new Date() })).rejects.toThrow();
    expect((await db.user.findUniqueOrThrow({ where: { id: lee.id } })).role).toBe("reporter");
    expect(await newEntries()).toEqual([]);
  });

  it("records a deactivation and a reactivation, once each", async () => {
    const kim = await person("reporter", "Kim Leaving");
    signedIn(admin);
    expect(await users.deactivateUserAction({ userId: kim.id })).toMatchObject({ ok: true, deactivated: true });
    // Deactivating someone already deactivated changes nothing, and records nothing.
    expect(await users.deactivateUserAction({ userId: kim.id })).toMatchObject({ ok: true, deactivated: true });
    expect(await users.reactivateUserAction({ userId: kim.id })).toMatchObject({ ok: true, active: true });
    const entries = await newEntries();
    expect(entries.map((entry) => [entry.kind, entry.actorId, entry.subject, entry.summary])).toEqual([
      ["user_deactivated", admin.id, `user:${kim.id}`, "Deactivated Kim Leaving"],
      ["user_reactivated", admin.id, `user:${kim.id}`, "Reactivated Kim Leaving"],
    ]);
    // With the password she had.
    expect(await verifyPassword("harbour-lights-1", (await db.user.findUniqueOrThrow({ where: { id: kim.id } })).passwordHash)).toBe(true);
  });
});

describe("deactivating an editor with scheduled stories", () => {
  it("lists the stories first and changes nothing until the admin confirms them; the schedule stays", async () => {
    const eve = await person("editor", "Eve Scheduler");
    const { id } = await draftBy(reporter, "Embargoed budget story");
    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: new Date("2031-01-05T09:00:00Z") }, actor: eve, now: new Date() });
    countBefore = await db.auditEntry.count();

    signedIn(admin);
    const asked = await users.deactivateUserAction({ userId: eve.id });
    expect(asked).toMatchObject({
      ok: true,
      deactivated: false,
      scheduled: [{ id, headline: "Embargoed budget story", scheduledFor: new Date("2031-01-05T09:00:00Z") }],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: eve.id } })).active).toBe(true);
    expect(await newEntries()).toEqual([]);

    // A story scheduled after the list was shown is shown too: the confirmation covered only the first.
    const { id: later } = await draftBy(reporter, "Second embargoed story");
    await moveArticle({ input: { articleId: later, action: "schedule", scheduledFor: new Date("2031-01-06T09:00:00Z") }, actor: eve, now: new Date() });
    countBefore = await db.auditEntry.count();
    const again = await users.deactivateUserAction({ userId: eve.id, acknowledgedScheduled: [id] });
    expect(again).toMatchObject({ ok: true, deactivated: false });
    expect(again.ok && !again.deactivated ? again.scheduled.map((story) => story.id) : []).toEqual([id, later]);
    expect((await db.user.findUniqueOrThrow({ where: { id: eve.id } })).active).toBe(true);

    expect(await users.deactivateUserAction({ userId: eve.id, acknowledgedScheduled: [id, later] })).toMatchObject({ ok: true, deactivated: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: eve.id } })).active).toBe(false);
    // Decision 013: the schedule outlives the account.
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "scheduled", scheduledById: eve.id });
    const entries = await newEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: "user_deactivated",
      subject: `user:${eve.id}`,
      summary: "Deactivated Eve Scheduler; 2 stories they scheduled will still go live",
    });
  });
});

describe("reactivating an account still on the public demo password", () => {
  it("needs a new password in the same step, never the demo password again", async () => {
    const demo = await person("admin", "Dora Demo", demoPassword);
    await db.user.update({ where: { id: demo.id }, data: { active: false } });
    signedIn(admin);

    const bare = await users.reactivateUserAction({ userId: demo.id });
    expect(bare).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { newPassword: [expect.stringContaining("public demo password")] } });
    const same = await users.reactivateUserAction({ userId: demo.id, newPassword: demoPassword });
    // The password rules (lib/auth/password-rules.ts) already refuse it as too easy to guess.
    expect(same).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.stringContaining("too common")] } });
    const short = await users.reactivateUserAction({ userId: demo.id, newPassword: "short" });
    expect(short).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { newPassword: [expect.any(String)] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: demo.id } })).active).toBe(false);
    expect(await newEntries()).toEqual([]);

    expect(await users.reactivateUserAction({ userId: demo.id, newPassword: "a-new-harbour-password" })).toMatchObject({ ok: true, active: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: demo.id } });
    expect(after.active).toBe(true);
    expect(after.mustChangePassword).toBe(true);
    expect(await verifyPassword("a-new-harbour-password", after.passwordHash)).toBe(true);
    expect(await verifyPassword(demoPassword, after.passwordHash)).toBe(false);
    const entries = await newEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "user_reactivated", actorId: admin.id, address: clientAddress, subject: `user:${demo.id}` });
    expect(entries[0]!.summary).toContain("new password");
  });
});

describe("settings and sections", () => {
  it("records a settings change with what changed, and nothing for a save that changes nothing", async () => {
    signedIn(admin);
    const current = await db.settings.findUniqueOrThrow({ where: { id: 1 } });
    expect((await settings.updateSettingsAction({ newspaperName: current.newspaperName, timeZone: "Europe/London", requireSecondFactorForReporters: false })).ok).toBe(true);
    expect((await settings.updateSettingsAction({ newspaperName: current.newspaperName, timeZone: "Europe/London", requireSecondFactorForReporters: false })).ok).toBe(true);
    expect((await settings.updateSettingsAction({ newspaperName: current.newspaperName, timeZone: current.timeZone, requireSecondFactorForReporters: false })).ok).toBe(true);
    const entries = await newEntries();
    expect(entries.map((entry) => [entry.kind, entry.actorId, entry.subject, entry.address])).toEqual([
      ["settings_changed", admin.id, "settings", clientAddress],
      ["settings_changed", admin.id, "settings", clientAddress],
    ]);
    expect(JSON.parse(entries[0]!.detail)).toEqual({ before: { timeZone: current.timeZone }, after: { timeZone: "Europe/London" } });
  });

  it("records adding, renaming, moving and deleting a section, once each; a refused delete records nothing", async () => {
    signedIn(admin);
    const added = await sections.addSectionAction({ name: "Harbour Life" });
    if (!added.ok) throw new Error(added.error);
    expect((await sections.renameSectionAction({ sectionId: added.id, name: "Harbour Living" })).ok).toBe(true);
    expect((await sections.moveSectionAction({ sectionId: added.id, direction: "up" })).ok).toBe(true);
    expect((await sections.deleteSectionAction({ sectionId })).ok).toBe(false); // City has articles
    expect((await sections.deleteSectionAction({ sectionId: added.id })).ok).toBe(true);
    const entries = await newEntries();
    expect(entries.map((entry) => [entry.kind, entry.subject, entry.summary])).toEqual([
      ["section_changed", `section:${added.id}`, 'Added the section "Harbour Life" at /harbour-life'],
      ["section_changed", `section:${added.id}`, 'Renamed the section "Harbour Life" to "Harbour Living"'],
      ["section_changed", `section:${added.id}`, 'Moved the section "Harbour Living" up the masthead'],
      ["section_changed", `section:${added.id}`, 'Deleted the section "Harbour Living" (/harbour-life)'],
    ]);
    expect(entries.every((entry) => entry.actorId === admin.id && entry.address === clientAddress)).toBe(true);
  });
});

describe("publication", () => {
  it("records each publish, republish, unpublish, spike, schedule and cancellation once; other moves not at all", async () => {
    const { id } = await draftBy(reporter, "Ferry timetable changes");
    const { id: spiked } = await draftBy(reporter, "A story that will not run");
    signedIn(reporter);
    expect((await workflowAction({ articleId: id, action: "submit" })).ok).toBe(true);
    signedIn(editor);
    const steps = [
      { articleId: id, action: "approve" },
      { articleId: id, action: "schedule", scheduledFor: "2031-02-01T09:00:00Z" },
      { articleId: id, action: "cancelSchedule" },
      { articleId: id, action: "publish" },
      { articleId: id, action: "republish", significantUpdate: true },
      { articleId: id, action: "unpublish" },
      { articleId: spiked, action: "spike" },
    ];
    for (const step of steps) expect((await workflowAction(step)).ok, step.action).toBe(true);
    const entries = await newEntries();
    expect(entries.map((entry) => [entry.kind, entry.subject])).toEqual([
      ["article_scheduled", `article:${id}`],
      ["article_unscheduled", `article:${id}`],
      ["article_published", `article:${id}`],
      ["article_republished", `article:${id}`],
      ["article_unpublished", `article:${id}`],
      ["article_spiked", `article:${spiked}`],
    ]);
    expect(entries.every((entry) => entry.actorId === editor.id && entry.address === clientAddress)).toBe(true);
    expect(entries[0]!.summary).toBe('Scheduled "Ferry timetable changes" for 1 Feb, 2031 09:00 (UTC, UTC+00:00)');
    expect(entries[3]!.summary).toBe('Republished "Ferry timetable changes" as a significant update');
    expect(JSON.parse(entries[2]!.detail)).toMatchObject({ before: { status: "approved" }, after: { status: "published" }, revision: 1 });
  });

  it("records nothing when a reporter's publish is refused", async () => {
    const { id } = await draftBy(reporter, "Reporter tries to publish");
    signedIn(reporter);
    expect(await workflowAction({ articleId: id, action: "publish" })).toMatchObject({ ok: false });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    expect(await newEntries()).toEqual([]);
  });

  it("records a scheduled go-live with the scheduling editor as the actor, no address, and the scheduler named", async () => {
    const due = new Date("2030-12-01T09:00:00Z");
    const { id } = await draftBy(reporter, "Embargo lifts at nine", new Date("2030-11-30T08:00:00Z"));
    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: due }, actor: editor, now: new Date("2030-11-30T09:00:00Z") });
    countBefore = await db.auditEntry.count();
    expect(await publishDueArticles(new Date(due.getTime() + 500))).toEqual([{ id, late: false }]);
    const entries = await newEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "article_published", actorId: editor.id, address: "", subject: `article:${id}` });
    expect(entries[0]!.summary).toContain("by the scheduler");
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ scheduler: true, late: false });
  });
});

describe("sign-in", () => {
  it("records a wrong password with the email typed and no actor", async () => {
    const outcome = await attemptSignIn({ email: "nobody.here@paper.example", password: "guess-guess-guess", address: clientAddress, userAgent: "test", now: new Date() });
    expect(outcome).toMatchObject({ ok: false, reason: "invalid" });
    const entries = await newEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "sign_in_failed", actorId: null, subject: "nobody.here@paper.example", address: clientAddress });
  });
});

describe("the table itself", () => {
  it("refuses an UPDATE and a DELETE, and the entry stays as written", async () => {
    signedIn(admin);
    await settings.updateSettingsAction({ newspaperName: "The Harbour Gazette Audit", timeZone: "UTC", requireSecondFactorForReporters: false });
    const [entry] = await newEntries();
    if (!entry) throw new Error("No entry was written");
    await expect(db.$executeRaw`UPDATE "AuditEntry" SET "summary" = 'nothing happened' WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEntry" WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.update({ where: { id: entry.id }, data: { actorId: null } })).rejects.toThrow();
    await expect(db.auditEntry.deleteMany({})).rejects.toThrow();
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
    expect(await db.auditEntry.count()).toBeGreaterThan(countBefore);
  });
});
