/** What the users screen reads: people, their roles and whether they have a second factor; never secrets. */
import "server-only";
import { db } from "@/lib/db";
import { isRole, type Role } from "@/lib/auth/policy";

export type StaffRow = { id: string; name: string; email: string; role: Role; active: boolean; hasSecondFactor: boolean };

/** Everyone with an account, active people first, then by name. */
export async function listStaff(): Promise<StaffRow[]> {
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, totpSecret: true },
  });
  return users.flatMap(({ totpSecret, ...user }) =>
    isRole(user.role) ? [{ ...user, role: user.role, hasSecondFactor: totpSecret !== null }] : [],
  );
}
