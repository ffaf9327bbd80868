/**
 * Changes an image's alt text, caption and credit. The uploader may edit their own images; editors
 * and admins anyone's. (A revision keeps its own copy of its featured image's words, so what a
 * published page says about its picture is changed by republishing, not from here.)
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { libraryImageOf, librarySelect } from "../queries";
import type { UpdateMediaDetailsInput } from "../schemas";

export async function updateMediaDetails({ input, actor }: { input: UpdateMediaDetailsInput; actor: Actor }) {
  return db.$transaction(async (tx) => {
    const image = await tx.media.findUnique({ where: { id: input.id }, select: { id: true, uploadedById: true } });
    if (!image) throw new DeskError("not_found", "That image is no longer in the library.");
    requirePermission(actor, "edit:media:own", { authorId: image.uploadedById });
    const row = await tx.media.update({
      where: { id: image.id },
      data: { alt: input.alt, caption: input.caption, credit: input.credit },
      select: librarySelect,
    });
    return { image: libraryImageOf(row, actor) };
  });
}
