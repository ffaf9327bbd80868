/** An admin adds someone to the newsroom with a role and an initial password. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError, isUniqueViolation } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import type { CreateUserInput } from "../schemas";
import { authorSlug } from "../author-slug";
import { aRole } from "../labels";


export const emailTakenMessage = "Someone already has an account with this email.";

/** Throws `conflict` (with `emailTakenMessage`) when the email is taken; the action shows it beside the email. */
export async function createUser({
  input,
  actor,
  now,
  context = noClient,
}: {
  input: CreateUserInput;
  actor: Actor;
  now: Date;
  context?: AuditContext;
}) {
  requirePermission(actor, "manage:users");
  // Hashed before the transaction: bcrypt takes a moment, and the write lock should not wait for it.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) throw new DeskError("conflict", emailTakenMessage);
      const slug = await authorSlug(input.name, async (candidate) =>
        Boolean(await tx.user.findUnique({ where: { slug: candidate }, select: { id: true } })),
      );
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, passwordHash, slug, createdAt: now },
      });
      await recordAudit(tx, {
        kind: "user_created",
        actorId: actor.id,
        address: context.address,
        subject: `user:${user.id}`,
        summary: `Added ${user.name} (${user.email}) as ${aRole[input.role]}`,
        detail: { after: { name: user.name, email: user.email, role: input.role } },
        at: now,
      });
      return { id: user.id };
    });
  } catch (error) {
    // Two admins adding the same email at once: the unique index decides.
    if (isUniqueViolation(error)) throw new DeskError("conflict", emailTakenMessage);
    throw error;
  }
}
