/**
 * The signed-in user, checked against the database on every request: their DeskSession row must
 * be open, not past its absolute end and not idle (lib/auth/session-rules.ts), the token's session
 * version must be the user's, and the account must be active. Anything else is treated as signed
 * out, even while the cookie itself is still valid. Two gates follow: a user whose password an
 * admin reset must choose a new one, and a user whose role needs a second factor and who has none
 * must enrol, before anything else.
 */
import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { now } from "@/lib/time/clock";
import { db } from "@/lib/db";
import { booleanOf, dateOf, type StoredBoolean, type StoredDate } from "@/lib/raw-values";
import { isDemoMode } from "@/lib/demo";
import { DeskError } from "@/lib/errors";
import type { SecuritySettings } from "@/lib/settings";
import { sessionCookieName } from "./cookies";
import { decryptedTokens } from "./decrypted-tokens";
import { isRole, type Actor, type Role } from "./policy";
import { secondFactorPath, secondFactorRequired } from "./second-factor-rules";
import { needsTouch, sessionState } from "./session-rules";
import { touchSession } from "./sessions";
import { currentRequestCookies, currentRequestHeaders } from "@/lib/server/request-headers";

export type SessionUser = Actor & {
  name: string;
  email: string;
  sessionId: string;
  /** An admin reset their password: every desk page sends them to choose a new one (changePasswordPath). */
  mustChangePassword: boolean;
  /** Needs a second factor and has none: every desk page sends them to enrol (secondFactorPath). */
  mustEnrolSecondFactor: boolean;
};

type TokenSession = { userId?: string; sessionId?: string; sessionVersion?: number } | null;

/**
 * What the API's gate (lib/http.ts) found, for the rest of its request: the action the route then
 * runs asks again, and in a route handler React's `cache` does not hold (a second token decryption
 * and session read on every change made through the API). Only the gate remembers, and a route
 * handler renders no page after its action, so nothing reads a session its own action changed.
 */
const admitted = new WeakMap<object, SessionUser>();

/** The API's gate: this request's signed-in user, remembered for the action the route runs. */
export async function admitActor(): Promise<SessionUser> {
  const user = await requireActor();
  const request = await currentRequestHeaders();
  if (request) admitted.set(request, user);
  return user;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const request = await currentRequestHeaders();
  return (request && admitted.get(request)) || readSessionUser({ touch: true });
});

/**
 * The same check without marking the session as active: for the desk's background polling (the
 * unread count), which must not keep an idle browser signed in past the idle limit.
 */
export async function peekCurrentUser(): Promise<SessionUser | null> {
  return readSessionUser({ touch: false });
}

/** Tokens this process has decrypted (decrypted-tokens.ts). */
const sessionTokens = decryptedTokens<Awaited<ReturnType<typeof decode>> & object>();

/**
 * The session cookie's token, decrypted (and its expiry checked) with the secret next-auth made it
 * with (options.ts). Not `getServerSession`: that runs next-auth's whole session route on each call,
 * its CSRF token, both callbacks and a freshly encrypted token for a cookie it cannot set from a page
 * or a route handler (1.1 ms a call against 0.1 for the decryption alone, measured outside Next).
 * A token too large for one cookie comes in numbered parts (`name.0`, `name.1`…), joined in order
 * as next-auth does.
 */
