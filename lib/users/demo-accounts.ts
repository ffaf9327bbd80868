/**
 * Demo accounts once demo mode is off. Their emails and password are public (README, lib/demo.ts,
 * the seed), so a newsroom running for real must not keep them open: `npm start` with demo mode off
 * deactivates every demo account that still has the demo password. One whose password was changed
 * belongs to someone now and is left alone. Node-only (no "server-only" guard: the start script,
 * run by tsx, calls it).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { verifyPassword } from "@/lib/auth/password";
import { demoAccounts, demoPassword } from "@/lib/demo";

export type DemoAccountsClosure = { deactivated: string[]; activeAdmins: number };

/** With demo mode on, changes nothing. Off: deactivates the demo accounts still on the demo password. */
export async function closePublicDemoAccounts(
  db: Pick<PrismaClient, "user" | "$transaction">,
  { demoMode }: { demoMode: boolean },
): Promise<DemoAccountsClosure> {
  const deactivated: string[] = [];
  if (!demoMode) {
    const open = await db.user.findMany({
      where: { email: { in: demoAccounts.map((account) => account.email) }, active: true },
      orderBy: { email: "asc" },
      select: { id: true, email: true, passwordHash: true },
    });
    for (const account of open) {
      if (!(await verifyPassword(demoPassword, account.passwordHash))) continue;
      // Only if the password is still the one just checked: a change in between keeps the account open.
      const closed = await db.$transaction(async (tx) => {
        const { count } = await tx.user.updateMany({
          where: { id: account.id, passwordHash: account.passwordHash, active: true },
          data: { active: false, sessionVersion: { increment: 1 } },
        });
        if (count === 0) return false;
        await recordAudit(tx, {
          kind: "user_deactivated",
          actorId: null,
          subject: `user:${account.id}`,
          summary: `Deactivated the demo account ${account.email} at start-up: demo mode is off and it still had the public demo password`,
          detail: { before: { active: true }, after: { active: false }, by: "npm start" },
        });
        return true;
      });
      if (closed) deactivated.push(account.email);
    }
  }
  return { deactivated, activeAdmins: await db.user.count({ where: { role: "admin", active: true } }) };
}

/** The one line `npm start` prints about it, or null when nothing was deactivated. */
export function demoAccountsClosureNotice({ deactivated, activeAdmins }: DemoAccountsClosure): string | null {
  if (deactivated.length === 0) return null;
  const which = deactivated.join(", ");
  const next = activeAdmins === 0 ? " No active admin is left: create one with npm run user:create." : "";
  return `Demo mode is off: deactivated the demo accounts still using the public demo password (${which}).${next}`;
}
