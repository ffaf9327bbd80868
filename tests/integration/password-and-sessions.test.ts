/**
 * Password change, admin reset, sign out everywhere, role change and deactivation, through the real
 * commands on a real database: which sessions each one ends, and what it writes to the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
const { attemptSignIn } = await import("@/lib/auth/sign-in");
const { changePassword } = await import("@/lib/users/commands/change-password");
const { resetPassword } = await import("@/lib/users/commands/reset-password");
const { signOutEverywhere } = await import("@/lib/users/commands/sign-out-everywhere");
const { changeUserRole } = await import("@/lib/users/commands/change-user-role");
const { DeskError } = await import("@/lib/errors");
const { touchSession } = await import("@/lib/auth/sessions");

const password = "lantern quarry velvet";
const now = () => new Date();
let admin: { id: string; role: "admin" };

async function signIn(email: string, typed = password) {
  const outcome = await attemptSignIn({ email, password: typed, address: "198.51.100.1", userAgent: "test", now: now() });
  if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.reason}`);
  return outcome.user;
}

async function newPerson(name: string) {
  const email = `${name}@paper.example`;
  await db.user.create({ data: { email, name, role: "reporter", passwordHash: await hashPassword(password) } });
  return email;
}

const openSessions = async (userId: string) =>
  (await db.deskSession.findMany({ where: { userId, endedAt: null }, select: { id: true } })).map((row) => row.id).sort();

beforeAll(async () => {
  const created = await db.user.create({ data: { email: "chief@paper.example", name: "Chief", role: "admin", passwordHash: "x" } });
  admin = { id: created.id, role: "admin" };
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("changing one's password", () => {
  it("ends every other session and keeps this one, with an audit entry", async () => {
    const email = await newPerson("dana");
    const laptop = await signIn(email);
    const phone = await signIn(email);
    const actor = { id: laptop.id, role: "reporter" as const, name: "dana", email, sessionId: laptop.sessionId, mustChangePassword: false, mustEnrolSecondFactor: false };
    await changePassword({ input: { currentPassword: password, newPassword: "orchard signal tundra" }, actor, address: "198.51.100.1", now: now() });
    expect(await openSessions(laptop.id)).toEqual([laptop.sessionId]);
    expect(phone.sessionId).not.toBe(laptop.sessionId);
    const user = await db.user.findUniqueOrThrow({ where: { id: laptop.id } });
    expect(await verifyPassword("orchard signal tundra", user.passwordHash)).toBe(true);
    expect(await db.auditEntry.count({ where: { kind: "password_changed", actorId: laptop.id } })).toBe(1);
  }, 60_000);

  it("is refused with a wrong current password, beside that field, and nothing changes", async () => {
    const email = await newPerson("eli");
    const session = await signIn(email);
    const actor = { id: session.id, role: "reporter" as const, name: "eli", email, sessionId: session.sessionId, mustChangePassword: false, mustEnrolSecondFactor: false };
    const before = await db.user.findUniqueOrThrow({ where: { id: session.id } });
    const refused = changePassword({ input: { currentPassword: "not my password", newPassword: "orchard signal tundra" }, actor, address: "", now: now() });
    await expect(refused).rejects.toBeInstanceOf(DeskError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { currentPassword: ["That is not your current password."] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: session.id } })).passwordHash).toBe(before.passwordHash);
    expect(await db.signInFailure.count({ where: { key: `account:${email}` } })).toBe(1);
  }, 60_000);
});

describe("an admin's reset", () => {
  it("ends every session, bumps the session version, forces a change, and a made password is shown once", async () => {
    const email = await newPerson("fay");
    const session = await signIn(email);
    const before = await db.user.findUniqueOrThrow({ where: { id: session.id } });
    const result = await resetPassword({ input: { userId: session.id }, actor: admin, address: "198.51.100.2", now: now() });
    expect(result.madePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const after = await db.user.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.mustChangePassword).toBe(true);
    expect(await openSessions(session.id)).toEqual([]);
    expect(await verifyPassword(result.madePassword!, after.passwordHash)).toBe(true);
    expect(await db.auditEntry.count({ where: { kind: "password_reset", subject: `user:${session.id}`, actorId: admin.id } })).toBe(1);

    // They sign in with it; their own change then lifts the requirement.
    const next = await signIn(email, result.madePassword!);
    const actor = { id: next.id, role: "reporter" as const, name: "fay", email, sessionId: next.sessionId, mustChangePassword: true, mustEnrolSecondFactor: false };
    await changePassword({ input: { currentPassword: result.madePassword!, newPassword: "orchard signal tundra" }, actor, address: "", now: now() });
    expect((await db.user.findUniqueOrThrow({ where: { id: next.id } })).mustChangePassword).toBe(false);
  }, 60_000);

  it("is refused to anyone but an admin, and changes nothing", async () => {
    const email = await newPerson("gus");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await expect(resetPassword({ input: { userId: user.id }, actor: { id: user.id, role: "editor" }, address: "", now: now() })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toEqual(user);
  }, 60_000);
});

describe("ending every session at once", () => {
  it("sign out everywhere ends all of them, this one too", async () => {
    const email = await newPerson("hal");
    const one = await signIn(email);
    await signIn(email);
    const actor = { id: one.id, role: "reporter" as const, name: "hal", email, sessionId: one.sessionId, mustChangePassword: false, mustEnrolSecondFactor: false };
    await signOutEverywhere({ actor, address: "", now: now() });
    expect(await openSessions(one.id)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: one.id } })).sessionVersion).toBe(one.sessionVersion + 1);
    expect(await db.auditEntry.count({ where: { kind: "sign_out_everywhere", actorId: one.id } })).toBe(1);
  }, 60_000);

  it("a role change moves the session version on, so the old token no longer holds", async () => {
    const email = await newPerson("ivy");
    const session = await signIn(email);
    await changeUserRole({ input: { userId: session.id, role: "editor" }, actor: admin, now: now() });
    expect((await db.user.findUniqueOrThrow({ where: { id: session.id } })).sessionVersion).toBe(session.sessionVersion + 1);
  }, 60_000);
});

describe("a session in use", () => {
  it("is recorded as seen, once, by requests that read the same lastSeenAt", async () => {
    const email = await newPerson("jo");
    const session = await signIn(email);
    const row = await db.deskSession.findUniqueOrThrow({ where: { id: session.sessionId } });
    const later = new Date(row.lastSeenAt.getTime() + 5 * 60_000);
    await touchSession(row.id, row.lastSeenAt, later);
    expect((await db.deskSession.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt).toEqual(later);
    // A second request of the same page read the old value: it writes nothing.
    await touchSession(row.id, row.lastSeenAt, new Date(later.getTime() + 1000));
    expect((await db.deskSession.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt).toEqual(later);
  }, 60_000);
});
