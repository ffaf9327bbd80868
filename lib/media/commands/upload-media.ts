/**
 * A member of staff adds an image to the library: checked and resized (lib/media/images.ts), every
 * file written to storage, and only then the row that makes it visible and servable. Any failure
 * on the way removes the files already written, so nothing is ever half-saved.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { prepareImage } from "../images";
import { libraryImageOf, librarySelect } from "../queries";
import type { MediaDetails } from "../schemas";
import { storeImageFiles } from "../store-image";

/** The name the file had on the uploader's computer, kept for searching; control characters dropped. */
export function cleanOriginalName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/g, "").split(/[\\/]/).pop()!.trim().slice(0, 200);
  return cleaned || "image";
}

/**
 * Throws `forbidden` for someone who may not upload, and `invalid_input` with a message for the
 * person uploading when the file is not an image the library keeps (the action shows it beside the
 * file field).
 */
export async function uploadMedia({
  file,
  details,
  actor,
  now,
}: {
  file: { name: string; bytes: Uint8Array };
  details: MediaDetails;
  actor: Actor;
  now: Date;
}) {
  requirePermission(actor, "upload:media");
  const prepared = await prepareImage(file.bytes);
  if (!prepared.ok) throw new DeskError("invalid_input", prepared.message);

  const { facts, discard } = await storeImageFiles(prepared);
  try {
    const row = await db.media.create({
      data: {
        ...facts,
        originalName: cleanOriginalName(file.name),
        alt: details.alt,
        caption: details.caption,
        credit: details.credit,
        uploadedById: actor.id,
        createdAt: now,
      },
      select: librarySelect,
    });
    return { image: libraryImageOf(row, actor) };
  } catch (error) {
    // The first error is the one worth reporting; files left by a failed clean-up have no row, so
    // they are never listed or served.
    await discard();
    throw error;
  }
}
