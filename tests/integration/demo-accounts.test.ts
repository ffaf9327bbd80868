/**
 * Demo mode off, on a real database: `npm start` deactivates the demo accounts still on the public
 * demo password (lib/users/demo-accounts.ts), and leaves alone one whose password was changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { hashPassword } = await import("@/lib/auth/password");
const { closePublicDemoAccounts, demoAccountsClosureNotice } = await import("@/lib/users/demo-accounts");

const activeByEmail = async () =>
  Object.fromEntries((await db.user.findMany({ select: { email: true, active: true } })).map((user) => [user.email, user.active]));

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  // The editor chose a password of their own; the others never did.
  await db.user.update({ where: { email: "editor@example.com" }, data: { passwordHash: await hashPassword("a password of my own") } });
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("demo accounts when demo mode is switched off", () => {
  it("stay open while demo mode is on", async () => {
    const before = await activeByEmail();
    expect(await closePublicDemoAccounts(db, { demoMode: true })).toEqual({ deactivated: [], activeAdmins: 1 });
    expect(await activeByEmail()).toEqual(before);
  });

  it("are deactivated if they still have the demo password; a changed password keeps its account open", async () => {
    const before = await activeByEmail();
    const closure = await closePublicDemoAccounts(db, { demoMode: false });
    expect(closure).toEqual({ deactivated: ["admin@example.com", "reporter@example.com"], activeAdmins: 0 });
    expect(await activeByEmail()).toEqual({ ...before, "admin@example.com": false, "reporter@example.com": false, "editor@example.com": true });
    // Each closure is in the audit log, by no signed-in person.
    const entries = await db.auditEntry.findMany({ where: { kind: "user_deactivated" }, orderBy: { summary: "asc" } });
    expect(entries.map((entry) => [entry.actorId, entry.summary.split(" at start-up")[0]])).toEqual([
      [null, "Deactivated the demo account admin@example.com"],
      [null, "Deactivated the demo account reporter@example.com"],
    ]);
    expect(demoAccountsClosureNotice(closure)).toBe(
      "Demo mode is off: deactivated the demo accounts still using the public demo password (admin@example.com, reporter@example.com). " +
        "No active admin is left: create one with npm run user:create.",
    );
  }, 30_000);

  it("change nothing on the next start, and say nothing", async () => {
    const before = await activeByEmail();
    const closure = await closePublicDemoAccounts(db, { demoMode: false });
    expect(closure.deactivated).toEqual([]);
    expect(demoAccountsClosureNotice(closure)).toBeNull();
    expect(await db.auditEntry.count({ where: { kind: "user_deactivated" } })).toBe(2);
    expect(await activeByEmail()).toEqual(before);
  }, 30_000);

  it("leave an admin who is still active out of the notice's warning", () => {
    expect(demoAccountsClosureNotice({ deactivated: ["reporter@example.com"], activeAdmins: 2 })).toBe(
      "Demo mode is off: deactivated the demo accounts still using the public demo password (reporter@example.com).",
    );
  });
});
