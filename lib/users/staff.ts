/**
 * What the user commands share: the re-read of the user being changed, and
 * the last guard that the newsroom still has an active admin after a write.
 */
import "server-only";
import type { Tx } from "@/lib/db";
import { isRole } from "@/lib/auth/policy";
import { DeskError } from "@/lib/errors";
import type { StaffFacts } from "./rules";

/** The user being changed, re-read inside the transaction; `not_found` when there is no such user. */
export async function readStaffFacts(tx: Tx, userId: string): Promise<StaffFacts & { name: string }> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, active: true } });
  if (!user || !isRole(user.role)) throw new DeskError("not_found", "That user does not exist.");
  return { ...user, role: user.role };
}

export function countActiveAdmins(tx: Tx): Promise<number> {
  return tx.user.count({ where: { role: "admin", active: true } });
}

/**
 * Two admins demoting each other at the same moment could each see the other still in place. The
 * rules are checked before the write; this check after it rolls the transaction back if the
 * newsroom would be left without an admin.
 */
export async function assertAnAdminRemains(tx: Tx): Promise<void> {
  if ((await countActiveAdmins(tx)) === 0) {
    throw new DeskError("conflict", "This is the last active admin. Make someone else an admin first.");
  }
}
