/** An admin renames a section. Its address stays: links to it and to its stories keep working. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { refreshPublicPages } from "@/lib/public-cache";
import type { RenameSectionInput } from "../schemas";

export async function renameSection({
  input,
  actor,
  context = noClient,
}: {
  input: RenameSectionInput;
  actor: Actor;
  context?: AuditContext;
}) {
  requirePermission(actor, "manage:settings");
  const result = await db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true, slug: true, name: true } });
    if (!section) throw new DeskError("not_found", "That section does not exist.");
    await tx.section.update({ where: { id: section.id }, data: { name: input.name } });
    if (section.name !== input.name) {
      await recordAudit(tx, {
        kind: "section_changed",
        actorId: actor.id,
        address: context.address,
        subject: `section:${section.id}`,
        summary: `Renamed the section "${section.name}" to "${input.name}"`,
        detail: { before: { name: section.name }, after: { name: input.name } },
      });
    }
    return { id: section.id, slug: section.slug };
  });
  // Every public page shows the sections in its masthead.
  await refreshPublicPages({ everything: true });
  return result;
}
