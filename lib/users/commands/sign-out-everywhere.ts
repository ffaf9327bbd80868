/** "Sign out everywhere": every session of the user ends at once, this browser's too. */
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import { endAllSessions } from "@/lib/auth/sessions";

export async function signOutEverywhere({ actor, address, now }: { actor: SessionUser; address: string; now: Date }) {
  await db.$transaction(async (tx) => {
    await endAllSessions(tx, actor.id, now);
    await recordAudit(tx, {
      kind: "sign_out_everywhere",
      actorId: actor.id,
      address,
      subject: `user:${actor.id}`,
      summary: `${actor.name} signed out everywhere`,
      at: now,
    });
  });
  return { id: actor.id };
}
