/**
 * Ending desk sessions: one (sign out), all but the current one (a password change), or all at
 * once by bumping the user's session version (a reset, "Sign out everywhere", and, in their own
 * commands, a deactivation or a role change). Rows are ended too, so the account page's list and
 * the audit log agree with what the tokens can still do.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db";

/** Sign out: the session named in the cookie ends on the server, whatever happens to the cookie. */
export async function endSession(sessionId: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.deskSession.findUnique({ where: { id: sessionId }, select: { endedAt: true, userId: true, address: true } });
    if (!session || session.endedAt) return;
    await tx.deskSession.update({ where: { id: sessionId }, data: { endedAt: now } });
    await recordAudit(tx, {
      kind: "sign_out",
      actorId: session.userId,
      address: session.address,
      subject: `user:${session.userId}`,
      summary: "Signed out",
      detail: { session: sessionId },
      at: now,
    });
  });
}

/** Ends every open session of the user except `keepSessionId`. */
export async function endOtherSessions(tx: Tx, userId: string, keepSessionId: string, now: Date): Promise<void> {
  await tx.deskSession.updateMany({ where: { userId, endedAt: null, id: { not: keepSessionId } }, data: { endedAt: now } });
}

/** Ends every open session of the user, the current one included: no old token works after this. */
export async function endAllSessions(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.deskSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}

export type OpenSession = { id: string; createdAt: Date; lastSeenAt: Date; address: string; userAgent: string; current: boolean };

/** The user's sessions still open, newest first, for their account page. */
export async function listOpenSessions(userId: string, currentSessionId: string, now: Date): Promise<OpenSession[]> {
  const rows = await db.deskSession.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, address: true, userAgent: true },
    take: 50,
  });
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

/**
 * Records that the session was used now. Conditional on the lastSeenAt just read, so the several
 * requests of one page write once at most.
 */
export async function touchSession(sessionId: string, lastSeenAt: Date, now: Date): Promise<void> {
  await db.deskSession.updateMany({ where: { id: sessionId, lastSeenAt }, data: { lastSeenAt: now } });
}
