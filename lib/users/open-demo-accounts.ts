/**
 * The active demo accounts that still accept the public demo password, found as demo mode off
 * finds them (lib/users/demo-accounts.ts): by their known emails, checked against the password.
 * `npm start` keeps the server on this machine while any is left (lib/server/listen-address.ts).
 * Node-only, like demo-accounts.ts: the start script calls it.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { demoAccounts, demoPassword } from "@/lib/demo";

export async function accountsOnDemoPassword(db: Pick<PrismaClient, "user">): Promise<string[]> {
  const open = await db.user.findMany({
    where: { email: { in: demoAccounts.map((account) => account.email) }, active: true },
    orderBy: { email: "asc" },
    select: { email: true, passwordHash: true },
  });
  const onDemoPassword: string[] = [];
  for (const account of open) if (await verifyPassword(demoPassword, account.passwordHash)) onDemoPassword.push(account.email);
  return onDemoPassword;
}
