/**
 * The second factor on a real database: enrolling stores the secret only when a code confirms it,
 * a code (TOTP or recovery) works once even when two requests race, sign-in asks for the code, and
 * removals are audited. Time is injected; the codes are computed as an authenticator app would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();
process.env.NEXTAUTH_SECRET = "integration-only-secret";

const { db } = await import("@/lib/db");
const { hashPassword } = await import("@/lib/auth/password");
const { sealEnrolment } = await import("@/lib/auth/enrolment-token");
const { serverKey } = await import("@/lib/auth/server-keys");
const { newTotpSecret, totpCodeAt, totpStepAt } = await import("@/lib/auth/totp");
const { verifySecondFactor } = await import("@/lib/auth/second-factor");
const { enrolSecondFactor } = await import("@/lib/auth/commands/enrol-second-factor");
const { removeOwnSecondFactor } = await import("@/lib/auth/commands/remove-own-second-factor");
const { renewRecoveryCodes } = await import("@/lib/auth/commands/renew-recovery-codes");
const { removeSecondFactor } = await import("@/lib/users/commands/remove-second-factor");
const { attemptSignIn } = await import("@/lib/auth/sign-in");

const password = "harbour-lights-at-dusk";
const t0 = new Date("2030-06-01T09:00:10Z");
const plus = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
type Person = { id: string; name: string; email: string; role: "reporter" | "editor" | "admin" };
let editor: Person;
let reporter: Person;
let admin: Person;

async function person(role: Person["role"], name: string): Promise<Person> {
  const email = `${name.toLowerCase()}@paper.example`;
  const user = await db.user.create({ data: { email, name, role, passwordHash: await hashPassword(password) } });
  return { id: user.id, name, email, role };
}

const freshUser = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { id: true, role: true, totpSecret: true, totpLastStep: true } });
const auditKinds = async (subject: string) => (await db.auditEntry.findMany({ where: { subject }, orderBy: { at: "asc" } })).map((entry) => entry.kind);

/** Sets up a second factor as the page and the person would: a sealed secret, the app's code. */
async function enrol(user: Person, at: Date) {
  const secret = newTotpSecret();
  const token = sealEnrolment(serverKey("second-factor-enrolment"), { userId: user.id, secret }, at);
  const { recoveryCodes } = await enrolSecondFactor({ input: { token, code: totpCodeAt(secret, at) }, actor: user, now: at, address: "127.0.0.1" });
  return { secret, recoveryCodes };
}

