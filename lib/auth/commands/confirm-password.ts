/**
 * The password typed again before a change to the account's protection (removing the second factor,
 * renewing recovery codes), so a session left open on a shared computer cannot make it.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { verifyPassword } from "../password";

export async function confirmPassword(userId: string, password: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    throw new DeskError("invalid_input", "Some fields need attention.", { password: ["That password is not right."] });
  }
}
