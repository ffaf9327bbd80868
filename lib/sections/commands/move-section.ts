/** An admin moves a section one place up or down the masthead. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { refreshPublicPages } from "@/lib/public-cache";
import { sectionOrder } from "../queries";
import { moveInOrder } from "../rules";
import type { MoveSectionInput } from "../schemas";

export async function moveSection({
  input,
  actor,
  context = noClient,
}: {
  input: MoveSectionInput;
  actor: Actor;
  context?: AuditContext;
}) {
  requirePermission(actor, "manage:settings");
  const result = await db.$transaction(async (tx) => {
    const sections = await tx.section.findMany({ orderBy: sectionOrder, select: { id: true, name: true } });
    const ids = sections.map((row) => row.id);
    if (!ids.includes(input.sectionId)) throw new DeskError("not_found", "That section does not exist.");
    const order = moveInOrder(ids, input.sectionId, input.direction);
    if (!order) throw new DeskError("conflict", `That section is already at the ${input.direction === "up" ? "top" : "bottom"}.`);
    // Positions are rewritten 0..n-1, which also mends any ties left by older data.
    for (const [position, id] of order.entries()) {
      await tx.section.update({ where: { id }, data: { position } });
    }
    const moved = sections.find((row) => row.id === input.sectionId);
    await recordAudit(tx, {
      kind: "section_changed",
      actorId: actor.id,
      address: context.address,
      subject: `section:${input.sectionId}`,
      summary: `Moved the section "${moved?.name}" ${input.direction} the masthead`,
      detail: { before: { position: ids.indexOf(input.sectionId) }, after: { position: order.indexOf(input.sectionId) } },
    });
    return { id: input.sectionId };
  });
  // Every public page shows the sections in its masthead.
  await refreshPublicPages({ everything: true });
  return result;
}