beforeAll(async () => {
  await db.settings.create({ data: { id: 1, newspaperName: "The Harbour Gazette", timeZone: "UTC" } });
  [editor, reporter, admin] = await Promise.all([person("editor", "Elena"), person("reporter", "Rafael"), person("admin", "Amara")]);
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("enrolling", () => {
  it("is refused with a wrong code, an expired set-up or someone else's, and stores nothing", async () => {
    const secret = newTotpSecret();
    const token = sealEnrolment(serverKey("second-factor-enrolment"), { userId: editor.id, secret }, t0);
    const wrong = String((Number(totpCodeAt(secret, t0)) + 1) % 1_000_000).padStart(6, "0");
    await expect(enrolSecondFactor({ input: { token, code: wrong }, actor: editor, now: t0, address: "" })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { code: [expect.stringContaining("That code is not right")] },
    });
    const late = plus(21 * 60);
    await expect(
      enrolSecondFactor({ input: { token, code: totpCodeAt(secret, late) }, actor: editor, now: late, address: "" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      enrolSecondFactor({ input: { token, code: totpCodeAt(secret, t0) }, actor: reporter, now: t0, address: "" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    for (const id of [editor.id, reporter.id]) expect((await freshUser(id)).totpSecret).toBeNull();
    expect(await db.recoveryCode.count()).toBe(0);
    expect(await auditKinds(`user:${editor.id}`)).toEqual([]);
  });

  it("stores the secret when the app's code confirms it, with ten recovery codes kept only as hashes", async () => {
    const { secret, recoveryCodes } = await enrol(editor, t0);
    const stored = await freshUser(editor.id);
    expect(stored.totpSecret).toBe(secret);
    expect(stored.totpLastStep).toBe(totpStepAt(t0));
    expect(recoveryCodes).toHaveLength(10);
    const rows = await db.recoveryCode.findMany({ where: { userId: editor.id } });
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(recoveryCodes.some((code) => row.codeHash.includes(code) || row.codeHash.includes(code.replaceAll("-", "")))).toBe(false);
    expect(await auditKinds(`user:${editor.id}`)).toEqual(["second_factor_enrolled"]);
  });

  it("cannot replace a factor already on", async () => {
    const before = await freshUser(editor.id);
    await expect(enrol(editor, plus(60))).rejects.toMatchObject({ code: "conflict" });
    expect(await freshUser(editor.id)).toEqual(before);
  });
});

describe("a TOTP code at sign-in", () => {
  it("is refused when it is the very code that confirmed the enrolment", async () => {
    const { totpSecret } = await freshUser(editor.id);
    expect(await verifySecondFactor(await freshUser(editor.id), totpCodeAt(totpSecret!, t0), plus(5))).toBe(false);
  });

  it("works once, even when two sign-ins race with it", async () => {
    const user = await freshUser(editor.id);
    const code = totpCodeAt(user.totpSecret!, plus(30));
    // Both read the same row before either writes: only the conditional update stops the second.
    const results = await Promise.all([verifySecondFactor(user, code, plus(31)), verifySecondFactor(user, code, plus(31))]);
    expect(results.sort()).toEqual([false, "totp"]);
    expect(await verifySecondFactor(await freshUser(editor.id), code, plus(32))).toBe(false);
    expect((await freshUser(editor.id)).totpLastStep).toBe(totpStepAt(plus(30)));
  });

  it("is accepted a step early or late, not two", async () => {
    const user = await freshUser(editor.id);
    expect(await verifySecondFactor(user, totpCodeAt(user.totpSecret!, plus(150)), plus(90))).toBe(false);
    expect(await verifySecondFactor(user, totpCodeAt(user.totpSecret!, plus(120)), plus(90))).toBe("totp");
  });
});

describe("a recovery code", () => {
  it("signs in once, is audited, and is refused the second time", async () => {
    const { recoveryCodes } = await renewRecoveryCodes({ input: { password }, actor: editor, now: plus(200), address: "" });
    const user = await freshUser(editor.id);
    expect(await verifySecondFactor(user, recoveryCodes[0]!.toUpperCase(), plus(210), { address: "203.0.113.9" })).toBe("recovery");
    expect(await verifySecondFactor(user, recoveryCodes[0]!, plus(211))).toBe(false);
    const used = await db.auditEntry.findFirstOrThrow({ where: { kind: "recovery_code_used", actorId: editor.id } });
    expect(used.address).toBe("203.0.113.9");
    expect(used.summary).toBe("Signed in with a recovery code; 9 left");
    expect(await db.recoveryCode.count({ where: { userId: editor.id, usedAt: null } })).toBe(9);
  }, 20_000);

  it("works once when two sign-ins race with it", async () => {
    const { recoveryCodes } = await renewRecoveryCodes({ input: { password }, actor: editor, now: plus(300), address: "" });
    const user = await freshUser(editor.id);
    const results = await Promise.all([verifySecondFactor(user, recoveryCodes[3]!, plus(301)), verifySecondFactor(user, recoveryCodes[3]!, plus(301))]);
    expect(results.sort()).toEqual([false, "recovery"]);
  }, 20_000);

  it("stops working when new codes are made, and is nobody else's", async () => {
    const { recoveryCodes: old } = await renewRecoveryCodes({ input: { password }, actor: editor, now: plus(400), address: "" });
    await renewRecoveryCodes({ input: { password }, actor: editor, now: plus(401), address: "" });
    expect(await verifySecondFactor(await freshUser(editor.id), old[1]!, plus(402))).toBe(false);
    const { recoveryCodes: reporterCodes } = await enrol(reporter, plus(403));
    expect(await verifySecondFactor(await freshUser(editor.id), reporterCodes[0]!, plus(404))).toBe(false);
    expect(await auditKinds(`user:${editor.id}`)).toEqual([
      "second_factor_enrolled",
      "recovery_codes_renewed",
      "recovery_code_used",
      "recovery_codes_renewed",
      "recovery_code_used",
      "recovery_codes_renewed",
      "recovery_codes_renewed",
    ]);
  }, 30_000);

  it("cannot be renewed without the right password", async () => {
    const before = await db.recoveryCode.findMany({ where: { userId: editor.id }, orderBy: { id: "asc" } });
    await expect(renewRecoveryCodes({ input: { password: "not my password" }, actor: editor, now: plus(500), address: "" })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { password: ["That password is not right."] },
    });
    expect(await db.recoveryCode.findMany({ where: { userId: editor.id }, orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("signing in", () => {
  it("asks for the code after the right password, refuses a wrong one, accepts the right one", async () => {
    const attempt = { email: editor.email, password, address: "127.0.0.1", userAgent: "test" };
    const { totpSecret } = await freshUser(editor.id);
    expect(await attemptSignIn({ ...attempt, now: plus(600) })).toMatchObject({ ok: false, reason: "code_required" });
    expect(await attemptSignIn({ ...attempt, code: "000000x", now: plus(600) })).toMatchObject({ ok: false, reason: "code_invalid" });
    expect(await attemptSignIn({ ...attempt, code: totpCodeAt(totpSecret!, plus(600)), now: plus(600) })).toMatchObject({ ok: true });
  }, 20_000);
});

describe("removing a second factor", () => {
  it("is refused to an editor themselves, whose role needs one, and changes nothing", async () => {
    const before = await freshUser(editor.id);
    await expect(removeOwnSecondFactor({ input: { password }, actor: editor, now: plus(700), address: "" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await freshUser(editor.id)).toEqual(before);
  });

  it("is a reporter's own choice, with their password", async () => {
    await expect(removeOwnSecondFactor({ input: { password: "wrong" }, actor: reporter, now: plus(700), address: "" })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect((await freshUser(reporter.id)).totpSecret).not.toBeNull();
    await removeOwnSecondFactor({ input: { password }, actor: reporter, now: plus(701), address: "" });
    expect((await freshUser(reporter.id)).totpSecret).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: reporter.id } })).toBe(0);
    expect(await auditKinds(`user:${reporter.id}`)).toEqual(["second_factor_enrolled", "second_factor_removed"]);
  }, 20_000);

  it("is an admin's to do for anyone (a lost phone), audited as the admin's act; nobody else's", async () => {
    const before = await freshUser(editor.id);
    await expect(removeSecondFactor({ input: { userId: editor.id }, actor: reporter, now: plus(800), address: "" })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await freshUser(editor.id)).toEqual(before);
    await removeSecondFactor({ input: { userId: editor.id }, actor: admin, now: plus(801), address: "198.51.100.4" });
    expect(await freshUser(editor.id)).toMatchObject({ totpSecret: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: editor.id } })).toBe(0);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { kind: "second_factor_removed", subject: `user:${editor.id}` } });
    expect(entry).toMatchObject({ actorId: admin.id, address: "198.51.100.4", summary: "Removed Elena's second factor" });
    // Password alone signs in again; the desk then sends her to enrol.
    expect(await attemptSignIn({ email: editor.email, password, address: "", userAgent: "", now: plus(802) })).toMatchObject({ ok: true });
  }, 20_000);
});
