/**
 * Sign-in throttling on a real database file: the counters hold across two separate Node processes
 * (each its own Prisma client and bcrypt, as two server processes would be), a refused attempt
 * never reaches bcrypt, unknown emails are throttled alike, and the audit log records it all.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { hashPassword, noPassword, passwordChecksRun } = await import("@/lib/auth/password");
const { attemptSignIn } = await import("@/lib/auth/sign-in");
const { recordSignInFailure } = await import("@/lib/auth/throttle");

const password = "lantern quarry velvet";
const run = promisify(execFile);

/** Signs in from another Node process on the same database file. */
async function fromAnotherProcess(email: string, typed: string, times: number): Promise<{ outcomes: string[]; checks: number }> {
  const { stdout } = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/integration/sign-in-worker.ts", email, typed, String(times)],
    { env: { ...process.env }, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

const here = (email: string, typed: string, address = "198.51.100.7") =>
  attemptSignIn({ email, password: typed, address, userAgent: "test", now: new Date() });

async function auditKinds(subject: string): Promise<string[]> {
  const entries = await db.auditEntry.findMany({ where: { subject }, orderBy: { at: "asc" }, select: { kind: true } });
  return entries.map((entry) => entry.kind);
}

beforeAll(async () => {
  const passwordHash = await hashPassword(password);
  for (const name of ["ada", "ben", "cy"]) {
    await db.user.create({ data: { email: `${name}@paper.example`, name, role: "reporter", passwordHash } });
  }
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("sign-in throttling", () => {
  it("holds across two processes: five failures between them, and the sixth, with the right password, is refused unchecked", async () => {
    const first = await fromAnotherProcess("ada@paper.example", "wrong guess one", 3);
    expect(first).toEqual({ outcomes: ["invalid", "invalid", "invalid"], checks: 3 });
    const second = await fromAnotherProcess("ada@paper.example", "wrong guess two", 2);
    expect(second).toEqual({ outcomes: ["invalid", "invalid"], checks: 2 });

    // Both processes now refuse the right password, and neither runs bcrypt for it.
    expect(await fromAnotherProcess("ada@paper.example", password, 1)).toEqual({ outcomes: ["throttled"], checks: 0 });
    expect(await fromAnotherProcess("ada@paper.example", password, 2)).toEqual({ outcomes: ["throttled", "throttled"], checks: 0 });
    const before = passwordChecksRun();
    const refused = await here("ada@paper.example", password);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(passwordChecksRun()).toBe(before);

    // Five failures, one lockout, and no sign-in; refused attempts write nothing.
    expect(await auditKinds("ada@paper.example")).toEqual([...Array(5).fill("sign_in_failed"), "lockout"]);
    expect(await db.signInFailure.count({ where: { key: "account:ada@paper.example" } })).toBe(5);
    expect(await db.deskSession.count({ where: { user: { email: "ada@paper.example" } } })).toBe(0);
  }, 120_000);

  it("throttles an email that belongs to no account exactly alike", async () => {
    for (let index = 0; index < 5; index++) expect(await here("nobody@paper.example", "a guess")).toEqual({ ok: false, reason: "invalid" });
    const before = passwordChecksRun();
    expect(await here("nobody@paper.example", "a guess")).toMatchObject({ ok: false, reason: "throttled" });
    expect(passwordChecksRun()).toBe(before);
    expect(await auditKinds("nobody@paper.example")).toEqual([...Array(5).fill("sign_in_failed"), "lockout"]);
  }, 60_000);

  it("refuses an account without a password whatever is typed, after a real check, so it reads like a wrong password", async () => {
    await db.user.create({ data: { email: "contributor@paper.example", name: "Contributor", role: "reporter", passwordHash: noPassword } });
    for (const typed of [noPassword, "", "a guess"]) {
      const before = passwordChecksRun();
      expect(await here("contributor@paper.example", typed)).toEqual({ ok: false, reason: "invalid" });
      // The stand-in hash was compared: as long as a wrong password takes.
      expect(passwordChecksRun()).toBe(before + 1);
    }
    expect(await auditKinds("contributor@paper.example")).toEqual(Array(3).fill("sign_in_failed"));
  }, 60_000);

  it("starts an account's count afresh after a success, and opens a session with an audit entry", async () => {
    for (let index = 0; index < 4; index++) await here("ben@paper.example", "not it");
    const success = await here("ben@paper.example", password);
    expect(success.ok).toBe(true);
    expect(await db.signInFailure.count({ where: { key: "account:ben@paper.example" } })).toBe(0);
    for (let index = 0; index < 4; index++) expect((await here("ben@paper.example", "not it")).ok).toBe(false);
    expect((await here("ben@paper.example", password)).ok).toBe(true);

    if (!success.ok) throw new Error("unreachable");
    const session = await db.deskSession.findUniqueOrThrow({ where: { id: success.user.sessionId } });
    expect(session).toMatchObject({ userId: success.user.id, address: "198.51.100.7", userAgent: "test", endedAt: null });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 60 * 60 * 1000);
    const signIns = await db.auditEntry.count({ where: { kind: "sign_in", actorId: success.user.id } });
    expect(signIns).toBe(2);
  }, 60_000);

  it("refuses a client address after 30 failures, whichever emails it tries", async () => {
    const address = "192.0.2.44";
    // 29 failures counted directly (each through sign-in would cost a bcrypt check), the 30th signed in.
    for (let index = 0; index < 29; index++) {
      await recordSignInFailure(db, { email: `spray${index}@paper.example`, address, now: new Date() });
    }
    expect(await here("spray-last@paper.example", "a guess", address)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.auditEntry.count({ where: { kind: "lockout", detail: { contains: `address:${address}` } } })).toBe(1);
    const before = passwordChecksRun();
    expect(await here("cy@paper.example", password, address)).toMatchObject({ ok: false, reason: "throttled" });
    expect(passwordChecksRun()).toBe(before);
    // The account itself is not locked: from another address, the right password works.
    expect((await here("cy@paper.example", password, "192.0.2.45")).ok).toBe(true);
  }, 120_000);

  it("lets a burst of parallel guesses check only five passwords: each is counted before its check", async () => {
    await db.user.create({ data: { email: "dee@paper.example", name: "dee", role: "reporter", passwordHash: await hashPassword(password) } });
    const before = passwordChecksRun();
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, index) => here("dee@paper.example", `burst guess ${index}`, "203.0.113.9")));
    expect(passwordChecksRun() - before).toBe(5);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "invalid")).toHaveLength(5);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "throttled")).toHaveLength(7);
    expect(await db.signInFailure.count({ where: { key: "account:dee@paper.example" } })).toBe(5);
  }, 120_000);

  it("gives the slot back when the password was right, so a second-factor step or success costs no failure", async () => {
    const address = "203.0.113.10";
    expect((await here("cy@paper.example", password, address)).ok).toBe(true);
    expect(await db.signInFailure.count({ where: { key: `address:${address}` } })).toBe(0);
  }, 60_000);
});