async function readSessionToken(): Promise<TokenSession> {
  const name = sessionCookieName();
  const parts = (await currentRequestCookies()).filter((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`));
  if (parts.length === 0) return null;
  const suffix = (cookieName: string) => (cookieName === name ? 0 : Number(cookieName.slice(name.length + 1)));
  const value = parts.sort((a, b) => suffix(a.name) - suffix(b.name)).map((cookie) => cookie.value).join("");
  try {
    const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? "";
    const token = await sessionTokens.read(value, (token) => decode({ token, secret }), Date.now());
    if (!token) return null;
    return {
      userId: typeof token.sub === "string" ? token.sub : undefined,
      sessionId: typeof token.sid === "string" ? token.sid : undefined,
      sessionVersion: typeof token.sv === "number" ? token.sv : undefined,
    };
  } catch {
    // Tampered with, made with another secret, or expired: signed out, as next-auth would answer.
    return null;
  }
}

async function readSessionUser({ touch }: { touch: boolean }): Promise<SessionUser | null> {
  const token = await readSessionToken();
  if (!token?.userId || !token.sessionId) return null;
  const session = await readDeskSession(token.sessionId);
  const user = session?.user;
  if (!session || !user || user.id !== token.userId || !user.active || !isRole(user.role)) return null;
  const at = now();
  if (sessionState({ session, tokenVersion: token.sessionVersion, userVersion: user.sessionVersion, now: at }) !== "valid") return null;
  if (touch && needsTouch(session.lastSeenAt, at)) await touchSession(token.sessionId, session.lastSeenAt, at);
  const role = user.role as Role;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role,
    sessionId: token.sessionId,
    mustChangePassword: user.mustChangePassword,
    mustEnrolSecondFactor: !user.totpSecret && secondFactorRequired({ role, email: user.email }, session.security, isDemoMode()),
  };
}

type SessionRow = {
  expiresAt: StoredDate;
  lastSeenAt: StoredDate;
  endedAt: StoredDate | null;
  id: string;
  name: string;
  email: string;
  role: string;
  active: StoredBoolean;
  sessionVersion: number | bigint;
  mustChangePassword: StoredBoolean;
  totpSecret: string | null;
  requireSecondFactorForReporters: StoredBoolean | null;
};

/**
 * The session row, its user and the one security setting the check needs (lib/settings.ts: no row
 * yet means the default, off), in one plain statement: it is read on every desk request
 * (lib/raw-values.ts), and a second statement for the setting cost a round trip on each.
 */
async function readDeskSession(sessionId: string) {
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT "s"."expiresAt", "s"."lastSeenAt", "s"."endedAt",
      "u"."id", "u"."name", "u"."email", "u"."role", "u"."active", "u"."sessionVersion", "u"."mustChangePassword", "u"."totpSecret",
      (SELECT "requireSecondFactorForReporters" FROM "Settings" WHERE "id" = 1) AS "requireSecondFactorForReporters"
    FROM "DeskSession" AS "s" JOIN "User" AS "u" ON "u"."id" = "s"."userId"
    WHERE "s"."id" = ${sessionId}`;
  if (!row) return null;
  return {
    expiresAt: dateOf(row.expiresAt),
    lastSeenAt: dateOf(row.lastSeenAt),
    endedAt: dateOf(row.endedAt),
    security: { requireSecondFactorForReporters: row.requireSecondFactorForReporters === null ? false : booleanOf(row.requireSecondFactorForReporters) } satisfies SecuritySettings,
    user: {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      active: booleanOf(row.active),
      sessionVersion: Number(row.sessionVersion),
      mustChangePassword: booleanOf(row.mustChangePassword),
      totpSecret: row.totpSecret,
    },
  };
}

/** Where a user whose password was reset by an admin must go before anything else. */
export const changePasswordPath = "/desk/account";

/**
 * Which pending step a page or action serves anyway: only the account page passes the password
 * change, only the enrolment page passes enrolment (the desk's frame passes both), so each step
 * stays reachable and nothing else is.
 */
export type Gate = { allowPendingPasswordChange?: boolean; allowPendingEnrolment?: boolean };

/** For desk pages: the signed-in user, or a redirect to the sign-in page (or to the pending step). */
export async function requireDeskUser(gate: Gate = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !gate.allowPendingPasswordChange) redirect(changePasswordPath);
  if (user.mustEnrolSecondFactor && !gate.allowPendingEnrolment) redirect(secondFactorPath);
  return user;
}

/** For actions and API routes: the signed-in user, or an `unauthenticated` (or `forbidden`) DeskError. */
export async function requireActor(gate: Gate = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new DeskError("unauthenticated", "Your session has ended. Sign in again; your text is kept here.");
  if (user.mustChangePassword && !gate.allowPendingPasswordChange) {
    throw new DeskError("forbidden", "Choose a new password on your account page first; your text is kept here.");
  }
  if (user.mustEnrolSecondFactor && !gate.allowPendingEnrolment) {
    throw new DeskError("forbidden", "Set up your second factor first: your role needs one.");
  }
  return user;
}
