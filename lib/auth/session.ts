/**
 * The signed-in user, checked against the database on every request: their DeskSession row must
 * be open, not past its absolute end and not idle (lib/auth/session-rules.ts), the token's session
 * version must be the user's, and the account must be active. Anything else is treated as signed
 * out, even while the cookie itself is still valid.
 */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { authOptions } from "./options";
import { isRole, type Actor, type Role } from "./policy";
import { needsTouch, sessionState } from "./session-rules";
import { touchSession } from "./sessions";

export type SessionUser = Actor & { name: string; email: string; sessionId: string; mustChangePassword: boolean };

type TokenSession = { userId?: string; sessionId?: string; sessionVersion?: number } | null;

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await getServerSession(authOptions)) as TokenSession;
  if (!token?.userId || !token.sessionId) return null;
  const session = await db.deskSession.findUnique({
    where: { id: token.sessionId },
    select: {
      expiresAt: true,
      lastSeenAt: true,
      endedAt: true,
      user: { select: { id: true, name: true, email: true, role: true, active: true, sessionVersion: true, mustChangePassword: true } },
    },
  });
  const user = session?.user;
  if (!session || !user || user.id !== token.userId || !user.active || !isRole(user.role)) return null;
  const at = now();
  if (sessionState({ session, tokenVersion: token.sessionVersion, userVersion: user.sessionVersion, now: at }) !== "valid") return null;
  if (needsTouch(session.lastSeenAt, at)) await touchSession(token.sessionId, session.lastSeenAt, at);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    sessionId: token.sessionId,
    mustChangePassword: user.mustChangePassword,
  };
});

/** Where a user whose password was reset by an admin must go before anything else. */
export const changePasswordPath = "/desk/account";

type Options = {
  /** Only the account page (and the layout around it) serves a user who must change their password. */
  pendingPasswordChange?: "allow";
};

/** For desk pages: the signed-in user, or a redirect to the sign-in page (or to change their password). */
export async function requireDeskUser(options: Options = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && options.pendingPasswordChange !== "allow") redirect(changePasswordPath);
  return user;
}

/** For actions and API routes: the signed-in user, or an `unauthenticated` (or `forbidden`) DeskError. */
export async function requireActor(options: Options = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new DeskError("unauthenticated", "Your session has ended. Sign in again; your text is kept here.");
  if (user.mustChangePassword && options.pendingPasswordChange !== "allow") {
    throw new DeskError("forbidden", "Choose a new password on your account page first; your text is kept here.");
  }
  return user;
}
