/** An admin adds a section at the end of the masthead; its address is made from the name, once. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { refreshPublicPages } from "@/lib/public-cache";
import { sectionSlugFor, sectionSlugProblem } from "../rules";
import type { AddSectionInput } from "../schemas";

/** Throws `invalid_input` or `conflict` about the name; the action shows them beside the name field. */
export async function addSection({
  input,
  actor,
  context = noClient,
}: {
  input: AddSectionInput;
  actor: Actor;
  context?: AuditContext;
}) {
  requirePermission(actor, "manage:settings");
  const slug = sectionSlugFor(input.name);
  if (!slug) throw new DeskError("invalid_input", "Use letters or digits in the name: the section's address is made from them.");
  const result = await db.$transaction(async (tx) => {
    const sections = await tx.section.findMany({ select: { slug: true, position: true } });
    const problem = sectionSlugProblem(slug, sections.map((section) => section.slug));
    if (problem) throw new DeskError("conflict", problem);
    const position = Math.max(-1, ...sections.map((section) => section.position)) + 1;
    const section = await tx.section.create({ data: { slug, name: input.name, position } });
    await recordAudit(tx, {
      kind: "section_changed",
      actorId: actor.id,
      address: context.address,
      subject: `section:${section.id}`,
      summary: `Added the section "${section.name}" at /${slug}`,
      detail: { before: null, after: { name: section.name, slug, position } },
    });
    return { id: section.id, slug };
  });
  // Every public page shows the sections in its masthead.
  await refreshPublicPages({ everything: true });
  return result;
}
