/** An admin deletes a section that nothing uses. A section with articles stays, whatever their state. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { refreshPublicPages } from "@/lib/public-cache";
import { deletionBlocker } from "../rules";
import type { SectionRef } from "../schemas";

export async function deleteSection({
  input,
  actor,
  context = noClient,
}: {
  input: SectionRef;
  actor: Actor;
  context?: AuditContext;
}) {
  requirePermission(actor, "manage:settings");
  const result = await db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true, name: true, slug: true } });
    if (!section) throw new DeskError("not_found", "That section does not exist.");
    // One after the other: a transaction is one connection, which runs one query at a time.
    const articles = await tx.article.count({ where: { sectionId: section.id } });
    const assignments = await tx.assignment.count({ where: { sectionId: section.id } });
    const blocker = deletionBlocker(section.name, { articles, assignments });
    if (blocker) throw new DeskError("conflict", blocker);
    await tx.section.delete({ where: { id: section.id } });
    await recordAudit(tx, {
      kind: "section_changed",
      actorId: actor.id,
      address: context.address,
      subject: `section:${section.id}`,
      summary: `Deleted the section "${section.name}" (/${section.slug})`,
      detail: { before: { name: section.name, slug: section.slug }, after: null },
    });
    return { id: section.id };
  });
  // Every public page shows the sections in its masthead.
  await refreshPublicPages({ everything: true });
  return result;
}
